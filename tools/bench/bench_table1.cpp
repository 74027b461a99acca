// Times paper Table 1 (3×3 cells, 100 trials per cell): exact and odeint flows at n = 100, then
// the exact method at n = 100, 400, 1000. Prints one "key: value" line per figure.
//
// Usage: bench_table1 [--quick] [--threads N] — --quick runs only the n = 100 exact timing
// (what tools/bench_table1.sh compares with the SciPy reference).

#include "core/experiments/Table1.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstring>
#include <string>

namespace {

// Process CPU time of the last secondsFor call (all threads): a fairer figure than wall time when
// other jobs share the cores.
double lastCpuSeconds = 0;

double secondsFor(const cl::Table1Spec& spec, cl::Table1Result* out = nullptr)
{
    const std::clock_t cpuStart = std::clock();
    const auto start = std::chrono::steady_clock::now();
    cl::Table1Result result = cl::runTable1(spec);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    lastCpuSeconds = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    if (out) *out = std::move(result);
    return seconds;
}

void printTable(const cl::Table1Result& r)
{
    for (std::size_t row = 0; row < r.spec.times.size(); ++row) {
        std::printf("#   t=%-5g", r.spec.times[row]);
        for (std::size_t col = 0; col < r.spec.steps.size(); ++col) {
            const cl::Table1Cell& c = r.cell(row, col);
            std::printf("  %.3f ± %.3f", c.median, 0.5 * (c.p90 - c.p10));
        }
        std::printf("\n");
    }
}

}  // namespace

int main(int argc, char** argv)
{
    bool quick = false;
    int threads = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0) quick = true;
        else if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) threads = std::stoi(argv[++i]);
    }
    cl::Table1Spec spec;
    spec.threads = threads;
    cl::Table1Result result;
    secondsFor(spec);  // warm-up (page faults, CPU frequency)
    const double exact100 = secondsFor(spec, &result);
    std::printf("exact_n100_trials100_seconds: %.4f\n", exact100);
    std::printf("exact_n100_trials100_cpu_seconds: %.4f\n", lastCpuSeconds);
    printTable(result);
    if (quick) return 0;

    spec.method = cl::FlowMethod::Odeint;
    std::printf("odeint_n100_trials100_seconds: %.4f\n", secondsFor(spec, &result));
    std::printf("odeint_n100_trials100_cpu_seconds: %.4f\n", lastCpuSeconds);
    printTable(result);

    spec.method = cl::FlowMethod::Exact;
    for (int n : {400, 1000}) {
        spec.dimension = n;
        spec.trials = n == 1000 ? 20 : 100;
        const double s = secondsFor(spec);
        std::printf("exact_n%d_trials%d_seconds: %.4f (%.4f s per trial; cpu %.4f s)\n", n, spec.trials, s,
                    s / spec.trials, lastCpuSeconds);
    }
    return 0;
}
