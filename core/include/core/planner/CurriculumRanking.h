#pragma once
// Brute force for the planner: integrate every sequential curriculum (each domain trained alone
// for the same time, in every order) and rank them by the target loss reached.

#include "core/Progress.h"
#include "core/flow/FlowIntegrator.h"

#include <vector>

namespace cl {

struct RankedCurriculum {
    std::vector<int> order;  // 0-based domain indices, first trained first
    double targetLoss = 0;
};

/// All K! curricula from theta0 with `stageTime` per domain, best (lowest target loss) first.
/// Shares prefixes between orders (about e·K! single-domain flows instead of K·K!). K ≤ 9.
/// Throws std::invalid_argument for K > 9 or stageTime <= 0, Cancelled when asked to stop.
std::vector<RankedCurriculum> rankAllCurricula(const FlowIntegrator& integrator, const Loss& target,
                                               const Vector& theta0, double stageTime,
                                               ProgressSink* progress = nullptr);

/// Where `order` stands among `ranking`: 1.0 for the best curriculum, 0.0 for the worst (ties
/// take the best place). Throws std::invalid_argument when the order is not in the ranking.
double percentileOf(const std::vector<int>& order, const std::vector<RankedCurriculum>& ranking);

/// For every pair {A, B}: does `order` put them the way the brute force prefers? The brute-force
/// preference is "A before B" when the mean target loss over curricula with A before B is lower.
/// Returns the fraction of the K(K-1)/2 pairs that agree.
double pairwiseOrderAccuracy(const std::vector<int>& order, const std::vector<RankedCurriculum>& ranking);

}  // namespace cl
