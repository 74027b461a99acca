// Reads a TensorBoard event file or log folder with cl::logs::readTensorBoard once and prints
// the time, what was kept and the process's peak resident memory (VmHWM), for
// tools/bench_tfevents.sh. One read per process, so the peak is one read's.
// usage: bench_tfevents PATH [--no-wall-times] [--list]

#include "PeakMemory.h"
#include "core/logs/TensorBoardReader.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>

using bench::peakRssMb;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: bench_tfevents PATH [--no-wall-times] [--list]\n";
        return 2;
    }
    cl::logs::TensorBoardOptions options;
    bool list = false;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--no-wall-times") == 0)
            options.wallTimes = false;
        else if (std::strcmp(argv[i], "--list") == 0)
            list = true;
        else {
            std::cerr << "unknown option " << argv[i] << '\n';
            return 2;
        }
    }
    std::vector<cl::logs::ScalarRun> runs;
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    try {
        runs = cl::logs::readTensorBoard(argv[1], options);
    } catch (const cl::LogError& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // CPU time as well: on a shared machine the wall clock also measures the neighbours.
    const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    std::size_t points = 0, series = 0, keptBytes = 0, skipped = 0;
    double checksum = 0;  // every value read, so that nothing can be optimised away
    for (const auto& run : runs) {
        skipped += run.skippedRecords;
        for (const auto& s : run.series) {
            ++series;
            points += s.size();
            keptBytes += s.steps.bytesPerNumber() * s.steps.size() + s.values.bytesPerNumber() * s.values.size() +
                         sizeof(float) * s.wallTimes.size();
            double sum = 0;  // per series, then over series: the order the Python reference adds in
            for (double v : s.values) sum += v;
            checksum += sum;
            if (list)
                std::printf("run %s series %s: %zu points, steps %.17g..%.17g\n", run.name.c_str(), s.name.c_str(),
                            s.size(), s.size() ? s.steps.front() : 0.0, s.size() ? s.steps.back() : 0.0);
        }
        for (const auto& w : run.warnings)
            if (list) std::printf("warning: %s\n", w.text().c_str());
    }
    const double peak = peakRssMb();
    const double keptMb = static_cast<double>(keptBytes) / (1024.0 * 1024.0);
    std::printf("runs: %zu\nseries: %zu\npoints: %zu\nskipped: %zu\nvalue_sum: %.17g\n", runs.size(), series, points,
                skipped, checksum);
    std::printf("seconds: %.4f\ncpu_seconds: %.4f\npeak_rss_mb: %.1f\nkept_mb: %.1f\nbytes_per_point: %.1f\n", seconds,
                cpuSeconds, peak, keptMb, points ? static_cast<double>(keptBytes) / points : 0.0);
    return 0;
}
