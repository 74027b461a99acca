#include "core/planner/PlannerEvaluation.h"

#include "core/WeightedSumLoss.h"
#include "core/experiments/RandomQuadraticModel.h"
#include "core/planner/CurriculumRanking.h"
#include "core/planner/TournamentPlanner.h"

#include <chrono>
#include <stdexcept>
#include <string>

namespace cl {

const MethodEvaluation& PlannerEvaluation::of(OrderingMethod method) const
{
    if (method == OrderingMethod::Auto && !methods.empty()) return methods.front();
    for (const auto& m : methods)
        if (m.method == method) return m;
    throw std::invalid_argument(std::string("planner evaluation: method ") + orderingMethodName(method) +
                                " was not scored");
}

PlannerEvaluation evaluatePlanner(const PlannerEvaluationSpec& spec, ProgressSink* progress)
{
    if (spec.trials < 1) throw std::invalid_argument("planner evaluation: trials must be at least 1");
    if (spec.domains < 2) throw std::invalid_argument("planner evaluation: needs at least 2 domains");
    if (spec.methods.empty()) throw std::invalid_argument("planner evaluation: no method to score");
    using Clock = std::chrono::steady_clock;
    PlannerEvaluation result;
    result.trials = spec.trials;
    for (OrderingMethod m : spec.methods) {
        MethodEvaluation entry;
        entry.method = (m != OrderingMethod::Auto)             ? m
                       : spec.domains <= kMaxExactOrderingSize ? OrderingMethod::Exact
                                                               : OrderingMethod::LocalSearch;
        result.methods.push_back(entry);
    }
    double bruteSeconds = 0, spreadSum = 0;
    for (int trial = 0; trial < spec.trials; ++trial) {
        if (progress && progress->cancelRequested()) throw Cancelled();
        const QuadraticModel model =
            sampleQuadraticModel({spec.dimension, spec.domains, spec.q, trialSeed(spec.seed, trial)});
        const auto domains = model.losses();
        const WeightedSumLoss target(domains, std::vector<double>(domains.size(), 1.0 / domains.size()));

        const auto t0 = Clock::now();
        const ExactQuadraticFlow flow = model.exactFlow();
        const auto ranking = rankAllCurricula(flow, target, model.theta0, spec.stageTime);
        bruteSeconds += std::chrono::duration<double>(Clock::now() - t0).count();
        spreadSum += ranking.back().targetLoss - ranking.front().targetLoss;
        const Matrix outcomes = pairwiseSwapOutcomes(flow, target, model.theta0, spec.stageTime);

        for (MethodEvaluation& entry : result.methods) {
            const auto t1 = Clock::now();
            const CurriculumPlan plan = planCurriculum(domains, target, model.theta0, entry.method);
            entry.secondsPerPlan += std::chrono::duration<double>(Clock::now() - t1).count();
            const double percentile = percentileOf(plan.ordering.order, ranking);
            entry.bestRecoveryRate += percentile == 1.0;
            entry.meanPercentile += percentile;
            entry.pairwiseAccuracy += pairwiseOrderAccuracy(plan.ordering.order, outcomes);
            entry.meanPredictedGain += plan.ordering.predictedGain(spec.stageTime);
            entry.meanBoundGap += spec.stageTime * spec.stageTime * plan.ordering.gapToBound();
        }
        if (progress) progress->setProgress(static_cast<double>(trial + 1) / spec.trials);
    }
    for (MethodEvaluation& entry : result.methods) {
        entry.bestRecoveryRate /= spec.trials;
        entry.meanPercentile /= spec.trials;
        entry.pairwiseAccuracy /= spec.trials;
        entry.meanPredictedGain /= spec.trials;
        entry.meanBoundGap /= spec.trials;
        entry.secondsPerPlan /= spec.trials;
    }
    result.meanObservedSpread = spreadSum / spec.trials;
    result.secondsPerBruteForce = bruteSeconds / spec.trials;
    return result;
}

}  // namespace cl
