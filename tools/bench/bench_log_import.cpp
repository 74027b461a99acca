// Times cl::logs::readLog on one file (best of N runs) and prints the process's peak resident
// memory (VmHWM), for tools/bench_log_import.sh. usage: bench_log_import FILE [REPEAT]

#include "PeakMemory.h"
#include "core/logs/LogFile.h"

#include <sys/stat.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>

using bench::peakRssMb;

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: bench_log_import FILE [REPEAT]\n";
        return 2;
    }
    const std::string path = argv[1];
    const int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
    double best = 1e300, bestCpu = 1e300;
    std::size_t rows = 0, pValues = 0, interventions = 0;
    try {
        for (int i = 0; i < repeat; ++i) {
            const auto start = std::chrono::steady_clock::now();
            const std::clock_t cpuStart = std::clock();
            const cl::logs::RunLog log = cl::logs::readLog(path);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            best = std::min(best, seconds);
            // CPU time as well: on a shared machine the wall clock also measures the neighbours.
            bestCpu = std::min(bestCpu, double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
            rows = log.checkpoints.size();
            pValues = log.pValues.size();
            interventions = log.interventions.size();
        }  // each log is freed before the next run, so the peak is one import's
    } catch (const cl::LogError& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    struct stat st {};
    ::stat(path.c_str(), &st);
    const double fileMb = static_cast<double>(st.st_size) / (1024.0 * 1024.0);
    const double peak = peakRssMb();
    std::printf("rows: %zu\np_values: %zu\ninterventions: %zu\n", rows, pValues, interventions);
    std::printf("seconds: %.4f\ncpu_seconds: %.4f\npeak_rss_mb: %.1f\nfile_mb: %.1f\npeak_over_file: %.2f\n", best,
                bestCpu, peak, fileMb, peak / fileMb);
    return 0;
}
