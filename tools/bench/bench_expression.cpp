// Nanoseconds per grid point of typed-expression evaluation, single thread: the row evaluator
// (what the field sampler uses) and the scalar jet path, for the two losses of the landscape
// view's default example on a 1024 × 1024 grid over [-3, 3]².
// Times are CPU time of this (single) thread, best of several runs, so that other processes on
// a busy machine inflate them less than wall-clock time would.

#include "core/expr/Expression.h"

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <vector>

namespace {

constexpr int kN = 1024;
constexpr int kRepeats = 5;

double coordinate(int i) { return -3.0 + 6.0 * i / (kN - 1); }

double cpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

/// Best of kRepeats full-grid passes, in ns per point; `checksum` keeps the work observable.
double rowNsPerPoint(const cl::Expression& e, double& checksum)
{
    std::vector<double> xs(kN);
    for (int i = 0; i < kN; ++i) xs[static_cast<std::size_t>(i)] = coordinate(i);
    auto evaluator = e.rowEvaluator(xs);
    std::vector<double> store(6 * kN);
    double* s = store.data();
    const cl::PlanarJetRow row{s, s + kN, s + 2 * kN, s + 3 * kN, s + 4 * kN, s + 5 * kN};
    double best = 1e300;
    for (int r = 0; r < kRepeats; ++r) {
        const double start = cpuSeconds();
        for (int j = 0; j < kN; ++j) {
            evaluator->evaluateRow(coordinate(j), row);
            checksum += row.dxy[static_cast<std::size_t>(j)];
        }
        best = std::min(best, cpuSeconds() - start);
    }
    return best * 1e9 / (double(kN) * kN);
}

double scalarNsPerPoint(const cl::Expression& e, double& checksum)
{
    constexpr int kStride = 4;  // a quarter of the grid in each direction is plenty to time
    double best = 1e300;
    for (int r = 0; r < 3; ++r) {
        const double start = cpuSeconds();
        for (int j = 0; j < kN; j += kStride)
            for (int i = 0; i < kN; i += kStride) checksum += e.jet(coordinate(i), coordinate(j)).dxy;
        best = std::min(best, cpuSeconds() - start);
    }
    return best * 1e9 / (double(kN / kStride) * (kN / kStride));
}

}  // namespace

int main()
{
    const char* texts[] = {
        "0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y",
        "log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)",
    };
    const char* names[] = {"L1", "L2"};
    double checksum = 0;
    std::printf("expression evaluation, %d x %d grid, single thread (CPU ns per point, best of runs)\n", kN, kN);
    for (int k = 0; k < 2; ++k) {
        const cl::Expression e = cl::Expression::parse(texts[k]);
        const double row = rowNsPerPoint(e, checksum);
        const double scalar = scalarNsPerPoint(e, checksum);
        std::printf("%s = %s\n    row evaluator %6.2f ns/point   scalar jet %6.2f ns/point\n", names[k], texts[k], row,
                    scalar);
    }
    std::printf("(checksum %g)\n", checksum);
    return 0;
}
