#include "core/logs/LogFile.h"

#include "core/logs/ColumnNames.h"
#include "core/logs/CsvLogs.h"
#include "core/logs/JsonLogs.h"
#include "core/logs/LogText.h"

#include <fstream>
#include <sstream>

namespace cl::logs {

namespace {
bool endsWith(const std::string& s, const std::string& suffix)
{
    if (s.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}
}  // namespace

std::string formatName(LogFormat format)
{
    switch (format) {
    case LogFormat::Json: return "json";
    case LogFormat::JsonLines: return "jsonl";
    case LogFormat::CsvWide: return "csv-wide";
    case LogFormat::CsvLong: return "csv-long";
    }
    return {};
}

std::optional<LogFormat> formatFromName(const std::string& name)
{
    for (LogFormat f : {LogFormat::Json, LogFormat::JsonLines, LogFormat::CsvWide, LogFormat::CsvLong})
        if (formatName(f) == name) return f;
    return std::nullopt;
}

LogFormat detectLogFormat(const std::string& path)
{
    if (endsWith(path, ".jsonl") || endsWith(path, ".ndjson")) return LogFormat::JsonLines;
    if (endsWith(path, ".json")) return LogFormat::Json;
    LineReader reader(path);
    if (!endsWith(path, ".csv") && !endsWith(path, ".txt")) {
        // Unknown extension: judge by the first line.
        std::string_view first;
        while (reader.next(first) && first.find_first_not_of(" \t") == std::string_view::npos) {}
        const auto lead = first.find_first_not_of(" \t");
        if (lead != std::string_view::npos && first[lead] == '{')
            return first.find("\"type\"") != std::string_view::npos ? LogFormat::JsonLines : LogFormat::Json;
        LineReader again(path);
        return isLongCsvHeader(readPreamble(again).header) ? LogFormat::CsvLong : LogFormat::CsvWide;
    }
    return isLongCsvHeader(readPreamble(reader).header) ? LogFormat::CsvLong : LogFormat::CsvWide;
}

RunLog readLog(const std::string& path) { return readLog(path, detectLogFormat(path)); }

RunLog readLog(const std::string& path, LogFormat format)
{
    switch (format) {
    case LogFormat::Json: return readJsonLog(readTextFile(path), path);
    case LogFormat::JsonLines: return readJsonLines(readTextFile(path), path);
    case LogFormat::CsvWide:
    case LogFormat::CsvLong: {
        LineReader reader(path);
        const CsvPreamble preamble = readPreamble(reader);
        if (preamble.headerLine == 0) throw LogError({path, 0, 0, {}}, "missing required columns: the file has no header row");
        return format == LogFormat::CsvWide ? readWideCsv(reader, preamble) : readLongCsv(reader, preamble);
    }
    }
    return {};
}

void writeLog(const RunLog& log, std::ostream& out, LogFormat format)
{
    // The same limit as every reader, so nothing is written that cannot be read back.
    if (const std::string problem = checkDomainNames(log.domains); !problem.empty())
        throw LogError({{}, 0, 0, "domains"}, problem);
    switch (format) {
    case LogFormat::Json: writeJsonLog(log, out); break;
    case LogFormat::JsonLines: writeJsonLines(log, out); break;
    case LogFormat::CsvWide: writeWideCsv(log, out); break;
    case LogFormat::CsvLong: writeLongCsv(log, out); break;
    }
}

void saveLog(const RunLog& log, const std::string& path, LogFormat format)
{
    // Build the text first: a log the form cannot hold leaves no half-written file behind.
    std::ostringstream text;
    writeLog(log, text, format);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw LogError({path, 0, 0, {}}, "cannot open for writing");
    out << text.str();
    if (!out) throw LogError({path, 0, 0, {}}, "write error");
}

}  // namespace cl::logs
