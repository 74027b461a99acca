#include "ui/schedule/LabTypes.h"

#include "ui/FigureStyle.h"

#include "core/WeightedSumLoss.h"

#include <array>
#include <functional>

namespace cl::ui::schedule {

std::shared_ptr<const LabModel> buildLabModel(const RandomQuadraticSpec& spec)
{
    auto lab = std::make_shared<LabModel>();
    lab->spec = spec;
    lab->model = sampleQuadraticModel(spec);
    lab->losses = lab->model.losses();
    lab->target = std::make_shared<WeightedSumLoss>(
        lab->losses, std::vector<double>(lab->losses.size(), 1.0 / double(lab->losses.size())));
    return lab;
}

namespace {

/// sampleTrajectory in chunks of times, each chunk started from the last state of the one
/// before: the same chain of flows as one call (a zero-length step is exact), but with a
/// progress report and a chance to stop between chunks (n = 2000 takes about a minute).
Trajectory sampleInChunks(const FlowIntegrator& flow, const Schedule& schedule, const Vector& theta0,
                          const std::vector<double>& times, const std::function<void(double)>& step)
{
    constexpr std::size_t chunk = 20;
    Trajectory all;
    all.domainLosses.resize(std::size_t(flow.domainCount()));
    Vector theta = theta0;
    double t0 = 0;
    for (std::size_t begin = 0; begin < times.size(); begin += chunk) {
        step(double(begin) / double(times.size()));
        const std::vector<double> part(times.begin() + std::ptrdiff_t(begin),
                                       times.begin() + std::ptrdiff_t(std::min(times.size(), begin + chunk)));
        Trajectory t = sampleTrajectory(flow, schedule, theta, t0, part);
        theta = t.states.back();
        t0 = part.back();
        all.times.insert(all.times.end(), t.times.begin(), t.times.end());
        all.states.insert(all.states.end(), t.states.begin(), t.states.end());
        for (std::size_t k = 0; k < all.domainLosses.size(); ++k)
            all.domainLosses[k].insert(all.domainLosses[k].end(), t.domainLosses[k].begin(), t.domainLosses[k].end());
    }
    return all;
}

}  // namespace

std::shared_ptr<RunRecord> computeRun(const LabModel& lab, const Schedule& schedule, double horizon,
                                      int extraStarts, ProgressSink* flag)
{
    auto run = std::make_shared<RunRecord>();
    run->schedule = schedule;
    run->horizon = horizon;
    run->amounts = schedule.amounts(0, horizon);
    const ExactQuadraticFlow flow = lab.model.exactFlow();
    const std::vector<double> times = linspace(0, horizon, kRunSamples);
    const int total = 1 + extraStarts;
    int start = 0;
    const auto step = [&](double within) {
        if (!flag) return;
        if (flag->cancelRequested()) throw Cancelled();
        flag->setProgress((start + within) / total);
    };
    run->primary = sampleInChunks(flow, schedule, lab.model.theta0, times, step);
    for (const Vector& theta : run->primary.states) run->targetLosses.push_back(lab.target->value(theta));
    // Extra starts are drawn from their own seeds so they do not depend on how many are asked for.
    for (start = 1; start < total; ++start) {
        NormalSampler sampler(trialSeed(lab.spec.seed ^ 0x5eed5eedULL, std::uint64_t(start - 1)));
        Trajectory t = sampleInChunks(flow, schedule, sampler.vector(lab.model.theta0.size()), times, step);
        t.states.clear();  // only the losses are drawn; n = 2000 states would cost 3 MB per start
        run->extraStarts.push_back(std::move(t));
    }
    step(0);
    return run;
}

QColor domainColour(int domain)
{
    // The style's Okabe–Ito palette: domain k has the same colour in every window.
    const Rgb c = domainColor(std::size_t(std::max(domain, 0)));
    return QColor(c.r, c.g, c.b);
}

}  // namespace cl::ui::schedule
