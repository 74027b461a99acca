// Field-sampler throughput on the benchmark pair (typed expressions, target = mean).
// Usage: bench_fields [N ...] [--threads T]. Prints points per second per grid size and the
// process's peak resident memory (VmHWM), so run one large size per process to read its peak.

#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {

long peakResidentKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

}  // namespace

int main(int argc, char** argv)
{
    std::vector<int> sizes;
    int threads = 0;
    for (int k = 1; k < argc; ++k) {
        if (std::strcmp(argv[k], "--threads") == 0 && k + 1 < argc) threads = std::atoi(argv[++k]);
        else sizes.push_back(std::atoi(argv[k]));
    }
    if (sizes.empty()) sizes = {256, 512, 1024, 2048};

    cl::FieldRequest request;
    request.l1 = cl::ExpressionLoss::fromText("0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y");
    request.l2 = cl::ExpressionLoss::fromText("log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)");
    request.target = cl::Target::mean(2);

    for (int n : sizes) {
        request.grid = cl::GridSpec{-3, 3, -3, 3, n};
        cl::FieldGrid grid;
        double best = 1e300;
        // The first run touches fresh memory; later runs reuse it, as the live views do. Report both.
        double first = 0;
        const int repeats = n >= 2048 ? 3 : 7;
        for (int r = 0; r < repeats; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            cl::sampleFields(request, grid, nullptr, threads);
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (r == 0) first = s;
            best = std::min(best, s);
        }
        const double points = static_cast<double>(n) * n;
        std::printf("commutelab grid %d: %.2f Mpoints/s (best %.2f ms, first run %.2f ms), peak RSS %.1f MB\n", n,
                    points / best / 1e6, best * 1e3, first * 1e3, peakResidentKiB() / 1024.0);
    }
    return 0;
}
