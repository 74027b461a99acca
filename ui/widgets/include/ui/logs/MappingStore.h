#pragma once
// The domain mappings a user chose in the mapping dialog, remembered per run so that reopening the
// same file shows the same domains (issue 11, "Series -> domains"). They live in the user's
// QSettings (`CommuteLab/CommuteLab`, key `logs/domainMappings`), keyed by the run's absolute
// source path and its name: the user's log files are never written.

#include "core/logs/DomainMapping.h"

#include <QString>

#include <optional>
#include <string>

namespace cl::ui::logs {

/// "<absolute source path>#<run name>": one key per run (a folder holds several runs).
QString mappingKey(const std::string& source, const std::string& runName);

/// The mapping remembered for that key, if any.
std::optional<cl::logs::DomainMapping> rememberedMapping(const QString& key);
void rememberMapping(const QString& key, const cl::logs::DomainMapping& mapping);
void forgetMapping(const QString& key);

}  // namespace cl::ui::logs
