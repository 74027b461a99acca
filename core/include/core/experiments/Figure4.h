#pragma once
// Paper Figure 4 (App. D): trajectories in the (L1, L2) plane for one constant weight schedule
// from several random starts. All converge to the minimiser of Σ w_k L_k, yet L1 or L2 alone can
// rise on the way (§4.1: "non-monotonous behaviour").

#include "core/experiments/RandomQuadraticModel.h"
#include "core/flow/FlowIntegrator.h"

namespace cl {

struct Figure4Spec {
    int dimension = 100;
    double q = 0.7;
    std::uint64_t seed = 1;        // the model (A_i, b_i); start s uses trialSeed(seed, s + 1)
    int starts = 8;
    std::vector<double> weights{0.5, 0.5};  // the constant schedule; (0.9, 0.1) for App. B's imbalance
    double tEnd = 1000;            // the spectrum reaches 0.7^99, so convergence needs long times
    int samples = 200;             // times 0 and then geometric from tFirst to tEnd
    double tFirst = 1e-2;
};

struct Figure4Data {
    std::vector<double> times;
    /// One per start: θ(t) and L1, L2 at every time (Trajectory::domainLosses[0], [1]).
    std::vector<Trajectory> trajectories;
    /// Per start: whether L1, L2 ever increased (beyond rounding) between consecutive samples.
    std::vector<bool> l1NonMonotone, l2NonMonotone;
};

/// Samples the model and the starts, then the exact flows. Throws std::invalid_argument for a
/// bad spec (including weights that are not a valid schedule) and Cancelled via `progress`.
Figure4Data figure4Trajectories(const Figure4Spec& spec, ProgressSink* progress = nullptr);

}  // namespace cl
