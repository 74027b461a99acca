#pragma once
// A complete experiment log made by CommuteLab's own quadratic model instead of a training run
// (paper App. D model, two domains): the base run with weights (½, ½) sampled at checkpoints,
// P(L2, L1; L_k) at every checkpoint, and paper eq. 9 interventions at several starts t0 and
// sizes Δw in both orders. It gives the log views a full picture (Figs. 2, 3 shape) on first
// open, and the tests a log whose numbers are known to obey the swap prediction.
//
// Time and steps: the flow of paper eq. 2 at time t stands for gradient descent with learning
// rate γ after t/γ steps (paper §4.2), so the log's steps are integers t/γ and its P-values
// carry the γ² factor ("p_units: lr2", like the paper's tables). With that scaling an
// intervention of `length` steps obeys, to leading order,
//   EL_k^{21} ≈ +Δw · length² · P_{2,1;k},   EL_k^{12} ≈ −Δw · length² · P_{2,1;k}
// (science page: Corollary 3.2 with δ = Δw, ε = γ·length, and R(L1−L2, ½L1+½L2) = R(L1, L2)).

#include "core/logs/RunLog.h"

#include <cstdint>
#include <vector>

namespace cl::logs {

struct ToyRunSpec {
    int dimension = 50;
    std::uint64_t seed = 1;
    double q = 0.7;              // spectrum λ_j = q^j (App. D)
    int checkpoints = 20;        // base-run checkpoints after the start (the start is logged too)
    double duration = 10.0;      // flow time of the base run
    double warmup = 3.0;         // flow time before the first logged checkpoint (paper Fig. 2 starts at step 4000)
    double learningRate = 1e-3;  // γ: step = t / γ
    double dt = 2.0;             // intervention window Δt, flow time (rounded to whole steps)
    std::vector<double> deltaWs{0.1, 0.2, 0.3};
    int interventionStarts = 4;  // t0 values, spread over checkpoints whose window ends in the run
};

/// Throws std::invalid_argument for a spec that cannot run (dimension < 1, checkpoints < 1,
/// non-positive duration, learning rate or dt, warmup outside [0, duration), Δw outside (0, ½], no starts).
RunLog simulateToyRun(const ToyRunSpec& spec);

}  // namespace cl::logs
