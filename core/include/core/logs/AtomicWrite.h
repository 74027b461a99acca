#pragma once
// Writing a file the app saves (sessions, lab files) so that a crash or a full disk never leaves
// half a file: the text goes to a temporary file beside the target, which is then renamed over it.

#include <string>

namespace cl::logs {

/// Writes `text` to `path` + ".saving" and renames it over `path`. On failure the temporary file
/// is removed, the old file is left as it was, and the reason is returned; empty on success.
std::string writeTextAtomically(const std::string& path, const std::string& text);

}  // namespace cl::logs
