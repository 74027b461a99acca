// Wide CSV: one row per step, one column per measurement (the paper's Tables 2-4). Built for
// large files: the column plan is fixed from the header, every row is split in place, numbers
// are read with std::from_chars, and the columnar tables are reserved from the file size.

#include "core/logs/ColumnNames.h"
#include "core/logs/CsvLogs.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace cl::logs {

namespace {

struct OrderGroup {
    DomainPair order;
    std::vector<int> excess, reached, base;  // column per domain, -1 when absent
};

struct PColumn {
    int value = -1, stdError = -1, samples = -1;
    DomainPair pair;
    int target = -1;
};

struct Plan {
    int step = -1, length = -1, deltaW = -1, target = -1;
    std::vector<int> loss;      // per domain
    std::vector<int> baseAll;   // Lbase_<k> without an order: shared by every order of the row
    std::vector<PColumn> p;
    std::vector<OrderGroup> groups;
    std::vector<char> used;     // per column: read this cell
};

std::vector<std::string> inferDomains(const std::vector<CsvCell>& header)
{
    std::vector<std::string> names;
    std::unordered_set<std::string> known;  // hashed: a header of 10^6 loss columns in linear time
    for (const auto& cell : header)
        if (auto name = lossColumnDomain(cell.text); name && known.insert(*name).second)
            names.push_back(*name);  // a repeated loss column is reported by makePlan, with its place
    return names;
}

Plan makePlan(const std::vector<CsvCell>& header, RunLog& log, long line, const std::string& path)
{
    const int K = log.domainCount();
    Plan plan;
    plan.loss.assign(K, -1);
    plan.baseAll.assign(K, -1);
    plan.used.assign(header.size(), 0);
    // Hash maps, not scans: a header with 10^5 domains has 10^5+ columns.
    const DomainLookup lookup(log.domains);
    std::unordered_map<std::string, int> seen;  // canonical name -> column, to find repeats
    std::unordered_map<std::uint64_t, std::size_t> groupIndex, pIndex;
    auto key = [](DomainPair order, int k) {
        return (std::uint64_t(std::uint32_t(order.first)) << 42) ^ (std::uint64_t(std::uint32_t(order.second)) << 21) ^
               std::uint64_t(std::uint32_t(k + 1));  // 21 bits each: kMaxDomains = 2^20
    };
    auto groupFor = [&](DomainPair order) -> OrderGroup& {
        const auto [it, fresh] = groupIndex.emplace(key(order, -1), plan.groups.size());
        if (fresh)
            plan.groups.push_back({order, std::vector<int>(K, -1), std::vector<int>(K, -1), std::vector<int>(K, -1)});
        return plan.groups[it->second];
    };
    auto pFor = [&](const ColumnMeaning& m) -> PColumn& {
        const auto [it, fresh] = pIndex.emplace(key(m.order, m.domain), plan.p.size());
        if (fresh) plan.p.push_back({-1, -1, -1, m.order, m.domain});
        return plan.p[it->second];
    };
    for (std::size_t c = 0; c < header.size(); ++c) {
        const auto& cell = header[c];
        const LogLocation where{path, line, cell.column, std::string(cell.text)};
        const ColumnParse parsed = interpretColumnName(cell.text, lookup);
        if (parsed.status == ColumnParse::Bad) throw LogError(where, parsed.error);
        if (parsed.status == ColumnParse::NotMeasurement) {
            log.warn(where, "column not recognised; ignored");
            continue;
        }
        const ColumnMeaning& m = parsed.meaning;
        const std::string canonical = canonicalColumnName(m, log.domains);
        if (const auto [it, fresh] = seen.emplace(canonical, static_cast<int>(c)); !fresh)
            throw LogError(where, "repeats column " + std::to_string(it->second + 1) + " ('" +
                                      std::string(header[static_cast<std::size_t>(it->second)].text) + "')");
        const int col = static_cast<int>(c);
        plan.used[c] = 1;
        switch (m.quantity) {
        case Quantity::Step: plan.step = col; break;
        case Quantity::Length: plan.length = col; break;
        case Quantity::DeltaW: plan.deltaW = col; break;
        case Quantity::TargetLoss: plan.target = col; break;
        case Quantity::Loss: plan.loss[m.domain] = col; break;
        case Quantity::Excess: groupFor(m.order).excess[m.domain] = col; break;
        case Quantity::ReachedLoss: groupFor(m.order).reached[m.domain] = col; break;
        case Quantity::BaseLoss:
            if (m.hasOrder) groupFor(m.order).base[m.domain] = col;
            else plan.baseAll[m.domain] = col;
            break;
        case Quantity::PValue: pFor(m).value = col; break;
        case Quantity::PStdError: pFor(m).stdError = col; break;
        case Quantity::PSamples: pFor(m).samples = col; break;
        }
    }
    const int lossColumns = static_cast<int>(std::count_if(plan.loss.begin(), plan.loss.end(), [](int c) { return c >= 0; }));
    if (lossColumns > 0 && lossColumns < log.domainCount())
        for (int d = 0; d < log.domainCount(); ++d)
            if (plan.loss[d] < 0)
                throw LogError({path, line, 1, {}}, "missing required column 'L_" + log.domains[d] + "' (the other domains have loss columns)");
    if (plan.step < 0) throw LogError({path, line, 1, {}}, "missing required column 'step' (or 't')");
    for (const auto& p : plan.p)
        if (p.value < 0) {
            const int col = p.stdError >= 0 ? p.stdError : p.samples;
            throw LogError({path, line, header[col].column, std::string(header[col].text)},
                           "missing required column: the P-value this column qualifies");
        }
    return plan;
}

// One pass over a plain row (no quotes or spaces, plain decimals, the right number of fields):
// the common case of a large log. False sends the row to the general path, which re-reads it
// and reports any problem with its location.
bool readPlainRow(std::string_view line, const std::vector<char>& used, double* value)
{
    const char* p = line.data();
    const char* const end = p + line.size();
    const std::size_t columns = used.size();
    for (std::size_t c = 0; c < columns; ++c) {
        if (!used[c]) {
            while (p < end && *p != ',')
                if (*p++ == '"') return false;
        } else if (p == end || *p == ',') {
            value[c] = missing();
        } else if (!readPlainDecimal(p, end, value[c])) {
            return false;
        }
        if (c + 1 < columns) {
            if (p == end || *p != ',') return false;
            ++p;
        } else if (p != end) {
            return false;
        }
    }
    return true;
}

// Whether a checkpoint step repeats, and where: the rare path when checkpoint steps are out of
// order. The file is read again (step and loss columns) rather than keeping a line number for
// every row. Rows without losses may share a step (several interventions of one start).
void refuseRepeatedStep(const std::string& path, int stepColumn, const std::vector<int>& lossColumns,
                        const std::string& stepName)
{
    std::vector<std::pair<double, long>> steps;
    forEachDataRow(path, [&](const std::vector<CsvCell>& cells, long lineNumber) {
        if (std::all_of(lossColumns.begin(), lossColumns.end(),
                        [&](int c) { return cells[static_cast<std::size_t>(c)].text.empty(); }))
            return;
        double step = 0;
        readNumber(cells[static_cast<std::size_t>(stepColumn)].text, step);
        steps.emplace_back(canonicalStep(step), lineNumber);
    });
    std::stable_sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    long worst = 0, earlier = 0;
    for (std::size_t i = 1; i < steps.size(); ++i)
        if (steps[i].first == steps[i - 1].first && (worst == 0 || steps[i].second < worst)) {
            worst = steps[i].second;
            std::size_t j = i;
            while (j > 0 && steps[j - 1].first == steps[i].first) --j;
            earlier = steps[j].second;
            if (earlier == worst) earlier = steps[i - 1].second;
        }
    if (worst)
        throw LogError({path, worst, 1, stepName}, "duplicate checkpoint: step " +
                                                      formatNumber(std::find_if(steps.begin(), steps.end(), [&](const auto& s) {
                                                                       return s.second == worst;
                                                                   })->first) +
                                                      " already at line " + std::to_string(earlier));
}

class RowReader {
public:
    RowReader(RunLog& log, const std::string& path) : log_(log), path_(path) {}

    double number(const CsvCell& cell, const std::string_view field, long line)
    {
        double v = 0;
        switch (readNumber(cell.text, v)) {
        case NumberRead::Ok:
        case NumberRead::Empty: return v;
        case NumberRead::NonFinite:
            log_.warn({path_, line, cell.column, std::string(field)}, "non-finite value '" + std::string(cell.text) + "' kept");
            return v;
        case NumberRead::Bad: break;
        }
        throw LogError({path_, line, cell.column, std::string(field)}, "not a number: '" + std::string(cell.text) + "'");
    }

private:
    RunLog& log_;
    const std::string& path_;
};

}  // namespace

RunLog readWideCsv(LineReader& reader, const CsvPreamble& preamble)
{
    const std::string& path = reader.path();
    RunLog log;
    const PreambleFacts facts = applyPreamble(preamble, log, path);
    std::vector<CsvCell> header;
    std::string headerScratch;
    splitCsvRow(preamble.header, preamble.headerLine, path, header, headerScratch);
    if (log.domains.empty())
        adoptFoundDomains(log, inferDomains(header), path, preamble.headerLine,
                          "missing required columns: need L_<domain> columns for at least 2 domains, or a '# domains:' "
                          "line");
    checkBaseWeights(log, facts, path);
    const Plan plan = makePlan(header, log, preamble.headerLine, path);
    const int K = log.domainCount();
    const std::size_t columns = header.size();

    // Reserve from the file size, so a million rows cost a few allocations, not a million.
    // A row has at least one byte and a separator per column: with a million columns, the first
    // chunk's line length (no whole line in it) would otherwise promise a million rows per column.
    const double shortestRow = 2.0 * static_cast<double>(columns);
    const double estimate =
        static_cast<double>(reader.fileSize()) / std::max({8.0, reader.typicalLineLength(), shortestRow});
    const std::size_t rows = static_cast<std::size_t>(std::min(estimate * 1.02 + 16, 5e8));
    const bool anyLoss = plan.target >= 0 || std::any_of(plan.loss.begin(), plan.loss.end(), [](int c) { return c >= 0; });
    if (anyLoss) log.checkpoints.reserve(rows);
    log.pValues.reserve(rows * plan.p.size());
    log.interventions.reserve(rows * plan.groups.size());

    std::vector<CsvCell> cells;
    cells.reserve(columns);
    std::string scratch;
    std::vector<double> value(columns, missing());
    std::vector<double> losses(K), excess(K), reached(K), base(K), baseAll(K);
    RowReader numbers(log, path);
    bool increasing = true;  // checkpoint steps so far strictly increasing: no repeat possible
    double lastStep = 0;
    std::size_t checkpointRows = 0;
    std::string_view line;
    while (reader.next(line)) {
        const long lineNo = reader.lineNumber();
        std::size_t firstChar = line.find_first_not_of(" \t");
        if (firstChar == std::string_view::npos || line[firstChar] == '#') continue;
        // Cell positions are only needed for messages: split lazily when a plain row has a problem.
        bool split = false;
        auto cellColumn = [&](int c) {
            if (!split) splitCsvRow(line, lineNo, path, cells, scratch);
            split = true;
            return cells[static_cast<std::size_t>(c)].column;
        };
        if (!readPlainRow(line, plan.used, value.data())) {
            // General path: quotes, spaces, exponents, nan/inf, or a problem to locate.
            splitCsvRow(line, lineNo, path, cells, scratch);
            split = true;
            if (cells.size() != columns) {
                if (!reader.lastLineTerminated() && cells.size() < columns)
                    throw LogError({path, lineNo, static_cast<long>(line.size()) + 1, {}},
                                   "truncated file: the last line stops after " + std::to_string(cells.size()) + " of " +
                                       std::to_string(columns) + " fields");
                throw LogError({path, lineNo, 1, {}}, "expected " + std::to_string(columns) + " fields, found " +
                                                          std::to_string(cells.size()));
            }
            for (std::size_t c = 0; c < columns; ++c)
                if (plan.used[c]) value[c] = numbers.number(cells[c], header[c].text, lineNo);
        }
        if (!isValidStep(value[plan.step]) || isMissing(value[plan.step]))
            throw LogError({path, lineNo, cellColumn(plan.step), std::string(header[plan.step].text)},
                           isMissing(value[plan.step]) ? "empty step" : "the step must be a finite number");
        const double step = canonicalStep(value[plan.step]);

        int lossCount = 0;
        for (int d = 0; d < K; ++d) {
            losses[d] = plan.loss[d] >= 0 ? value[plan.loss[d]] : missing();
            lossCount += !isMissing(losses[d]);
        }
        const double target = plan.target >= 0 ? value[plan.target] : missing();
        if (lossCount > 0 && lossCount < K) {
            const int absent = static_cast<int>(std::find_if(losses.begin(), losses.end(), isMissing) - losses.begin());
            throw LogError({path, lineNo, cellColumn(plan.loss[absent]),
                            std::string(header[plan.loss[absent]].text)},
                           "inconsistent domain count: checkpoint has losses for " + std::to_string(lossCount) + " of " +
                               std::to_string(K) + " domains");
        }
        if (lossCount > 0 || !isMissing(target)) {
            if (checkpointRows++ > 0 && step <= lastStep) increasing = false;
            lastStep = step;
            log.checkpoints.add(step, lossCount ? losses.data() : nullptr, target);
        }

        for (const auto& p : plan.p) {
            const double v = value[p.value];
            if (isMissing(v)) continue;
            log.pValues.add(step, p.pair, p.target, v, p.stdError >= 0 ? value[p.stdError] : missing(),
                            p.samples >= 0 ? value[p.samples] : missing());
        }
        if (plan.groups.empty()) continue;
        const double dt = plan.length >= 0 ? value[plan.length] : facts.length;
        const double dw = plan.deltaW >= 0 ? value[plan.deltaW] : facts.deltaW;
        for (int d = 0; d < K; ++d) baseAll[d] = plan.baseAll[d] >= 0 ? value[plan.baseAll[d]] : missing();
        for (const auto& g : plan.groups) {
            bool any = false, anyExcess = false, anyReached = false, anyBase = false;
            for (int d = 0; d < K; ++d) {
                excess[d] = g.excess[d] >= 0 ? value[g.excess[d]] : missing();
                reached[d] = g.reached[d] >= 0 ? value[g.reached[d]] : missing();
                base[d] = g.base[d] >= 0 ? value[g.base[d]] : baseAll[d];
                anyExcess |= !isMissing(excess[d]);
                anyReached |= !isMissing(reached[d]);
                anyBase |= !isMissing(base[d]);
            }
            any = anyExcess || anyReached;
            if (!any) continue;
            log.interventions.add(step, dt, dw, g.order, anyExcess ? excess.data() : nullptr,
                                  anyReached ? reached.data() : nullptr, anyBase ? base.data() : nullptr);
        }
    }

    if (!increasing) {
        std::vector<int> lossColumns;
        for (int c : plan.loss)
            if (c >= 0) lossColumns.push_back(c);
        if (plan.target >= 0) lossColumns.push_back(plan.target);
        refuseRepeatedStep(path, plan.step, lossColumns, std::string(header[plan.step].text));
    }
    return log;
}

}  // namespace cl::logs
