#include "core/experiments/Interventions.h"

#include "core/LieBracket.h"
#include "core/QuadraticLoss.h"
#include "core/WeightedSumLoss.h"

#include <stdexcept>

namespace cl {

double lossDifference(const Loss& loss, const Vector& x, const Vector& y)
{
    if (const auto* q = dynamic_cast<const QuadraticLoss*>(&loss)) {
        // ½(x-b)ᵀA(x-b) - ½(y-b)ᵀA(y-b) = ½ (x-y)ᵀ A (x+y-2b), exact for symmetric A.
        return 0.5 * (x - y).dot(q->A() * (x + y - 2 * q->b()));
    }
    if (const auto* sum = dynamic_cast<const WeightedSumLoss*>(&loss)) {
        double total = 0;
        for (std::size_t k = 0; k < sum->terms().size(); ++k)
            total += sum->weights()[k] * lossDifference(*sum->terms()[k], x, y);
        return total;
    }
    return loss.value(x) - loss.value(y);
}

PerturbationResult runPerturbation(const FlowIntegrator& flow, const Schedule& base, int i, int j, double delta,
                                   const Vector& theta, double t0, double eps, const Loss& target)
{
    const Schedule perturbed = perturbedSchedule(base, i, j, delta, t0, eps);
    PerturbationResult r;
    r.perturbed = flow.flow(perturbed, theta, t0, t0 + 2 * eps);
    r.base = flow.flow(base, theta, t0, t0 + 2 * eps);
    r.observed = lossDifference(target, r.perturbed, r.base);

    // Corollary 3.2(a) with the science page's constant δ ε² (the paper prints ½ δ ε²).
    const std::vector<LossPtr>& d = flow.domains();
    const WeightedSumLoss difference({d[i], d[j]}, {1.0, -1.0});
    const WeightedSumLoss mixed(d, base.weightsAt(t0));
    r.predicted = delta * eps * eps * criterionP(difference, mixed, target, theta);
    return r;
}

InterventionResult runIntervention(const FlowIntegrator& flow, const Vector& thetaAtStart, double w, double t0,
                                   double dt, double dw, const std::vector<LossPtr>& targets)
{
    if (flow.domainCount() != 2)
        throw std::invalid_argument("intervention: needs exactly two domains, the flow has " +
                                    std::to_string(flow.domainCount()));
    // The base schedule starts at t0 here: only [t0, t0 + 2Δt) is integrated.
    const Schedule base = Schedule::constant({w, 1 - w}, t0);
    const Schedule s12 = perturbedSchedule(base, 0, 1, dw, t0, dt);
    const Schedule s21 = perturbedSchedule(base, 1, 0, dw, t0, dt);
    const double t1 = t0 + 2 * dt;

    InterventionResult r;
    r.thetaAtStart = thetaAtStart;
    r.theta12 = flow.flow(s12, thetaAtStart, t0, t1);
    r.theta21 = flow.flow(s21, thetaAtStart, t0, t1);
    r.thetaBase = flow.flow(base, thetaAtStart, t0, t1);

    const Loss& l1 = *flow.domains()[0];
    const Loss& l2 = *flow.domains()[1];
    const Vector bracket = lieBracket(l1, l2, thetaAtStart);  // R(L1, L2)(θ(t0))
    for (const LossPtr& target : targets) {
        if (!target) throw std::invalid_argument("intervention: a target is null");
        ExcessLoss e;
        e.observed12 = lossDifference(*target, r.theta12, r.thetaBase);
        e.observed21 = lossDifference(*target, r.theta21, r.thetaBase);
        const double p12 = bracket.dot(target->gradient(thetaAtStart));  // P(L1, L2; L)
        e.predicted12 = dw * dt * dt * p12;
        e.p21 = -p12;  // antisymmetry of the bracket
        r.targets.push_back(e);
    }
    return r;
}

InterventionResult runInterventionFromStart(const FlowIntegrator& flow, const Vector& theta0, double w, double t0,
                                            double dt, double dw, const std::vector<LossPtr>& targets)
{
    const Vector atStart = flow.flow(Schedule::constant({w, 1 - w}, 0.0), theta0, 0.0, t0);
    return runIntervention(flow, atStart, w, t0, dt, dw, targets);
}

InterventionResult runSwapExperiment(const FlowIntegrator& flow, const Vector& theta, double t, double dt)
{
    if (flow.domainCount() != 2)
        throw std::invalid_argument("swap experiment: needs exactly two domains, the flow has " +
                                    std::to_string(flow.domainCount()));
    const std::vector<LossPtr>& d = flow.domains();
    const LossPtr mean = std::make_shared<WeightedSumLoss>(d, std::vector<double>{0.5, 0.5});
    // Weights (½+½, ½-½) = (1, 0) then (0, 1): the swap is eq. 9 with w = Δw = ½.
    return runIntervention(flow, theta, 0.5, t, dt, 0.5, {d[0], d[1], mean});
}

}  // namespace cl
