#pragma once
// How well the tournament planner recovers the best sequential curriculum on random quadratic
// models (App. D model with K domains), against the brute force over all K! orders.

#include "core/Progress.h"

#include <cstdint>

namespace cl {

struct PlannerEvaluationSpec {
    int domains = 3;
    int dimension = 100;
    std::uint64_t seed = 1;
    int trials = 100;
    /// Time each domain is trained alone in a curriculum (λ_max = 1 in the model, so 0.1 is local).
    double stageTime = 0.1;
    double q = 0.7;
};

struct PlannerEvaluation {
    int trials = 0;
    /// Fraction of models where the planned order is the best of all K! orders.
    double bestRecoveryRate = 0;
    /// Mean percentile of the planned order among all orders (1 = best, 0 = worst).
    double meanPercentile = 0;
    /// Fraction of domain pairs the plan orders as the two-stage swap outcome prefers, over all models.
    double pairwiseAccuracy = 0;
    double secondsPerPlan = 0;
    double secondsPerBruteForce = 0;
};

/// Target: the mean of the K domain losses, reference point: each model's start θ0.
/// Trial i uses the model seeded by trialSeed(seed, i), so results do not depend on threads.
PlannerEvaluation evaluatePlanner(const PlannerEvaluationSpec& spec, ProgressSink* progress = nullptr);

}  // namespace cl
