#pragma once
// How well the curriculum planners recover the best sequential curriculum on random quadratic
// models (App. D model with K domains), against the brute force over all K! orders. Every method
// is scored on the same models and the same brute-force ranking, so the figures compare directly.

#include "core/Progress.h"
#include "core/planner/LinearOrdering.h"

#include <cstdint>
#include <vector>

namespace cl {

struct PlannerEvaluationSpec {
    int domains = 3;
    int dimension = 100;
    std::uint64_t seed = 1;
    int trials = 100;
    /// Time each domain is trained alone in a curriculum (λ_max = 1 in the model, so 0.1 is local).
    double stageTime = 0.1;
    double q = 0.7;
    /// The methods to score (Auto is scored as what it resolves to for K domains).
    std::vector<OrderingMethod> methods = {OrderingMethod::Exact, OrderingMethod::Borda, OrderingMethod::LocalSearch};
};

struct MethodEvaluation {
    OrderingMethod method = OrderingMethod::Exact;
    /// Fraction of models where the planned order is the best of all K! orders.
    double bestRecoveryRate = 0;
    /// Mean percentile of the planned order among all orders (1 = best, 0 = worst).
    double meanPercentile = 0;
    /// Fraction of domain pairs the plan orders as the two-stage swap outcome prefers, over all models.
    double pairwiseAccuracy = 0;
    /// Mean predicted gain over the worst order, τ² (J(worst) − J(plan)) (LinearOrdering::predictedGain).
    double meanPredictedGain = 0;
    /// Mean τ² (J(plan) − Σ_{pairs} min(c(A,B), c(B,A))): distance from the pairwise lower bound
    /// (LinearOrdering::gapToBound); 0 proves every plan optimal.
    double meanBoundGap = 0;
    /// From the gradients to the order: K HVPs, K² dot products and the ordering.
    double secondsPerPlan = 0;
};

struct PlannerEvaluation {
    int trials = 0;
    std::vector<MethodEvaluation> methods;  // in the order of the spec
    /// Mean over models of the loss gap between the worst and the best of the K! orders (observed).
    double meanObservedSpread = 0;
    double secondsPerBruteForce = 0;

    /// The entry for `method` (Auto: the first entry); throws std::invalid_argument when not scored.
    const MethodEvaluation& of(OrderingMethod method) const;
};

/// Target: the mean of the K domain losses, reference point: each model's start θ0.
/// Trial i uses the model seeded by trialSeed(seed, i), so results do not depend on threads.
PlannerEvaluation evaluatePlanner(const PlannerEvaluationSpec& spec, ProgressSink* progress = nullptr);

}  // namespace cl
