// commutelab plan: how often each curriculum planner (exact linear ordering, Borda's row sums, local
// search) finds the best of all K! sequential curricula, side by side on the same random models.

#include "cli/CommandRegistry.h"
#include "cli/Report.h"
#include "core/planner/PlannerEvaluation.h"

#include <cstdio>
#include <ostream>
#include <stdexcept>

namespace cl::cli {

namespace {

// One row per method, aligned, for the text output (the JSON output carries the same as "methods").
void printMethodTable(std::ostream& out, const PlannerEvaluation& e)
{
    char line[200];
    std::snprintf(line, sizeof line, "%-7s %15s %15s %17s %15s %15s %16s\n", "method", "best_order_rate",
                  "mean_percentile", "pairwise_accuracy", "predicted_gain", "bound_gap", "seconds_per_plan");
    out << line;
    for (const MethodEvaluation& m : e.methods) {
        std::snprintf(line, sizeof line, "%-7s %15.4f %15.4f %17.4f %15.4e %15.4e %16.3e\n",
                      orderingMethodName(m.method), m.bestRecoveryRate, m.meanPercentile, m.pairwiseAccuracy,
                      m.meanPredictedGain, m.meanBoundGap, m.secondsPerPlan);
        out << line;
    }
}

std::string methodsJson(const PlannerEvaluation& e)
{
    std::string json = "{";
    for (std::size_t k = 0; k < e.methods.size(); ++k) {
        const MethodEvaluation& m = e.methods[k];
        json += (k ? ", " : "") + jsonString(orderingMethodName(m.method)) +
                ": {\"best_order_rate\": " + jsonNumber(m.bestRecoveryRate) +
                ", \"mean_percentile\": " + jsonNumber(m.meanPercentile) +
                ", \"pairwise_accuracy\": " + jsonNumber(m.pairwiseAccuracy) +
                ", \"predicted_gain\": " + jsonNumber(m.meanPredictedGain) +
                ", \"bound_gap\": " + jsonNumber(m.meanBoundGap) +
                ", \"seconds_per_plan\": " + jsonNumber(m.secondsPerPlan) + "}";
    }
    return json + "}";
}

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
    OrderingMethod chosen;
    try {
        chosen = parseOrderingMethod(args.text("method"));
    } catch (const std::invalid_argument& error) {
        throw UsageError(std::string("--method: ") + error.what());
    }
    if (chosen == OrderingMethod::Auto)  // --domains ≤ 9, so auto is the exact solver here
        chosen = OrderingMethod::Exact;
    // The chosen method first; the other two after it, scored on the same models.
    spec.methods = {chosen};
    for (OrderingMethod m : {OrderingMethod::Exact, OrderingMethod::Borda, OrderingMethod::LocalSearch})
        if (m != chosen) spec.methods.push_back(m);

    const PlannerEvaluation e = evaluatePlanner(spec);
    const MethodEvaluation& primary = e.of(chosen);
    Report report;
    report.add("domains", static_cast<long long>(spec.domains));
    report.add("dim", static_cast<long long>(spec.dimension));
    report.add("trials", static_cast<long long>(e.trials));
    report.add("time", spec.stageTime);
    report.add("method", std::string(orderingMethodName(primary.method)));
    report.add("best_order_rate", primary.bestRecoveryRate);
    report.add("mean_percentile", primary.meanPercentile);
    report.add("pairwise_accuracy", primary.pairwiseAccuracy);
    report.add("predicted_gain", primary.meanPredictedGain);
    report.add("bound_gap", primary.meanBoundGap);
    report.add("observed_spread", e.meanObservedSpread);
    report.add("seconds_per_plan", primary.secondsPerPlan);
    report.add("seconds_per_brute_force", e.secondsPerBruteForce);
    const bool json = args.has("json");
    if (json) report.addRaw("methods", methodsJson(e));
    report.print(out, json);
    if (!json) printMethodTable(out, e);
    return 0;
}

const CommandRegistration registration{CommandSpec{
    "plan",
    "Curriculum planners on random quadratic models, side by side: how often each one's order is the best of "
    "all K! sequential curricula, its percentile, pairwise accuracy, predicted gain over the worst order "
    "(τ² ΔJ), distance from the pairwise lower bound Σ min(c(A,B), c(B,A)) (τ²-scaled) and time per plan.",
    {
        {"domains", "K", "number of domains (2..9)", "3", false},
        {"dim", "N", "parameter dimension", "100", false},
        {"seed", "S", "seed of the first model", "1", false},
        {"trials", "T", "number of random models", "100", false},
        {"time", "TAU", "time each domain is trained alone", "0.1", false},
        {"method", "exact|borda|local|auto",
         "the method reported first (auto: exact up to 20 domains); all three are scored", "auto", false},
        {"json", "", "print one JSON object", "", false},
    },
    "",
    runPlan,
}};

}  // namespace

}  // namespace cl::cli
