// Times cl::logs::readScalarRuns (the external-format entry point: format detection from the
// content, then the metrics-CSV or per-run-table reader) on one file, best of N runs, for
// tools/bench_external_csv.sh. Prints the points read and their sum, which the driver compares
// with pandas'. usage: bench_external_csv FILE [REPEAT]

#include "core/logs/LogSources.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: bench_external_csv FILE [REPEAT]\n";
        return 2;
    }
    const std::string path = argv[1];
    const int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
    double best = 1e300, bestCpu = 1e300, sum = 0;
    std::size_t points = 0, series = 0;
    std::string format;
    try {
        for (int i = 0; i < repeat; ++i) {
            const auto start = std::chrono::steady_clock::now();
            const std::clock_t cpuStart = std::clock();
            const auto runs = cl::logs::readScalarRuns(path);
            best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            // CPU time as well: on a shared machine the wall clock also measures the neighbours.
            bestCpu = std::min(bestCpu, double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
            points = series = 0;
            sum = 0;
            for (const auto& run : runs) {
                format = run.format;
                series += run.series.size();
                for (const auto& s : run.series) {
                    points += s.size();
                    for (double v : s.values) sum += v;
                }
            }
        }
    } catch (const cl::LogError& e) {
        std::cerr << e.what() << '\n';
        return 1;
    }
    std::printf("format: %s\nseries: %zu\npoints: %zu\nvalue_sum: %.10e\nseconds: %.4f\ncpu_seconds: %.4f\n",
                format.c_str(), series, points, sum, best, bestCpu);
    return 0;
}
