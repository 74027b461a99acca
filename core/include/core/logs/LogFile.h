#pragma once
// Entry points: read any supported log file, write a log in any supported form.

#include "core/logs/RunLog.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace cl::logs {

enum class LogFormat { Json, JsonLines, CsvWide, CsvLong };

/// "json", "jsonl", "csv-wide", "csv-long".
std::string formatName(LogFormat format);
std::optional<LogFormat> formatFromName(const std::string& name);

/// By extension (.json, .jsonl/.ndjson, .csv/.txt) and, for CSV, by the header row (a value
/// column plus kind/metric/tag/name means long). Throws LogError when unreadable.
LogFormat detectLogFormat(const std::string& path);

/// Reads a log, choosing the reader with detectLogFormat. The file is opened read-only.
/// Throws LogError ("file:line:column: field 'x': message") on any bad input.
RunLog readLog(const std::string& path);
RunLog readLog(const std::string& path, LogFormat format);

/// Throws LogError when the form cannot hold the log (only the wide CSV has limits).
void writeLog(const RunLog& log, std::ostream& out, LogFormat format);
void saveLog(const RunLog& log, const std::string& path, LogFormat format);

}  // namespace cl::logs
