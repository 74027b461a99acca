#include "core/logs/CsvText.h"

#include "core/logs/ColumnNames.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace cl::logs {

namespace {
std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::vector<std::string> splitList(std::string_view text)
{
    std::vector<std::string> items;
    std::size_t start = 0;
    for (;;) {
        const auto comma = text.find(',', start);
        items.emplace_back(trim(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    if (items.size() == 1 && items[0].empty()) items.clear();
    return items;
}

double preambleNumber(const CsvPreamble::Entry& e, const std::string& path)
{
    double v = 0;
    const auto r = readNumber(e.value, v);
    if (r != NumberRead::Ok) throw LogError({path, e.line, 1, e.key}, "not a number: '" + e.value + "'");
    return v;
}
}  // namespace

bool splitCsvLine(std::string_view line, std::vector<CsvCell>& cells, std::string& scratch, CsvSyntaxError& error)
{
    cells.clear();
    const char* const base = line.data();
    {
        // Fast path: one pass over the bytes; a quote anywhere sends the line to the slow path.
        const std::size_t n = line.size();
        std::size_t start = 0;
        bool quoted = false;
        for (std::size_t i = 0; i <= n; ++i) {
            const char c = i < n ? base[i] : ',';
            if (c == '"') {
                quoted = true;
                break;
            }
            if (c != ',') continue;
            std::size_t b = start, e = i;
            while (b < e && (base[b] == ' ' || base[b] == '\t')) ++b;
            while (e > b && (base[e - 1] == ' ' || base[e - 1] == '\t')) --e;
            cells.push_back({std::string_view(base + b, e - b), static_cast<long>(b + 1)});
            start = i + 1;
        }
        if (!quoted) return true;
        cells.clear();
    }
    // RFC 4180 quoting, one line at a time: a quoted cell is the whole cell (spaces around it
    // aside), "" inside it is one quote, and it must close on its own line.
    auto refuse = [&](std::size_t at, const char* message) {
        cells.clear();
        error = {static_cast<long>(at) + 1, message};
        return false;
    };
    scratch.clear();
    scratch.reserve(line.size());
    std::size_t i = 0;
    for (;;) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        const std::size_t cellStart = i;
        if (i < line.size() && line[i] == '"') {
            const std::size_t from = scratch.size();
            bool closed = false;
            ++i;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') { scratch += '"'; i += 2; continue; }
                    ++i;
                    closed = true;
                    break;
                }
                scratch += line[i++];
            }
            if (!closed)
                return refuse(cellStart,
                              "unterminated quote: a quoted cell must close on its line (cells cannot span lines)");
            cells.push_back({std::string_view(scratch.data() + from, scratch.size() - from), static_cast<long>(cellStart + 1)});
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
            if (i < line.size() && line[i] != ',') return refuse(i, "text after the closing quote of a cell");
        } else {
            std::size_t end = line.find(',', i);
            if (end == std::string_view::npos) end = line.size();
            const std::string_view cell = line.substr(i, end - i);
            if (const auto q = cell.find('"'); q != std::string_view::npos)
                return refuse(i + q, "a quote inside an unquoted cell (quote the whole cell and double the quote)");
            cells.push_back({trim(cell), static_cast<long>(cellStart + 1)});
            i = end;
        }
        if (i >= line.size()) return true;
        ++i;  // the comma
    }
}

void splitCsvLine(std::string_view line, std::vector<CsvCell>& cells, std::string& scratch)
{
    CsvSyntaxError error;
    if (!splitCsvLine(line, cells, scratch, error)) throw LogError({{}, 0, error.column, {}}, error.message);
}

void splitCsvRow(std::string_view line, long lineNumber, const std::string& path, std::vector<CsvCell>& cells,
                 std::string& scratch)
{
    CsvSyntaxError error;
    if (!splitCsvLine(line, cells, scratch, error)) throw LogError({path, lineNumber, error.column, {}}, error.message);
}

// Clinger's fast path: with at most 15 digits the digits form an exact integer below 2^53 and
// 10^k (k <= 22) is exact, so one IEEE division gives the correctly rounded value, the same
// double std::from_chars returns. Exponents, long mantissas and nan/inf are left to from_chars.
bool readPlainDecimal(const char*& p, const char* end, double& value)
{
    static const double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char* q = p;
    const bool negative = q < end && *q == '-';
    q += negative;
    std::uint64_t mantissa = 0;
    int digits = 0, fraction = 0;
    for (; q < end && static_cast<unsigned>(*q - '0') < 10; ++q, ++digits) mantissa = mantissa * 10 + unsigned(*q - '0');
    if (q < end && *q == '.')
        for (++q; q < end && static_cast<unsigned>(*q - '0') < 10; ++q, ++digits, ++fraction)
            mantissa = mantissa * 10 + unsigned(*q - '0');
    if (digits == 0 || digits > 15 || (q < end && (*q == 'e' || *q == 'E'))) return false;
    value = static_cast<double>(mantissa) / kPow10[fraction];
    if (negative) value = -value;
    p = q;
    return true;
}

NumberRead readNumber(std::string_view text, double& value)
{
    if (text.empty()) {
        value = missing();
        return NumberRead::Empty;
    }
    const char* first = text.data();
    const char* last = first + text.size();
    if (*first == '+') {  // from_chars refuses a leading plus; spreadsheets write one (but never "+-5")
        ++first;
        if (first == last || *first == '-' || *first == '+') return NumberRead::Bad;
    }
    if (const char* p = first; readPlainDecimal(p, last, value) && p == last) return NumberRead::Ok;
    const auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
    if (ec != std::errc() || ptr != last || first == last) return NumberRead::Bad;
    return std::isfinite(value) ? NumberRead::Ok : NumberRead::NonFinite;
}

std::string formatNumber(double value)
{
    if (isMissing(value)) return {};
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    char buffer[32];
    const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, ptr);
}

std::string csvQuote(const std::string& text)
{
    const bool needs = text.find_first_of(",\"\n") != std::string::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!needs) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

CsvPreamble readPreamble(LineReader& reader)
{
    CsvPreamble preamble;
    std::string_view line;
    while (reader.next(line)) {
        const std::string_view t = trim(line);
        if (t.empty()) continue;
        if (t.front() != '#') {
            preamble.header = std::string(line);
            preamble.headerLine = reader.lineNumber();
            return preamble;
        }
        const std::string_view body = trim(t.substr(1));
        const auto colon = body.find(':');
        // "# key: value" is metadata; any other comment ("# Table 2 of the paper") is just text. A key is
        // what every format accepts as one (metadataProblem): no spaces or control characters.
        if (colon == std::string_view::npos || colon == 0) continue;
        const std::string_view key = body.substr(0, colon);
        if (std::any_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; }))
            continue;
        preamble.metadata.push_back({std::string(trim(body.substr(0, colon))), std::string(trim(body.substr(colon + 1))),
                                     reader.lineNumber()});
    }
    return preamble;
}

PreambleFacts applyPreamble(const CsvPreamble& preamble, RunLog& log, const std::string& path)
{
    PreambleFacts facts;
    std::unordered_map<std::string, long> firstLine;  // a key said twice is refused: a log says one thing
    for (const auto& e : preamble.metadata) {
        const std::string& same = e.key == "lr" ? std::string("learning_rate") : e.key;
        if (const auto [it, fresh] = firstLine.emplace(same, e.line); !fresh)
            throw LogError({path, e.line, 1, e.key},
                           "metadata key repeated (first at line " + std::to_string(it->second) + ")");
        if (e.key == "domains") {
            auto names = splitList(e.value);
            const std::string problem = checkDomainNames(names);
            if (!problem.empty()) throw LogError({path, e.line, 1, e.key}, problem);
            log.setDomains(std::move(names));
        } else if (e.key == "base_weights") {
            log.baseWeights.clear();
            for (const auto& item : splitList(e.value)) {
                double w = 0;
                if (readNumber(item, w) != NumberRead::Ok)
                    throw LogError({path, e.line, 1, e.key}, "not a number: '" + item + "'");
                log.baseWeights.push_back(w);
            }
            facts.baseWeightsLine = e.line;
        } else if (e.key == "learning_rate" || e.key == "lr") {
            log.learningRate = preambleNumber(e, path);
        } else if (e.key == "p_units") {
            if (e.value != "lr2" && e.value != "raw")
                throw LogError({path, e.line, 1, e.key}, "expected 'lr2' or 'raw', found '" + e.value + "'");
            log.pScaledByLr2 = e.value == "lr2";
        } else if (e.key == "target") {
            log.target = e.value;
        } else if (e.key == "delta_t") {
            facts.length = preambleNumber(e, path);
        } else if (e.key == "delta_w") {
            facts.deltaW = preambleNumber(e, path);
        } else if (e.key != "format") {
            log.metadata.emplace_back(e.key, e.value);
        }
    }
    return facts;
}

void forEachDataRow(const std::string& path, const std::function<void(const std::vector<CsvCell>&, long)>& visit)
{
    LineReader reader(path);
    readPreamble(reader);
    std::vector<CsvCell> cells;
    std::string scratch;
    std::string_view line;
    while (reader.next(line)) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#') continue;
        splitCsvRow(line, reader.lineNumber(), path, cells, scratch);
        visit(cells, reader.lineNumber());
    }
}

void adoptFoundDomains(RunLog& log, std::vector<std::string> found, const std::string& path, long headerLine,
                       const std::string& missingMessage)
{
    if (found.size() < 2) throw LogError({path, headerLine, 1, {}}, missingMessage);
    const std::string problem = checkDomainNames(found);
    if (!problem.empty()) throw LogError({path, headerLine, 1, {}}, problem);
    log.setDomains(std::move(found));
}

void checkBaseWeights(const RunLog& log, const PreambleFacts& facts, const std::string& path)
{
    if (!log.baseWeights.empty() && log.baseWeights.size() != log.domains.size())
        throw LogError({path, facts.baseWeightsLine, 1, "base_weights"},
                       "inconsistent domain count: " + std::to_string(log.baseWeights.size()) + " weights for " +
                           std::to_string(log.domains.size()) + " domains");
}

std::string writePreamble(const RunLog& log, const std::string& format)
{
    std::string text = "# format: " + format + "\n# domains: ";
    for (std::size_t d = 0; d < log.domains.size(); ++d) text += (d ? ", " : "") + log.domains[d];
    text += '\n';
    if (!log.baseWeights.empty()) {
        text += "# base_weights: ";
        for (std::size_t d = 0; d < log.baseWeights.size(); ++d) text += (d ? ", " : "") + formatNumber(log.baseWeights[d]);
        text += '\n';
    }
    if (!isMissing(log.learningRate)) text += "# learning_rate: " + formatNumber(log.learningRate) + "\n";
    text += std::string("# p_units: ") + (log.pScaledByLr2 ? "lr2" : "raw") + "\n";
    if (!log.target.empty()) text += "# target: " + log.target + "\n";
    for (const auto& [key, value] : log.metadata) text += "# " + key + ": " + value + "\n";
    return text;
}

}  // namespace cl::logs
