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

/// The brute-force pairwise outcome for every ordered pair: D(A, B) = L_T(train A then B) −
/// L_T(train B then A), each domain alone for `stageTime` from theta0. Antisymmetric; the
/// planner predicts D(A, B) ≈ τ² e(A, B) for small τ (science page, "N domains").
Matrix pairwiseSwapOutcomes(const FlowIntegrator& integrator, const Loss& target, const Vector& theta0,
                            double stageTime);

/// Fraction of the K(K-1)/2 pairs that `order` puts the way the pairwise outcomes prefer
/// (A before B where D(A, B) < 0).
double pairwiseOrderAccuracy(const std::vector<int>& order, const Matrix& outcomes);

}  // namespace cl
