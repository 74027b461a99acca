#include "ui/schedule/LabTypes.h"

#include "core/WeightedSumLoss.h"

#include <array>

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
    auto check = [&](int done) {
        if (!flag) return;
        if (flag->cancelRequested()) throw Cancelled();
        flag->setProgress(double(done) / total);
    };
    check(0);
    run->primary = sampleTrajectory(flow, schedule, lab.model.theta0, 0, times);
    for (const Vector& theta : run->primary.states) run->targetLosses.push_back(lab.target->value(theta));
    // Extra starts are drawn from their own seeds so they do not depend on how many are asked for.
    for (int s = 0; s < extraStarts; ++s) {
        check(1 + s);
        NormalSampler sampler(trialSeed(lab.spec.seed ^ 0x5eed5eedULL, std::uint64_t(s)));
        Trajectory t = sampleTrajectory(flow, schedule, sampler.vector(lab.model.theta0.size()), 0, times);
        t.states.clear();
        run->extraStarts.push_back(std::move(t));
    }
    check(total);
    return run;
}

QColor domainColour(int domain)
{
    // Okabe–Ito's colour-blind-safe set, then two extras.
    static const std::array<QColor, 8> colours{QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
                                               QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                               QColor(0xd5, 0x5e, 0x00), QColor(0x56, 0xb4, 0xe9),
                                               QColor(0x8c, 0x6d, 0x31), QColor(0x66, 0x66, 0x66)};
    return colours[std::size_t(domain) % colours.size()];
}

}  // namespace cl::ui::schedule
