// Metrics CSV as PyTorch Lightning's CSVLogger, AlgoPerf's measurements.csv and experiment
// trackers write it (issue 11, format 3), and per-run tables (format 5) which share the layout
// with a key column instead of a step. Rows are sparse: a train row and a val row at the same
// step each leave the other's cells empty, so a series gets a point only where its cell is set.

#include "SeriesBuilder.h"
#include "core/logs/CsvText.h"
#include "core/logs/ExternalLogReaders.h"
#include "core/logs/LogText.h"

#include <algorithm>
#include <filesystem>

namespace cl::logs {

namespace {

enum class ColumnKind { Unknown, Numeric, Text };

struct TableShape {
    bool runTable = false;  // one row per run: the key column's text becomes rowLabels
};

int findAxisColumn(const std::vector<std::string>& names)
{
    for (const auto& axis : metricsCsvAxisNames())
        for (std::size_t c = 0; c < names.size(); ++c)
            if (names[c] == axis) return static_cast<int>(c);
    return -1;
}

ScalarRun readColumns(const std::string& path, TableShape shape)
{
    LineReader reader(path);
    const CsvPreamble preamble = readPreamble(reader);
    if (preamble.headerLine == 0) throw LogError({path, 0, 0, {}}, "empty file: no header row");
    std::vector<CsvCell> cells;
    std::string scratch;
    splitCsvLine(preamble.header, cells, scratch);
    std::vector<std::string> names;
    for (const auto& cell : cells) {
        if (cell.text.empty())
            throw LogError({path, preamble.headerLine, cell.column, {}}, "empty column name in the header row");
        if (std::find(names.begin(), names.end(), cell.text) != names.end())
            throw LogError({path, preamble.headerLine, cell.column, std::string(cell.text)},
                           "column repeated in the header row");
        names.emplace_back(cell.text);
    }
    const int axisColumn = findAxisColumn(names);
    if (shape.runTable && axisColumn < 0)
        throw LogError({path, preamble.headerLine, 1, {}}, "a per-run table needs a key column ('index')");
    const std::string axis = axisColumn >= 0 ? names[static_cast<std::size_t>(axisColumn)] : "row";

    ScalarRun run;
    run.source = path;
    run.format = shape.runTable ? "run-table" : "metrics-csv";
    SeriesBuilder builder(run);
    std::vector<ColumnKind> kinds(names.size(), ColumnKind::Unknown);
    std::vector<std::size_t> seriesOf(names.size(), 0);
    std::string_view line;
    double rowNumber = 0;
    // Points each series is reserved for, estimated from the file size and the first data row:
    // growing 50 vectors by doubling copied every point about twice (a quarter of the time in
    // tools/bench_external_csv.sh). Only address space is reserved; untouched pages cost nothing.
    std::error_code sizeError;
    const auto fileBytes = std::filesystem::file_size(path, sizeError);
    std::size_t expectedRows = 0;
    while (reader.next(line)) {
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        if (expectedRows == 0 && !sizeError)
            expectedRows = std::size_t(1.25 * double(fileBytes) / double(line.size() + 1)) + 16;
        const long lineNumber = reader.lineNumber();
        splitCsvLine(line, cells, scratch);
        if (cells.size() != names.size()) {
            if (!reader.lastLineTerminated() && cells.size() < names.size()) {
                // A cut last line without its newline: the file is still being written.
                run.truncatedTail = true;
                builder.warn({path, lineNumber, 1, {}}, "last line cut short (" + std::to_string(cells.size()) +
                                                            " of " + std::to_string(names.size()) + " cells); ignored");
                break;
            }
            throw LogError(
                {path, lineNumber, cells.back().column, {}},
                "expected " + std::to_string(names.size()) + " cells, found " + std::to_string(cells.size()));
        }
        double step = rowNumber++;
        if (axisColumn >= 0) {
            const CsvCell& cell = cells[static_cast<std::size_t>(axisColumn)];
            if (readNumber(cell.text, step) != NumberRead::Ok)
                throw LogError({path, lineNumber, cell.column, axis},
                               cell.text.empty() ? std::string("missing value of the x column")
                                                 : "not a finite number: '" + std::string(cell.text) + "'");
            if (shape.runTable) run.rowLabels.emplace_back(cell.text);
        }
        for (std::size_t c = 0; c < names.size(); ++c) {
            if (static_cast<int>(c) == axisColumn || cells[c].text.empty() || kinds[c] == ColumnKind::Text) {
                if (kinds[c] == ColumnKind::Text && !cells[c].text.empty()) ++run.skippedRecords;
                continue;
            }
            double value = 0;
            const NumberRead read = readNumber(cells[c].text, value);
            if (read == NumberRead::Bad) {
                // A column whose first value is text is a text column (a run name, a date): skipped.
                if (kinds[c] == ColumnKind::Unknown) {
                    kinds[c] = ColumnKind::Text;
                    ++run.skippedRecords;
                    continue;
                }
                throw LogError({path, lineNumber, cells[c].column, names[c]},
                               "not a number: '" + std::string(cells[c].text) + "'");
            }
            if (kinds[c] == ColumnKind::Unknown) {
                kinds[c] = ColumnKind::Numeric;
                seriesOf[c] = builder.series(names[c], axis);
                builder.reserve(seriesOf[c], expectedRows);
            }
            if (read == NumberRead::NonFinite)
                builder.warn({path, lineNumber, cells[c].column, names[c]},
                             "non-finite value '" + std::string(cells[c].text) + "' kept");
            builder.add(seriesOf[c], step, value);
        }
    }
    for (std::size_t c = 0; c < names.size(); ++c)
        if (kinds[c] == ColumnKind::Text) run.metadata.emplace_back("text_column", names[c]);
    builder.finish();
    return run;
}

}  // namespace

const std::vector<std::string>& metricsCsvAxisNames()
{
    static const std::vector<std::string> names = {"step", "global_step", "_step", "epoch", "index"};
    return names;
}

ScalarRun readMetricsCsv(const std::string& path)
{
    return readColumns(path, {false});
}

ScalarRun readRunTable(const std::string& path)
{
    return readColumns(path, {true});
}

}  // namespace cl::logs
