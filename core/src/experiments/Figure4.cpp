#include "core/experiments/Figure4.h"

#include <cmath>
#include <stdexcept>

namespace cl {
namespace {

// A rise beyond rounding: near the limit consecutive values agree to the last bits and would
// otherwise count as increases.
bool everIncreases(const std::vector<double>& values)
{
    for (std::size_t i = 1; i < values.size(); ++i)
        if (values[i] > values[i - 1] + 1e-12 * (1 + std::abs(values[i - 1]))) return true;
    return false;
}

}  // namespace

Figure4Data figure4Trajectories(const Figure4Spec& spec, ProgressSink* progress)
{
    if (spec.starts < 1) throw std::invalid_argument("figure 4: needs at least one start");
    if (spec.samples < 2) throw std::invalid_argument("figure 4: needs at least two samples");
    if (!(spec.tFirst > 0) || !(spec.tEnd > spec.tFirst))
        throw std::invalid_argument("figure 4: needs 0 < tFirst < tEnd");
    if (spec.weights.size() != 2) throw std::invalid_argument("figure 4: needs two domain weights");
    const Schedule schedule = Schedule::constant(spec.weights);

    const QuadraticModel model = sampleQuadraticModel({spec.dimension, 2, spec.q, spec.seed});
    const ExactQuadraticFlow flow = model.exactFlow();

    Figure4Data data;
    // t = 0, then geometric spacing: the losses change on every time scale from 1 to 1/0.7^99.
    data.times.push_back(0.0);
    const double ratio = std::pow(spec.tEnd / spec.tFirst, 1.0 / (spec.samples - 2));
    for (int i = 0; i < spec.samples - 1; ++i) data.times.push_back(spec.tFirst * std::pow(ratio, i));
    data.times.back() = spec.tEnd;

    for (int s = 0; s < spec.starts; ++s) {
        if (progress && progress->cancelRequested()) throw Cancelled();
        NormalSampler sampler(trialSeed(spec.seed, static_cast<std::uint64_t>(s) + 1));
        const Vector theta0 = sampler.vector(spec.dimension);
        data.trajectories.push_back(sampleTrajectory(flow, schedule, theta0, 0.0, data.times));
        data.l1NonMonotone.push_back(everIncreases(data.trajectories.back().domainLosses[0]));
        data.l2NonMonotone.push_back(everIncreases(data.trajectories.back().domainLosses[1]));
        if (progress) progress->setProgress(static_cast<double>(s + 1) / spec.starts);
    }
    return data;
}

}  // namespace cl
