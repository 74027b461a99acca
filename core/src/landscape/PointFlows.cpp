#include "core/landscape/PointFlows.h"

#include "core/LieBracket.h"
#include "core/flow/OdeintFlow.h"

#include <cmath>
#include <stdexcept>

namespace cl {

namespace {

bool definedAt(const Loss& loss, const Vector& theta)
{
    return std::isfinite(loss.value(theta)) && loss.gradient(theta).allFinite();
}

Trajectory checked(Trajectory t, const char* which)
{
    for (const Vector& s : t.states)
        if (!s.allFinite())
            throw std::runtime_error(std::string("the ") + which + " flow leaves the region where the losses are defined");
    return t;
}

}  // namespace

PointFlows computePointFlows(const LossPtr& l1, const LossPtr& l2, const Vector& theta0, double dt, int samples)
{
    if (!l1 || !l2 || l1->dimension() != 2 || l2->dimension() != 2 || theta0.size() != 2)
        throw std::invalid_argument("point flows: need two 2-D losses and a 2-D point");
    if (!(dt > 0) || !std::isfinite(dt)) throw std::invalid_argument("point flows: Δt must be positive");
    if (samples < 2) throw std::invalid_argument("point flows: need at least 2 samples");
    if (!definedAt(*l1, theta0) || !definedAt(*l2, theta0))
        throw std::invalid_argument("point flows: a loss is undefined at the clicked point");

    const std::vector<LossPtr> domains{l1, l2};
    const OdeintFlow flow(domains);
    const std::vector<double> times = linspace(0, 2 * dt, samples);
    const Schedule mixed = Schedule::constant({0.5, 0.5});
    const Schedule oneTwo({{0, {1, 0}}, {dt, {0, 1}}}, 2);
    const Schedule twoOne({{0, {0, 1}}, {dt, {1, 0}}}, 2);

    PointFlows out;
    out.mixed = checked(sampleTrajectory(flow, mixed, theta0, 0, times), "mixed");
    out.oneThenTwo = checked(sampleTrajectory(flow, oneTwo, theta0, 0, times), "1-then-2");
    out.twoThenOne = checked(sampleTrajectory(flow, twoOne, theta0, 0, times), "2-then-1");
    out.bracket = lieBracket(*l1, *l2, theta0);
    const Vector& base = out.mixed.states.back();
    out.predictedOneThenTwo = base + 0.5 * dt * dt * out.bracket;
    out.predictedTwoThenOne = base - 0.5 * dt * dt * out.bracket;
    return out;
}

Trajectory descentPath(const LossPtr& loss, const Vector& theta0, const DescentPathOptions& options,
                       ProgressSink* progress)
{
    if (!loss || loss->dimension() != theta0.size())
        throw std::invalid_argument("descent path: the loss does not match the point's dimension");
    if (!(options.gradientTolerance > 0) || !(options.maxTime > 0) || options.maxSamples < 2)
        throw std::invalid_argument("descent path: tolerance, time and samples must be positive");
    Trajectory path;
    if (!definedAt(*loss, theta0)) return path;  // nothing to draw from an undefined point

    const OdeintFlow flow({loss});
    const Schedule alone = Schedule::constant({1.0});
    // Geometric time steps from 1e-3 to maxTime: one segment at a time so that the path can stop
    // where the loss becomes undefined or settles, and the user can cancel between segments.
    const double first = std::min(1e-3, options.maxTime);
    const double ratio = std::pow(options.maxTime / first, 1.0 / std::max(1, options.maxSamples - 2));
    double t = 0, step = first;
    Vector theta = theta0;
    auto keep = [&](double time, const Vector& state) {
        path.times.push_back(time);
        path.states.push_back(state);
        path.domainLosses.resize(1);
        path.domainLosses[0].push_back(loss->value(state));
    };
    keep(0, theta);
    while (t < options.maxTime && static_cast<int>(path.times.size()) < options.maxSamples) {
        if (progress && progress->cancelRequested()) throw Cancelled();
        const double next = std::min(options.maxTime, t + step);
        const Vector candidate = flow.flow(alone, theta, t, next);
        if (!definedAt(*loss, candidate)) break;
        theta = candidate;
        t = next;
        keep(t, theta);
        if (loss->gradient(theta).norm() < options.gradientTolerance) break;
        step *= ratio;
        if (progress) progress->setProgress(std::log1p(t) / std::log1p(options.maxTime));
    }
    return path;
}

}  // namespace cl
