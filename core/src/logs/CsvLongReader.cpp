// Long (tidy) CSV: one measurement per row, as experiment trackers export them. A row names
// its measurement either with kind/domain/order columns or with one metric column using the
// wide-form column names ("L_en", "P_21;1"). Rows are grouped back into checkpoints, P-values
// and interventions in order of first appearance.

#include "core/logs/ColumnNames.h"
#include "core/logs/CsvLogs.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <tuple>

namespace cl::logs {

namespace {

std::uint64_t bits(double x)
{
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

struct Columns {
    int step = -1, kind = -1, metric = -1, domain = -1, order = -1, value = -1, length = -1, deltaW = -1, stdError = -1,
        samples = -1;
};

Columns findColumns(const std::vector<CsvCell>& header, RunLog& log, long line, const std::string& path)
{
    Columns c;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string name(header[i].text);
        for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        const int col = static_cast<int>(i);
        int* slot = nullptr;
        if (name == "kind") slot = &c.kind;
        else if (name == "metric" || name == "tag" || name == "name") slot = &c.metric;
        else if (name == "domain") slot = &c.domain;
        else if (name == "order" || name == "pair") slot = &c.order;
        else if (name == "value") slot = &c.value;
        else if (name == "dt" || name == "delta_t") slot = &c.length;
        else if (name == "dw" || name == "delta_w") slot = &c.deltaW;
        else if (name == "stderr" || name == "se") slot = &c.stdError;
        else if (name == "samples" || name == "n") slot = &c.samples;
        else if (interpretColumnName(name, {}).meaning.quantity == Quantity::Step &&
                 interpretColumnName(name, {}).status == ColumnParse::Ok) slot = &c.step;
        if (!slot) {
            log.warn({path, line, header[i].column, name}, "column not recognised; ignored");
            continue;
        }
        if (*slot >= 0) throw LogError({path, line, header[i].column, name}, "repeats column " + std::to_string(*slot + 1));
        *slot = col;
    }
    const char* missingName = c.step < 0 ? "step" : c.value < 0 ? "value" : (c.kind < 0 && c.metric < 0) ? "kind" : nullptr;
    if (missingName) throw LogError({path, line, 1, {}}, std::string("missing required column '") + missingName + "'");
    return c;
}

struct Row {
    long line;
    std::string text;
};

struct PendingCheckpoint {
    double step;
    std::vector<double> loss;
    double target;
    std::vector<long> lines;  // per domain, then the target: where each value came from (0: none)
};

struct PendingP {
    double step;
    DomainPair pair;
    int target;
    double value, stdError, samples;
    long lines[3] = {0, 0, 0};
};

struct PendingIntervention {
    double start, length, deltaW;
    DomainPair order;
    std::vector<double> values[3];  // excess, reached, base
    std::vector<long> lines[3];
};

}  // namespace

bool isLongCsvHeader(std::string_view header)
{
    std::vector<CsvCell> cells;
    std::string scratch;
    splitCsvLine(header, cells, scratch);
    // A wide header never has a kind/metric/tag/name column; the long reader then insists on value.
    bool kind = false;
    for (const auto& c : cells) {
        std::string n(c.text);
        for (char& ch : n) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        kind |= n == "kind" || n == "metric" || n == "tag" || n == "name";
    }
    return kind;
}

RunLog readLongCsv(LineReader& reader, const CsvPreamble& preamble)
{
    const std::string& path = reader.path();
    RunLog log;
    const PreambleFacts facts = applyPreamble(preamble, log, path);
    std::vector<CsvCell> header, cells;
    std::string headerScratch, scratch;
    splitCsvLine(preamble.header, header, headerScratch);
    const Columns col = findColumns(header, log, preamble.headerLine, path);

    std::vector<Row> rows;
    std::string_view line;
    while (reader.next(line)) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#') continue;
        splitCsvLine(line, cells, scratch);
        if (cells.size() != header.size()) {
            if (!reader.lastLineTerminated() && cells.size() < header.size())
                throw LogError({path, reader.lineNumber(), static_cast<long>(line.size()) + 1, {}},
                               "truncated file: the last line stops after " + std::to_string(cells.size()) + " of " +
                                   std::to_string(header.size()) + " fields");
            throw LogError({path, reader.lineNumber(), 1, {}}, "expected " + std::to_string(header.size()) +
                                                                   " fields, found " + std::to_string(cells.size()));
        }
        rows.push_back({reader.lineNumber(), std::string(line)});
    }
    if (log.domains.empty()) {
        // No "# domains:" line: the domains are those with checkpoint losses, in order of appearance.
        std::vector<std::string> names;
        for (const auto& row : rows) {
            splitCsvLine(row.text, cells, scratch);
            std::optional<std::string> name;
            if (col.kind >= 0 && cells[col.kind].text == "loss" && col.domain >= 0) name = std::string(cells[col.domain].text);
            else if (col.metric >= 0) name = lossColumnDomain(cells[col.metric].text);
            if (name && std::find(names.begin(), names.end(), *name) == names.end()) names.push_back(*name);
        }
        if (names.size() < 2)
            throw LogError({path, preamble.headerLine, 1, {}},
                           "missing required rows: need losses of at least 2 domains, or a '# domains:' line");
        const std::string problem = checkDomainNames(names);
        if (!problem.empty()) throw LogError({path, preamble.headerLine, 1, {}}, problem);
        log.setDomains(std::move(names));
    }
    checkBaseWeights(log, facts, path);
    const std::size_t K = log.domains.size();

    std::vector<PendingCheckpoint> checkpoints;
    std::vector<PendingP> ps;
    std::vector<PendingIntervention> interventions;
    std::map<std::uint64_t, std::size_t> checkpointAt;
    std::map<std::tuple<std::uint64_t, int, int, int>, std::size_t> pAt;
    std::map<std::tuple<std::uint64_t, std::uint64_t, std::uint64_t, int, int>, std::size_t> interventionAt;
    std::set<std::string> warned;

    for (const auto& row : rows) {
        splitCsvLine(row.text, cells, scratch);
        auto cellNumber = [&](int c) {
            if (c < 0) return missing();
            double v = 0;
            switch (readNumber(cells[c].text, v)) {
            case NumberRead::Ok:
            case NumberRead::Empty: return v;
            case NumberRead::NonFinite:
                log.warn({path, row.line, cells[c].column, std::string(header[c].text)},
                         "non-finite value '" + std::string(cells[c].text) + "' kept");
                return v;
            case NumberRead::Bad: break;
            }
            throw LogError({path, row.line, cells[c].column, std::string(header[c].text)},
                           "not a number: '" + std::string(cells[c].text) + "'");
        };
        auto failAt = [&](int c, const std::string& message) {
            throw LogError({path, row.line, cells[c].column, std::string(header[c].text)}, message);
        };
        // What this row measures.
        ColumnMeaning m;
        int nameColumn = col.metric >= 0 ? col.metric : col.kind;
        if (col.metric >= 0) {
            const ColumnParse parsed = interpretColumnName(cells[col.metric].text, log.domains);
            if (parsed.status == ColumnParse::Bad) failAt(col.metric, parsed.error);
            if (parsed.status == ColumnParse::NotMeasurement || parsed.meaning.quantity == Quantity::Step ||
                parsed.meaning.quantity == Quantity::Length || parsed.meaning.quantity == Quantity::DeltaW) {
                if (warned.insert(std::string(cells[col.metric].text)).second)
                    log.warn({path, row.line, cells[col.metric].column, std::string(header[col.metric].text)},
                             "metric '" + std::string(cells[col.metric].text) + "' not recognised; its rows are ignored");
                continue;
            }
            m = parsed.meaning;
        } else {
            const std::string_view kind = cells[col.kind].text;
            static const std::pair<const char*, Quantity> kinds[] = {
                {"loss", Quantity::Loss},       {"target_loss", Quantity::TargetLoss}, {"excess", Quantity::Excess},
                {"loss_reached", Quantity::ReachedLoss}, {"base_loss", Quantity::BaseLoss}, {"p", Quantity::PValue}};
            const auto* hit = std::find_if(std::begin(kinds), std::end(kinds), [&](auto& k) { return kind == k.first; });
            if (hit == std::end(kinds))
                failAt(col.kind, "unknown kind '" + std::string(kind) +
                                     "' (expected loss, target_loss, excess, loss_reached, base_loss or p)");
            m.quantity = hit->second;
            std::string error;
            if (m.quantity != Quantity::TargetLoss) {
                if (col.domain < 0) failAt(col.kind, "missing required column 'domain'");
                m.domain = resolveDomain(cells[col.domain].text, log.domains, error);
                if (m.domain < 0) failAt(col.domain, error);
            }
            if (m.quantity != Quantity::Loss && m.quantity != Quantity::TargetLoss) {
                if (col.order < 0) failAt(col.kind, "missing required column 'order'");
                if (!parseOrder(cells[col.order].text, log.domains, m.order, error)) failAt(col.order, error);
                m.hasOrder = true;
            }
        }
        if (m.quantity == Quantity::BaseLoss && !m.hasOrder)
            failAt(nameColumn, "a base loss in the long form names its order (Lbase_en^12)");
        const double step = cellNumber(col.step);
        if (!std::isfinite(step)) failAt(col.step, "the step must be a finite number");
        const double value = cellNumber(col.value);
        auto duplicate = [&](long earlier) {
            failAt(nameColumn, "duplicate " + std::string(m.quantity == Quantity::Loss || m.quantity == Quantity::TargetLoss
                                                                ? "checkpoint"
                                                                : "measurement") +
                                   ": '" + canonicalColumnName(m, log.domains) + "' at step " + formatNumber(step) +
                                   " already at line " + std::to_string(earlier));
        };
        if (m.quantity == Quantity::Loss || m.quantity == Quantity::TargetLoss) {
            auto [it, fresh] = checkpointAt.emplace(bits(step), checkpoints.size());
            if (fresh) checkpoints.push_back({step, std::vector<double>(K, missing()), missing(), std::vector<long>(K + 1, 0)});
            auto& c = checkpoints[it->second];
            const std::size_t slot = m.quantity == Quantity::Loss ? static_cast<std::size_t>(m.domain) : K;
            if (c.lines[slot]) duplicate(c.lines[slot]);
            c.lines[slot] = row.line;
            (slot < K ? c.loss[slot] : c.target) = value;
        } else if (m.quantity == Quantity::PValue || m.quantity == Quantity::PStdError || m.quantity == Quantity::PSamples) {
            auto [it, fresh] = pAt.emplace(std::make_tuple(bits(step), m.order.first, m.order.second, m.domain), ps.size());
            if (fresh) ps.push_back({step, m.order, m.domain, missing(), missing(), missing()});
            auto& p = ps[it->second];
            const int slot = m.quantity == Quantity::PValue ? 0 : m.quantity == Quantity::PStdError ? 1 : 2;
            if (p.lines[slot]) duplicate(p.lines[slot]);
            p.lines[slot] = row.line;
            (slot == 0 ? p.value : slot == 1 ? p.stdError : p.samples) = value;
            if (slot == 0) {
                if (col.stdError >= 0) p.stdError = cellNumber(col.stdError);
                if (col.samples >= 0) p.samples = cellNumber(col.samples);
            }
        } else {
            const double dt = col.length >= 0 ? cellNumber(col.length) : facts.length;
            const double dw = col.deltaW >= 0 ? cellNumber(col.deltaW) : facts.deltaW;
            auto key = std::make_tuple(bits(step), bits(dt), bits(dw), m.order.first, m.order.second);
            auto [it, fresh] = interventionAt.emplace(key, interventions.size());
            if (fresh) {
                PendingIntervention v{step, dt, dw, m.order, {}, {}};
                for (int q = 0; q < 3; ++q) {
                    v.values[q].assign(K, missing());
                    v.lines[q].assign(K, 0);
                }
                interventions.push_back(std::move(v));
            }
            auto& v = interventions[it->second];
            const int q = m.quantity == Quantity::Excess ? 0 : m.quantity == Quantity::ReachedLoss ? 1 : 2;
            if (v.lines[q][m.domain]) duplicate(v.lines[q][m.domain]);
            v.lines[q][m.domain] = row.line;
            v.values[q][m.domain] = value;
        }
    }

    for (const auto& c : checkpoints) {
        const auto count = std::count_if(c.loss.begin(), c.loss.end(), [](double x) { return !isMissing(x); });
        if (count > 0 && static_cast<std::size_t>(count) < K) {
            const long line0 = *std::max_element(c.lines.begin(), c.lines.end() - 1);
            throw LogError({path, line0, 1, {}}, "inconsistent domain count: checkpoint at step " + formatNumber(c.step) +
                                                     " has losses for " + std::to_string(count) + " of " +
                                                     std::to_string(K) + " domains");
        }
        log.checkpoints.add(c.step, count ? c.loss.data() : nullptr, c.target);
    }
    for (const auto& p : ps) {
        if (!p.lines[0]) throw LogError({path, p.lines[1] ? p.lines[1] : p.lines[2], 1, {}}, "a P standard error or count without its P-value");
        log.pValues.add(p.step, p.pair, p.target, p.value, p.stdError, p.samples);
    }
    for (const auto& v : interventions) {
        auto recorded = [&](int q) {
            return std::any_of(v.lines[q].begin(), v.lines[q].end(), [](long l) { return l != 0; }) ? v.values[q].data() : nullptr;
        };
        log.interventions.add(v.start, v.length, v.deltaW, v.order, recorded(0), recorded(1), recorded(2));
    }
    return log;
}

}  // namespace cl::logs
