#pragma once
// CSV pieces shared by the wide and long readers and writers: splitting a line into cells
// without allocating, reading numbers with std::from_chars, the "# key: value" preamble, and
// writing numbers so they read back bit for bit.

#include "core/logs/LogText.h"
#include "core/logs/RunLog.h"

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cl::logs {

struct CsvCell {
    std::string_view text;  // unquoted and trimmed
    long column = 1;        // 1-based byte column where the cell starts
};

/// Where and why a line breaks RFC 4180 quoting (column 1-based, bytes).
struct CsvSyntaxError {
    long column = 0;
    std::string message;
};

/// Splits one line into cells, reusing `cells`. Quoted cells ("a,b", "say ""x""") are
/// unescaped into `scratch`, which is reserved to the line's length so views stay valid.
/// Refused (false, `error` set): an unterminated quote (a quoted cell cannot span lines), text
/// after a closing quote, a quote inside an unquoted cell. Spaces around cells are trimmed.
bool splitCsvLine(std::string_view line, std::vector<CsvCell>& cells, std::string& scratch, CsvSyntaxError& error);
/// The same; throws LogError with the column only (no file or line) on a syntax error.
void splitCsvLine(std::string_view line, std::vector<CsvCell>& cells, std::string& scratch);
/// The same; throws LogError located at path:lineNumber:column. What the readers call.
void splitCsvRow(std::string_view line, long lineNumber, const std::string& path, std::vector<CsvCell>& cells,
                 std::string& scratch);

/// Reads a plain decimal ("-0.0191234": at most 15 digits, no exponent) at p and moves p past
/// it; false, p unchanged, for anything else. Gives exactly the double std::from_chars gives.
bool readPlainDecimal(const char*& p, const char* end, double& value);

enum class NumberRead { Ok, Empty, NonFinite, Bad };
/// Empty cells read as missing(); "nan", "inf", "-inf" (any case) as NonFinite with the value set.
NumberRead readNumber(std::string_view text, double& value);

/// Shortest text that reads back to the same double; "" for missing(), nan/inf/-inf otherwise.
std::string formatNumber(double value);
/// Quotes a cell when it holds a comma, a quote or surrounding spaces.
std::string csvQuote(const std::string& text);

/// Everything before a CSV file's header row.
struct CsvPreamble {
    struct Entry {
        std::string key, value;
        long line = 0;
    };
    std::vector<Entry> metadata;  // "# key: value" lines, in order
    std::string header;           // the header row itself
    long headerLine = 0;
};

/// Reads "# key: value" lines and plain comments up to the first other line (the header).
CsvPreamble readPreamble(LineReader& reader);

/// Reads `path` again past its preamble and calls `visit` with the cells and line number of
/// every data row (blank and `#` lines skipped): the readers' second passes over a file.
void forEachDataRow(const std::string& path, const std::function<void(const std::vector<CsvCell>&, long)>& visit);

/// What a preamble says beyond the log's own fields: defaults for interventions that have no
/// dt / dw column, and where base_weights was written (checked once the domains are known).
struct PreambleFacts {
    double length = missing();
    double deltaW = missing();
    long baseWeightsLine = 0;
};

/// Moves the preamble's reserved keys into the log (domains, base_weights, learning_rate,
/// p_units, target, delta_t, delta_w) and the others into log.metadata. Domains stay unset
/// when the preamble has none.
PreambleFacts applyPreamble(const CsvPreamble& preamble, RunLog& log, const std::string& path);

/// When the preamble named no domains: takes the ones the reader found in the data (checked
/// names, at least 2), or throws at the header line with `missingMessage`.
void adoptFoundDomains(RunLog& log, std::vector<std::string> found, const std::string& path, long headerLine,
                       const std::string& missingMessage);

/// Throws when the base weights given in the preamble do not match the domain count.
void checkBaseWeights(const RunLog& log, const PreambleFacts& facts, const std::string& path);

/// The preamble a writer puts before its header row (the same keys, see docs/log-format.md).
std::string writePreamble(const RunLog& log, const std::string& format);

}  // namespace cl::logs
