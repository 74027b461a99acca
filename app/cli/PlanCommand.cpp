// commutelab plan: how often the Lie-Bracket Tournament planner finds the best curriculum.

#include "cli/CommandRegistry.h"
#include "cli/Report.h"
#include "core/planner/PlannerEvaluation.h"

#include <ostream>

namespace cl::cli {

namespace {

int runPlan(const ParsedArgs& args, std::ostream& out, std::ostream&)
{
    PlannerEvaluationSpec spec;
    spec.domains = args.integer("domains");
    spec.dimension = args.integer("dim");
    spec.seed = static_cast<std::uint64_t>(args.integer("seed"));
    spec.trials = args.integer("trials");
    spec.stageTime = args.number("time");
    if (spec.domains < 2 || spec.domains > 9) throw UsageError("--domains must be between 2 and 9 (brute force is K!)");
    if (spec.dimension < 1) throw UsageError("--dim must be at least 1");
    if (spec.trials < 1) throw UsageError("--trials must be at least 1");
    if (!(spec.stageTime > 0)) throw UsageError("--time must be positive");

    const PlannerEvaluation e = evaluatePlanner(spec);
    Report report;
    report.add("domains", static_cast<long long>(spec.domains));
    report.add("dim", static_cast<long long>(spec.dimension));
    report.add("trials", static_cast<long long>(e.trials));
    report.add("best_order_rate", e.bestRecoveryRate);
    report.add("mean_percentile", e.meanPercentile);
    report.add("pairwise_accuracy", e.pairwiseAccuracy);
    report.add("seconds_per_plan", e.secondsPerPlan);
    report.add("seconds_per_brute_force", e.secondsPerBruteForce);
    report.print(out, args.has("json"));
    return 0;
}

const CommandRegistration registration{CommandSpec{
    "plan",
    "Lie-Bracket Tournament planner on random quadratic models: how often its order is the best of all K! "
    "sequential curricula, its percentile, pairwise accuracy and time per plan.",
    {
        {"domains", "K", "number of domains (2..9)", "3", false},
        {"dim", "N", "parameter dimension", "100", false},
        {"seed", "S", "seed of the first model", "1", false},
        {"trials", "T", "number of random models", "100", false},
        {"time", "TAU", "time each domain is trained alone", "0.1", false},
        {"json", "", "print one JSON object", "", false},
    },
    "",
    runPlan,
}};

}  // namespace

}  // namespace cl::cli
