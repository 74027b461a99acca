// W&B panel exports (issue 11, format 4): "Step","<run> - <metric>","<run> - <metric>__MIN",
// "<run> - <metric>__MAX", ... with every cell quoted and empty cells where a run has no
// point. The x column is the first column that names no run (Step, or epoch, ...). One
// ScalarRun per run prefix; __MIN/__MAX are kept as series with their suffix, since W&B writes
// them as the band around a smoothed line, not as metrics of their own.

#include "SeriesBuilder.h"
#include "core/logs/CsvText.h"
#include "core/logs/ExternalLogReaders.h"
#include "core/logs/LogText.h"

#include <algorithm>
#include <memory>

namespace cl::logs {

namespace {
constexpr std::string_view kRunSeparator = " - ";
}

bool isWandbCsvHeader(std::string_view header)
{
    std::vector<CsvCell> cells;
    std::string scratch;
    splitCsvLine(header, cells, scratch);
    const auto lead = header.find_first_not_of(" \t");
    if (lead == std::string_view::npos || header[lead] != '"') return false;
    for (const auto& cell : cells)
        if (cell.text.find(kRunSeparator) != std::string_view::npos) return true;
    return false;
}

std::vector<ScalarRun> readWandbCsv(const std::string& path)
{
    LineReader reader(path);
    const CsvPreamble preamble = readPreamble(reader);
    if (preamble.headerLine == 0) throw LogError({path, 0, 0, {}}, "empty file: no header row");
    std::vector<CsvCell> cells;
    std::string scratch;
    splitCsvLine(preamble.header, cells, scratch);

    std::vector<ScalarRun> runs;
    std::vector<std::unique_ptr<SeriesBuilder>> builders;
    struct Column {
        int run = -1;  // -1: not a run's column
        std::size_t series = 0;
        std::string name;
    };
    std::vector<Column> columns(cells.size());
    int axisColumn = -1;
    std::string axis;
    // Runs are created first so the builders' references stay valid.
    std::vector<std::string> runNames;
    for (const auto& cell : cells) {
        const auto sep = cell.text.rfind(kRunSeparator);
        if (sep == std::string_view::npos) continue;
        const std::string runName(cell.text.substr(0, sep));
        if (std::find(runNames.begin(), runNames.end(), runName) == runNames.end()) runNames.push_back(runName);
    }
    runs.resize(runNames.size());
    for (std::size_t r = 0; r < runs.size(); ++r) {
        runs[r].name = runNames[r];
        runs[r].source = path;
        runs[r].format = "wandb-csv";
        builders.push_back(std::make_unique<SeriesBuilder>(runs[r]));
    }
    std::size_t otherColumns = 0;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const std::string_view text = cells[c].text;
        const auto sep = text.rfind(kRunSeparator);
        columns[c].name = std::string(text);
        if (sep == std::string_view::npos) {
            if (axisColumn < 0) {
                axisColumn = static_cast<int>(c);
                axis = std::string(text);
            } else {
                ++otherColumns;
            }
            continue;
        }
        const std::string runName(text.substr(0, sep));
        columns[c].run = static_cast<int>(std::find(runNames.begin(), runNames.end(), runName) - runNames.begin());
        columns[c].name = std::string(text.substr(sep + kRunSeparator.size()));
    }
    if (axisColumn < 0)
        throw LogError({path, preamble.headerLine, 1, {}}, "no x column (such as \"Step\") in the header row");
    for (std::size_t c = 0; c < cells.size(); ++c)
        if (columns[c].run >= 0)
            columns[c].series = builders[static_cast<std::size_t>(columns[c].run)]->series(columns[c].name, axis);

    std::string_view line;
    while (reader.next(line)) {
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        const long lineNumber = reader.lineNumber();
        splitCsvLine(line, cells, scratch);
        if (cells.size() != columns.size())
            throw LogError(
                {path, lineNumber, cells.back().column, {}},
                "expected " + std::to_string(columns.size()) + " cells, found " + std::to_string(cells.size()));
        double step = 0;
        const CsvCell& x = cells[static_cast<std::size_t>(axisColumn)];
        if (readNumber(x.text, step) != NumberRead::Ok)
            throw LogError({path, lineNumber, x.column, axis},
                           x.text.empty() ? std::string("missing value of the x column")
                                          : "not a finite number: '" + std::string(x.text) + "'");
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (columns[c].run < 0 || cells[c].text.empty()) continue;
            SeriesBuilder& builder = *builders[static_cast<std::size_t>(columns[c].run)];
            double value = 0;
            const NumberRead read = readNumber(cells[c].text, value);
            if (read == NumberRead::Bad)
                throw LogError({path, lineNumber, cells[c].column, columns[c].name},
                               "not a number: '" + std::string(cells[c].text) + "'");
            if (read == NumberRead::NonFinite)
                builder.warn({path, lineNumber, cells[c].column, columns[c].name},
                             "non-finite value '" + std::string(cells[c].text) + "' kept");
            builder.add(columns[c].series, step, value);
        }
    }
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (otherColumns) runs[r].metadata.emplace_back("columns_without_run", std::to_string(otherColumns));
        builders[r]->finish();
    }
    return runs;
}

}  // namespace cl::logs
