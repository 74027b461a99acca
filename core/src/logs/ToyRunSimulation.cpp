#include "core/logs/ToyRunSimulation.h"

#include "core/LieBracket.h"
#include "core/experiments/Interventions.h"
#include "core/experiments/RandomQuadraticModel.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

namespace cl::logs {

namespace {

std::string text(double v)
{
    std::ostringstream out;
    out.precision(12);
    out << v;
    return out.str();
}

void checkSpec(const ToyRunSpec& s)
{
    if (s.dimension < 1) throw std::invalid_argument("toy run: dimension must be at least 1");
    if (s.checkpoints < 1) throw std::invalid_argument("toy run: needs at least one checkpoint");
    if (!(s.duration > 0)) throw std::invalid_argument("toy run: duration must be positive");
    if (!(s.learningRate > 0)) throw std::invalid_argument("toy run: learning rate must be positive");
    if (!(s.warmup >= 0 && s.warmup < s.duration))
        throw std::invalid_argument("toy run: warmup must be in [0, duration)");
    if (!(s.dt > 0)) throw std::invalid_argument("toy run: dt must be positive");
    if (s.interventionStarts < 1) throw std::invalid_argument("toy run: needs at least one intervention start");
    if (s.deltaWs.empty()) throw std::invalid_argument("toy run: needs at least one delta w");
    for (double dw : s.deltaWs)
        if (!(dw > 0 && dw <= 0.5))  // base weights are ½: a larger Δw makes a weight negative
            throw std::invalid_argument("toy run: delta w must be in (0, 0.5], got " + text(dw));
}


}  // namespace

RunLog simulateToyRun(const ToyRunSpec& spec)
{
    checkSpec(spec);
    RandomQuadraticSpec modelSpec;
    modelSpec.dimension = spec.dimension;
    modelSpec.domains = 2;
    modelSpec.q = spec.q;
    modelSpec.seed = spec.seed;
    const QuadraticModel model = sampleQuadraticModel(modelSpec);
    const ExactQuadraticFlow flow = model.exactFlow();
    const std::vector<LossPtr> domains = model.losses();
    const double lr = spec.learningRate;

    // Whole steps everywhere: a log's steps are integers, and t = step · γ exactly.
    const long totalSteps = std::max(1L, std::lround(spec.duration / lr));
    const long windowSteps = std::max(1L, std::lround(spec.dt / lr));
    const long firstStep = std::lround(spec.warmup / lr);
    std::vector<long> checkpointSteps;
    for (int i = 0; i <= spec.checkpoints; ++i)
        checkpointSteps.push_back(firstStep +
                                  std::lround(static_cast<double>(totalSteps - firstStep) * i / spec.checkpoints));

    RunLog log;
    log.setDomains({"q1", "q2"});
    log.baseWeights = {0.5, 0.5};
    log.learningRate = lr;
    log.pScaledByLr2 = true;
    log.target = "mean";
    log.metadata = {
        {"source", "CommuteLab toy simulation (commutelab simulate): NOT a real training run"},
        {"toy", "true"},
        {"model", "App. D random quadratics L_k = 1/2 (theta-b_k)^T A_k (theta-b_k), two domains"},
        {"dimension", std::to_string(spec.dimension)},
        {"spectrum", "lambda_j = " + text(spec.q) + "^j"},
        {"seed", std::to_string(spec.seed)},
        {"flow", "exact gradient flow (paper eq. 2); step = t / learning_rate"},
        {"interventions", "paper eq. 9 with base weights (0.5, 0.5); length in steps"},
        {"prediction", "EL_k^21 ~ +dw * length^2 * P_2,1;k and EL_k^12 ~ -dw * length^2 * P_2,1;k"},
    };

    const std::vector<double> half{0.5, 0.5};
    // Base run: checkpoint losses, mean loss, and the lr²-scaled P(L2, L1; L_k) at each one.
    std::vector<Vector> states;
    Vector theta = model.theta0;
    long previous = 0;
    for (long step : checkpointSteps) {
        theta = flow.flowAtWeights(half, theta, (step - previous) * lr);
        previous = step;
        states.push_back(theta);
        const double losses[2] = {domains[0]->value(theta), domains[1]->value(theta)};
        log.checkpoints.add(static_cast<double>(step), losses, 0.5 * (losses[0] + losses[1]));
        for (int k = 0; k < 2; ++k)
            log.pValues.add(static_cast<double>(step), {1, 0}, k,
                            lr * lr * criterionP(*domains[1], *domains[0], *domains[k], theta), missing(), missing());
    }

    // Starts at checkpoints spread evenly over those whose window t0 + 2Δt ends within the
    // base run, so every intervention compares with a logged stretch of the trajectory.
    std::vector<std::size_t> eligible;
    for (std::size_t i = 0; i < checkpointSteps.size(); ++i)
        if (checkpointSteps[i] + 2 * windowSteps <= checkpointSteps.back()) eligible.push_back(i);
    if (eligible.empty()) eligible.push_back(0);
    std::set<std::size_t> starts;
    for (int s = 0; s < spec.interventionStarts; ++s) {
        const double fraction = (s + 0.5) / spec.interventionStarts;
        starts.insert(eligible[std::min(eligible.size() - 1, static_cast<std::size_t>(fraction * eligible.size()))]);
    }
    for (std::size_t index : starts) {
        const double t0 = checkpointSteps[index] * lr;
        for (double dw : spec.deltaWs) {
            const InterventionResult r = runIntervention(flow, states[index], 0.5, t0, windowSteps * lr, dw, domains);
            const double base[2] = {domains[0]->value(r.thetaBase), domains[1]->value(r.thetaBase)};
            const double excess12[2] = {r.targets[0].observed12, r.targets[1].observed12};
            const double excess21[2] = {r.targets[0].observed21, r.targets[1].observed21};
            const double loss12[2] = {domains[0]->value(r.theta12), domains[1]->value(r.theta12)};
            const double loss21[2] = {domains[0]->value(r.theta21), domains[1]->value(r.theta21)};
            const double start = static_cast<double>(checkpointSteps[index]);
            const double length = static_cast<double>(windowSteps);
            log.interventions.add(start, length, dw, {0, 1}, excess12, loss12, base);
            log.interventions.add(start, length, dw, {1, 0}, excess21, loss21, base);
        }
    }
    return log;
}

}  // namespace cl::logs
