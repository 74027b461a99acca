#pragma once
// The benchmarks' memory figure: this process's peak resident set (VmHWM) so far.

#include <cstdlib>
#include <fstream>
#include <string>

namespace bench {

/// Peak resident memory of this process in MB (VmHWM of /proc/self/status); -1 where unknown.
inline double peakRssMb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return -1;
}

}  // namespace bench
