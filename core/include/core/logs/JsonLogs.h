#pragma once
// The canonical log form (JSON, one object) and its streaming twin (JSON Lines: a "run" object
// on the first line, then one "checkpoint", "p" or "intervention" object per line).
// docs/log-format.md lists every field.

#include "core/logs/RunLog.h"

#include <iosfwd>
#include <string>

namespace cl::logs {

/// Both throw LogError naming file, line, column and field (e.g. "checkpoints[3].loss").
RunLog readJsonLog(const std::string& text, const std::string& path);
RunLog readJsonLines(const std::string& text, const std::string& path);

void writeJsonLog(const RunLog& log, std::ostream& out);
void writeJsonLines(const RunLog& log, std::ostream& out);

}  // namespace cl::logs
