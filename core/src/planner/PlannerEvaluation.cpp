#include "core/planner/PlannerEvaluation.h"

#include "core/WeightedSumLoss.h"
#include "core/experiments/RandomQuadraticModel.h"
#include "core/planner/CurriculumRanking.h"
#include "core/planner/TournamentPlanner.h"

#include <chrono>
#include <stdexcept>

namespace cl {

PlannerEvaluation evaluatePlanner(const PlannerEvaluationSpec& spec, ProgressSink* progress)
{
    if (spec.trials < 1) throw std::invalid_argument("planner evaluation: trials must be at least 1");
    if (spec.domains < 2) throw std::invalid_argument("planner evaluation: needs at least 2 domains");
    using Clock = std::chrono::steady_clock;
    PlannerEvaluation result;
    double planSeconds = 0, bruteSeconds = 0, pairwiseSum = 0, percentileSum = 0;
    int recovered = 0;
    for (int trial = 0; trial < spec.trials; ++trial) {
        if (progress && progress->cancelRequested()) throw Cancelled();
        const QuadraticModel model =
            sampleQuadraticModel({spec.dimension, spec.domains, spec.q, trialSeed(spec.seed, trial)});
        const auto domains = model.losses();
        const WeightedSumLoss target(domains, std::vector<double>(domains.size(), 1.0 / domains.size()));

        const auto t0 = Clock::now();
        const TournamentPlan plan = planTournament(domains, target, model.theta0);
        const auto t1 = Clock::now();
        const ExactQuadraticFlow flow = model.exactFlow();
        const auto ranking = rankAllCurricula(flow, target, model.theta0, spec.stageTime);
        const auto t2 = Clock::now();

        planSeconds += std::chrono::duration<double>(t1 - t0).count();
        bruteSeconds += std::chrono::duration<double>(t2 - t1).count();
        const double percentile = percentileOf(plan.order, ranking);
        recovered += percentile == 1.0;
        percentileSum += percentile;
        pairwiseSum += pairwiseOrderAccuracy(
            plan.order, pairwiseSwapOutcomes(flow, target, model.theta0, spec.stageTime));
        if (progress) progress->setProgress(static_cast<double>(trial + 1) / spec.trials);
    }
    result.trials = spec.trials;
    result.bestRecoveryRate = static_cast<double>(recovered) / spec.trials;
    result.meanPercentile = percentileSum / spec.trials;
    result.pairwiseAccuracy = pairwiseSum / spec.trials;
    result.secondsPerPlan = planSeconds / spec.trials;
    result.secondsPerBruteForce = bruteSeconds / spec.trials;
    return result;
}

}  // namespace cl
