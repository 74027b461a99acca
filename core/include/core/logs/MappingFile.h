#pragma once
// A domain mapping kept where the researcher can see and share it (issue 11, "Series -> domains"):
// a small JSON sidecar, `commutelab-mapping.json`, next to the logs (in the folder that was opened,
// or beside the file), or any file the user names (`commutelab import --mapping FILE`). Format and
// rules: docs/log-format.md, "Mapping files". The log files themselves are never written.

#include "core/logs/DomainMapping.h"
#include "core/logs/ScalarRuns.h"

#include <optional>
#include <string>

namespace cl::logs {

/// The sidecar's file name; folder searches leave it out (it is not a log).
inline constexpr const char* kMappingFileName = "commutelab-mapping.json";

/// Where the sidecar of a log path lives: inside a folder, beside a file.
std::string sidecarPathFor(const std::string& logPath);

/// The sidecar of a log path if that file exists.
std::optional<std::string> findSidecar(const std::string& logPath);

/// Reads a mapping file. Throws LogError with file, line, column and field for anything wrong
/// (not JSON, another format, a domain name the logs cannot use, an empty series name, ...).
DomainMapping readMappingFile(const std::string& path);

/// The file's text for a mapping (domains in order, the axis when one is set).
std::string mappingFileText(const DomainMapping& mapping);

/// Writes the mapping (to a temporary file renamed into place, so a reader never sees half a
/// file). Throws LogError saying why when the folder cannot be written.
void writeMappingFile(const std::string& path, const DomainMapping& mapping);

/// True when every mapped series exists in the run on the mapping's axis (any axis when none
/// is set, as long as all are on one): the mapping can be applied to this run.
bool mappingFits(const ScalarRun& run, const DomainMapping& mapping);

}  // namespace cl::logs
