// Long (tidy) CSV: one measurement per row, as experiment trackers export them. A row names
// its measurement either with kind/domain/order columns or with one metric column using the
// wide-form column names ("L_en", "P_21;1"). Rows become fixed-size records in one reserved
// vector (no allocation per row); sorting record indices by key groups them back into
// checkpoints, P-values and interventions, emitted in order of first appearance.

#include "core/logs/ColumnNames.h"
#include "core/logs/CsvLogs.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_set>

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

// Where a value goes: checkpoint loss / target loss, P value / standard error / count, or an
// intervention's excess / reached / base loss.
enum Slot : std::int16_t { kLoss, kTarget, kPValue, kPStdError, kPSamples, kExcess, kReached, kBase };

struct Record {
    double step, dt, dw, value, stdError, samples;
    std::int32_t line, column;  // the row, and where its kind/metric cell starts
    std::int16_t slot;
    std::int32_t domain, first, second;  // int32 like every domain index: any count up to kMaxDomains
};

Slot slotOf(Quantity q)
{
    switch (q) {
    case Quantity::Loss: return kLoss;
    case Quantity::TargetLoss: return kTarget;
    case Quantity::PValue: return kPValue;
    case Quantity::PStdError: return kPStdError;
    case Quantity::PSamples: return kPSamples;
    case Quantity::Excess: return kExcess;
    case Quantity::ReachedLoss: return kReached;
    default: return kBase;
    }
}

Quantity quantityOf(std::int16_t slot)
{
    static const Quantity q[] = {Quantity::Loss,      Quantity::TargetLoss, Quantity::PValue,      Quantity::PStdError,
                                 Quantity::PSamples,  Quantity::Excess,     Quantity::ReachedLoss, Quantity::BaseLoss};
    return q[slot];
}

bool isCheckpoint(const Record& r) { return r.slot <= kTarget; }
bool isP(const Record& r) { return r.slot >= kPValue && r.slot <= kPSamples; }

// The domains named by checkpoint losses, in order of appearance (files without "# domains:").
std::vector<std::string> inferDomains(const std::string& path, const Columns& col)
{
    std::vector<std::string> names;
    std::unordered_set<std::string> known;  // hashed: 10^6 names in linear time
    forEachDataRow(path, [&](const std::vector<CsvCell>& cells, long) {
        std::optional<std::string> name;
        if (col.kind >= 0 && col.kind < int(cells.size()) && cells[col.kind].text == "loss" && col.domain >= 0 &&
            col.domain < int(cells.size()))
            name = std::string(cells[col.domain].text);
        else if (col.metric >= 0 && col.metric < int(cells.size()))
            name = lossColumnDomain(cells[col.metric].text);
        if (name && known.insert(*name).second) names.push_back(*name);
    });
    return names;
}

}  // namespace

bool isLongCsvHeader(std::string_view header)
{
    std::vector<CsvCell> cells;
    std::string scratch;
    CsvSyntaxError error;
    if (!splitCsvLine(header, cells, scratch, error)) return false;  // the reader reports it, located
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
    splitCsvRow(preamble.header, preamble.headerLine, path, header, headerScratch);
    const Columns col = findColumns(header, log, preamble.headerLine, path);
    const int nameColumn = col.metric >= 0 ? col.metric : col.kind;
    if (log.domains.empty())
        adoptFoundDomains(log, inferDomains(path, col), path, preamble.headerLine,
                          "missing required rows: need losses of at least 2 domains, or a '# domains:' line");
    checkBaseWeights(log, facts, path);
    const int K = log.domainCount();
    const DomainLookup lookup(log.domains);

    std::vector<Record> records;
    records.reserve(static_cast<std::size_t>(
        std::min(static_cast<double>(reader.fileSize()) / std::max(8.0, reader.typicalLineLength()) * 1.02 + 16, 5e8)));
    std::set<std::string> warned;  // one warning per unrecognised metric name
    std::string_view line;
    while (reader.next(line)) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#') continue;
        const long lineNo = reader.lineNumber();
        splitCsvRow(line, lineNo, path, cells, scratch);
        if (cells.size() != header.size()) {
            if (!reader.lastLineTerminated() && cells.size() < header.size())
                throw LogError({path, lineNo, static_cast<long>(line.size()) + 1, {}},
                               "truncated file: the last line stops after " + std::to_string(cells.size()) + " of " +
                                   std::to_string(header.size()) + " fields");
            throw LogError({path, lineNo, 1, {}}, "expected " + std::to_string(header.size()) + " fields, found " +
                                                      std::to_string(cells.size()));
        }
        auto failAt = [&](int c, const std::string& message) {
            throw LogError({path, lineNo, cells[c].column, std::string(header[c].text)}, message);
        };
        auto cellNumber = [&](int c) {
            if (c < 0) return missing();
            double v = 0;
            switch (readNumber(cells[c].text, v)) {
            case NumberRead::Ok:
            case NumberRead::Empty: return v;
            case NumberRead::NonFinite:
                log.warn({path, lineNo, cells[c].column, std::string(header[c].text)},
                         "non-finite value '" + std::string(cells[c].text) + "' kept");
                return v;
            case NumberRead::Bad: break;
            }
            failAt(c, "not a number: '" + std::string(cells[c].text) + "'");
            return v;
        };
        ColumnMeaning m;
        if (col.metric >= 0) {
            const ColumnParse parsed = interpretColumnName(cells[col.metric].text, lookup);
            if (parsed.status == ColumnParse::Bad) failAt(col.metric, parsed.error);
            const Quantity q = parsed.meaning.quantity;
            if (parsed.status == ColumnParse::NotMeasurement || q == Quantity::Step || q == Quantity::Length ||
                q == Quantity::DeltaW) {
                if (warned.insert(std::string(cells[col.metric].text)).second)
                    log.warn({path, lineNo, cells[col.metric].column, std::string(header[col.metric].text)},
                             "metric '" + std::string(cells[col.metric].text) + "' not recognised; its rows are ignored");
                continue;
            }
            m = parsed.meaning;
        } else {
            const std::string_view kind = cells[col.kind].text;
            static const std::pair<const char*, Quantity> kinds[] = {
                {"loss", Quantity::Loss},                {"target_loss", Quantity::TargetLoss},
                {"excess", Quantity::Excess},            {"loss_reached", Quantity::ReachedLoss},
                {"base_loss", Quantity::BaseLoss},       {"p", Quantity::PValue}};
            const auto* hit = std::find_if(std::begin(kinds), std::end(kinds), [&](auto& k) { return kind == k.first; });
            if (hit == std::end(kinds))
                failAt(col.kind, "unknown kind '" + std::string(kind) +
                                     "' (expected loss, target_loss, excess, loss_reached, base_loss or p)");
            m.quantity = hit->second;
            std::string error;
            if (m.quantity != Quantity::TargetLoss) {
                if (col.domain < 0) failAt(col.kind, "missing required column 'domain'");
                m.domain = resolveDomain(cells[col.domain].text, lookup, error);
                if (m.domain < 0) failAt(col.domain, error);
            }
            if (m.quantity != Quantity::Loss && m.quantity != Quantity::TargetLoss) {
                if (col.order < 0) failAt(col.kind, "missing required column 'order'");
                if (!parseOrder(cells[col.order].text, lookup, m.order, error)) failAt(col.order, error);
                m.hasOrder = true;
            }
        }
        if (m.quantity == Quantity::BaseLoss && !m.hasOrder)
            failAt(nameColumn, "a base loss in the long form names its order (Lbase_en^12)");
        Record r{};
        r.step = cellNumber(col.step);
        if (isMissing(r.step)) failAt(col.step, "empty step");
        if (!isValidStep(r.step)) failAt(col.step, "the step must be a finite number");
        r.step = canonicalStep(r.step);
        r.value = cellNumber(col.value);
        r.slot = slotOf(m.quantity);
        const bool intervention = r.slot >= kExcess;
        // +0.0: records are grouped by bit pattern, and -0 is the same length or size as 0.
        r.dt = intervention ? (col.length >= 0 ? cellNumber(col.length) : facts.length) + 0.0 : missing();
        r.dw = intervention ? (col.deltaW >= 0 ? cellNumber(col.deltaW) : facts.deltaW) + 0.0 : missing();
        r.stdError = r.slot == kPValue ? cellNumber(col.stdError) : missing();
        r.samples = r.slot == kPValue ? cellNumber(col.samples) : missing();
        r.line = static_cast<std::int32_t>(lineNo);
        r.column = static_cast<std::int32_t>(cells[nameColumn].column);
        r.domain = m.quantity == Quantity::TargetLoss ? K : m.domain;
        r.first = m.hasOrder ? m.order.first : -1;
        r.second = m.hasOrder ? m.order.second : -1;
        records.push_back(r);
    }

    // Group: sort record indices by (category, key), stably, so each group keeps row order.
    auto key = [&](const Record& r) {
        const int category = isCheckpoint(r) ? 0 : isP(r) ? 1 : 2;
        const bool withDomain = category == 1;  // a P-value's key includes its k
        return std::make_tuple(category, bits(r.step), category == 2 ? bits(r.dt) : 0, category == 2 ? bits(r.dw) : 0,
                               r.first, r.second, withDomain ? r.domain : std::int32_t(0));
    };
    std::vector<std::uint32_t> order(records.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return key(records[a]) < key(records[b]); });
    struct Group {
        std::size_t begin, end;
    };
    std::vector<Group> groups;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i + 1;
        while (j < order.size() && key(records[order[j]]) == key(records[order[i]])) ++j;
        groups.push_back({i, j});
        i = j;
    }
    // First appearance: the group whose first record comes first in the file comes first.
    std::sort(groups.begin(), groups.end(), [&](const Group& a, const Group& b) { return order[a.begin] < order[b.begin]; });

    // A value given twice: report the repeat that comes earliest in the file.
    const Record* repeat = nullptr;
    const Record* original = nullptr;
    std::vector<const Record*> seen(static_cast<std::size_t>(3 * K + 1));
    auto slotIndex = [&](const Record& r) {
        if (isCheckpoint(r)) return static_cast<std::size_t>(r.domain);
        if (isP(r)) return static_cast<std::size_t>(r.slot - kPValue);
        return static_cast<std::size_t>((r.slot - kExcess) * K + r.domain);
    };
    for (const Group& g : groups) {
        for (std::size_t i = g.begin; i < g.end; ++i) {
            const Record& r = records[order[i]];
            const Record*& earlier = seen[slotIndex(r)];
            if (earlier && (!repeat || r.line < repeat->line)) {
                repeat = &r;
                original = earlier;
            }
            if (!earlier) earlier = &r;
        }
        // Clear only what this group set: a fill per group would cost groups x K.
        for (std::size_t i = g.begin; i < g.end; ++i) seen[slotIndex(records[order[i]])] = nullptr;
    }
    if (repeat) {
        ColumnMeaning m{quantityOf(repeat->slot), repeat->domain == K ? -1 : repeat->domain,
                        {std::max<int>(repeat->first, 0), std::max<int>(repeat->second, 0)}, repeat->first >= 0};
        throw LogError({path, repeat->line, repeat->column, std::string(header[nameColumn].text)},
                       std::string("duplicate ") + (isCheckpoint(*repeat) ? "checkpoint" : "measurement") + ": '" +
                           canonicalColumnName(m, log.domains) + "' at step " + formatNumber(repeat->step) +
                           " already at line " + std::to_string(original->line));
    }

    std::vector<double> values[3];
    for (auto& v : values) v.resize(static_cast<std::size_t>(K));
    for (const Group& g : groups) {
        const Record& head = records[order[g.begin]];
        if (isCheckpoint(head)) {
            std::fill(values[0].begin(), values[0].end(), missing());
            double target = missing();
            int count = 0;
            long lastLine = 0;
            for (std::size_t i = g.begin; i < g.end; ++i) {
                const Record& r = records[order[i]];
                if (r.slot == kTarget) {
                    target = r.value;
                    continue;
                }
                values[0][r.domain] = r.value;
                ++count;
                lastLine = std::max<long>(lastLine, r.line);
            }
            if (count > 0 && count < K)
                throw LogError({path, lastLine, 1, {}}, "inconsistent domain count: checkpoint at step " + formatNumber(head.step) +
                                                            " has losses for " + std::to_string(count) + " of " +
                                                            std::to_string(K) + " domains");
            log.checkpoints.add(head.step, count ? values[0].data() : nullptr, target);
        } else if (isP(head)) {
            double value = missing(), se = missing(), n = missing();
            bool hasValue = false;
            for (std::size_t i = g.begin; i < g.end; ++i) {
                const Record& r = records[order[i]];
                if (r.slot == kPValue) {
                    hasValue = true;
                    value = r.value;
                    if (col.stdError >= 0) se = r.stdError;
                    if (col.samples >= 0) n = r.samples;
                }
            }
            for (std::size_t i = g.begin; i < g.end; ++i) {  // separate ":se" / ":n" metrics
                const Record& r = records[order[i]];
                if (r.slot == kPStdError) se = r.value;
                if (r.slot == kPSamples) n = r.value;
            }
            if (!hasValue) throw LogError({path, head.line, 1, {}}, "a P standard error or count without its P-value");
            log.pValues.add(head.step, {head.first, head.second}, head.domain, value, se, n);
        } else {
            bool recorded[3] = {false, false, false};
            for (auto& v : values) std::fill(v.begin(), v.end(), missing());
            for (std::size_t i = g.begin; i < g.end; ++i) {
                const Record& r = records[order[i]];
                values[r.slot - kExcess][r.domain] = r.value;
                recorded[r.slot - kExcess] = true;
            }
            log.interventions.add(head.step, head.dt, head.dw, {head.first, head.second},
                                  recorded[0] ? values[0].data() : nullptr, recorded[1] ? values[1].data() : nullptr,
                                  recorded[2] ? values[2].data() : nullptr);
        }
    }
    return log;
}

}  // namespace cl::logs
