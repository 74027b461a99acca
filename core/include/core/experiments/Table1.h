#pragma once
// Paper Table 1 (§4.1, App. D; protocol on the science page): for random quadratic pairs, the
// ratio of the observed excess loss EL¹² = L(θ_{1→2}) - L(θ(t+2Δt)) to its prediction
// ½ Δt² P(L1, L2; L)(θ(t)), L = (L1 + L2)/2; per cell (t, Δt) the median and 10/90 percentiles
// over trials.

#include "core/Progress.h"
#include "core/flow/OdeintFlow.h"

#include <cstdint>
#include <vector>

namespace cl {

enum class FlowMethod { Exact, Odeint };

/// What a trial draws. The science page resamples everything per trial; App. D's wording ("for
/// table 1, we sample starting point θ") reads as one fixed model with a new start per trial, and
/// that gives 10–90 ranges like the paper's (docs/flows.md), with medians that depend on the model.
enum class Table1Sampling {
    ModelPerTrial,  // trial i: A_1, A_2, b_1, b_2, θ0 from trialSeed(seed, i)
    StartPerTrial,  // one model from seed; trial i: θ0 from trialSeed(seed, i)
};

struct Table1Spec {
    int dimension = 100;
    int trials = 100;
    std::uint64_t seed = 1;
    double q = 0.7;
    std::vector<double> times{0.1, 0.3, 1.0};     // rows
    std::vector<double> steps{0.001, 0.01, 0.1};  // columns (Δt)
    FlowMethod method = FlowMethod::Exact;
    Table1Sampling sampling = Table1Sampling::ModelPerTrial;
    OdeintOptions odeint{OdeintOptions::Stepper::Dopri5Adaptive, 1e-12, 1e-12, 1e-2};
    int threads = 0;  // 0: one per hardware thread. Results never depend on it.
};

struct Table1Cell {
    double t = 0, dt = 0;
    double median = 0, p10 = 0, p90 = 0;
    std::vector<double> ratios;  // one per trial, in trial order
};

struct Table1Result {
    Table1Spec spec;
    std::vector<Table1Cell> cells;  // row-major: cells[row * steps.size() + column]
    const Table1Cell& cell(std::size_t row, std::size_t column) const
    {
        return cells.at(row * spec.steps.size() + column);
    }
};

/// Every cell's ratio for one trial (row-major). What trial i draws depends only on spec.seed, i
/// and spec.sampling, so any subset of trials can be recomputed on its own.
std::vector<double> table1TrialRatios(const Table1Spec& spec, int trial);

/// All trials over spec.threads threads. Throws std::invalid_argument for a bad spec and
/// Cancelled when `progress` asks to stop; progress is reported once per finished trial.
Table1Result runTable1(const Table1Spec& spec, ProgressSink* progress = nullptr);

/// The p-th percentile (p in [0, 100]) with linear interpolation between order statistics
/// (numpy's default), ignoring NaNs; NaN when nothing is left.
double percentile(std::vector<double> values, double p);

}  // namespace cl
