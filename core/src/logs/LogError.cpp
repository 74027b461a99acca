#include "core/logs/LogError.h"

namespace cl {

std::string formatLocated(const LogLocation& where, const std::string& message)
{
    std::string text = where.file;
    if (where.line > 0) {
        text += ':' + std::to_string(where.line);
        if (where.column > 0) text += ':' + std::to_string(where.column);
    }
    text += ": ";
    if (!where.field.empty()) text += "field '" + where.field + "': ";
    return text + message;
}

LogError::LogError(LogLocation where, std::string message)
    : std::runtime_error(formatLocated(where, message)), where_(std::move(where)), message_(std::move(message))
{
}

}  // namespace cl
