#include "core/logs/AtomicWrite.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace cl::logs {

std::string writeTextAtomically(const std::string& path, const std::string& text)
{
    const std::string partial = path + ".saving";  // beside the target: the rename stays on one file system
    const auto fail = [&](const std::string& reason) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        return reason;
    };
    {
        errno = 0;
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out) return fail(errno != 0 ? std::strerror(errno) : "cannot create " + partial);
        out.write(text.data(), std::streamsize(text.size()));
        out.close();
        if (!out) return fail(errno != 0 ? std::strerror(errno) : "write failed");
    }
    std::error_code error;
    std::filesystem::rename(partial, path, error);
    if (error) return fail(error.message());
    return {};
}

}  // namespace cl::logs
