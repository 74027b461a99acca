#pragma once
// Shared by the fuzz targets: the input as a file (the CSV readers stream from a path) in a
// per-process temporary place, rewritten for every input.

#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

namespace fuzz {

inline std::string inputFile(const std::string& suffix, const std::uint8_t* data, std::size_t size)
{
    const char* dir = std::getenv("TMPDIR");
    const std::string path =
        std::string(dir ? dir : "/tmp") + "/commutelab-fuzz-" + std::to_string(::getpid()) + suffix;
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

}  // namespace fuzz
