#include "core/experiments/Table1.h"

#include "core/LieBracket.h"
#include "core/WeightedSumLoss.h"
#include "core/experiments/Interventions.h"
#include "core/experiments/RandomQuadraticModel.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <thread>

namespace cl {
namespace {

void validate(const Table1Spec& spec)
{
    if (spec.dimension < 1) throw std::invalid_argument("table1: dimension must be at least 1");
    if (spec.trials < 1) throw std::invalid_argument("table1: needs at least one trial");
    if (spec.times.empty() || spec.steps.empty()) throw std::invalid_argument("table1: needs times and steps");
    for (double t : spec.times)
        if (!(t >= 0) || !std::isfinite(t)) throw std::invalid_argument("table1: times must be finite and >= 0");
    for (double dt : spec.steps)
        if (!(dt > 0) || !std::isfinite(dt)) throw std::invalid_argument("table1: steps must be finite and > 0");
    if (spec.threads < 0) throw std::invalid_argument("table1: threads must be >= 0");
}

std::unique_ptr<FlowIntegrator> makeFlow(const Table1Spec& spec, const QuadraticModel& model)
{
    if (spec.method == FlowMethod::Odeint) return std::make_unique<OdeintFlow>(model.losses(), spec.odeint);
    return std::make_unique<ExactQuadraticFlow>(model.losses(), model.decompositions);
}

// Every cell of one trial from its start θ0 (row-major).
std::vector<double> ratiosFrom(const Table1Spec& spec, const QuadraticModel& model, const FlowIntegrator& flow,
                               const Vector& theta0)
{
    const Schedule base = Schedule::constant({0.5, 0.5});
    const WeightedSumLoss mean(model.losses(), {0.5, 0.5});  // the target L = (L1 + L2)/2

    // Visit the rows in increasing t so the base flow continues from the previous row's θ(t).
    std::vector<std::size_t> order(spec.times.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return spec.times[a] < spec.times[b]; });

    std::vector<double> ratios(spec.times.size() * spec.steps.size());
    Vector theta = theta0;
    double t = 0;
    for (std::size_t row : order) {
        theta = flow.flow(base, theta, t, spec.times[row]);  // θ(t) on L = (L1 + L2)/2
        t = spec.times[row];
        // The swap experiment's θ_{1→2} and θ_base only (θ_{2→1} is not in the table): domain 1
        // alone for Δt then domain 2 alone, i.e. eq. 9 with w = Δw = ½.
        const double p = criterionP(*model.domains[0], *model.domains[1], mean, theta);
        const Schedule baseFromT = Schedule::constant({0.5, 0.5}, t);
        for (std::size_t col = 0; col < spec.steps.size(); ++col) {
            const double dt = spec.steps[col];
            const Schedule oneThenTwo = perturbedSchedule(baseFromT, 0, 1, 0.5, t, dt);
            const Vector theta12 = flow.flow(oneThenTwo, theta, t, t + 2 * dt);
            const Vector thetaBase = flow.flow(baseFromT, theta, t, t + 2 * dt);
            // EL¹² / (½ Δt² P(L1, L2; L)(θ(t))): the science page's constant, not the printed 1/8.
            ratios[row * spec.steps.size() + col] = lossDifference(mean, theta12, thetaBase) / (0.5 * dt * dt * p);
        }
    }
    return ratios;
}

std::uint64_t seedOf(const Table1Spec& spec, int trial)
{
    return trialSeed(spec.seed, static_cast<std::uint64_t>(trial));
}

// StartPerTrial: the one model every trial shares, drawn from the seed itself.
QuadraticModel sharedModel(const Table1Spec& spec) { return sampleQuadraticModel({spec.dimension, 2, spec.q, spec.seed}); }

Vector startOf(const Table1Spec& spec, int trial)
{
    NormalSampler sampler(seedOf(spec, trial));
    return sampler.vector(spec.dimension);
}

}  // namespace

std::vector<double> table1TrialRatios(const Table1Spec& spec, int trial)
{
    if (spec.sampling == Table1Sampling::StartPerTrial) {
        const QuadraticModel model = sharedModel(spec);
        return ratiosFrom(spec, model, *makeFlow(spec, model), startOf(spec, trial));
    }
    const QuadraticModel model = sampleQuadraticModel({spec.dimension, 2, spec.q, seedOf(spec, trial)});
    return ratiosFrom(spec, model, *makeFlow(spec, model), model.theta0);
}

Table1Result runTable1(const Table1Spec& spec, ProgressSink* progress)
{
    validate(spec);
    const std::size_t cellCount = spec.times.size() * spec.steps.size();
    std::vector<std::vector<double>> perTrial(static_cast<std::size_t>(spec.trials));

    int threads = spec.threads > 0 ? spec.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::min(threads, spec.trials);
    std::atomic<int> nextTrial{0}, done{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex failureMutex;

    // StartPerTrial shares one model and one flow (and its decomposition cache) between threads.
    std::unique_ptr<QuadraticModel> model;
    std::unique_ptr<FlowIntegrator> flow;
    if (spec.sampling == Table1Sampling::StartPerTrial) {
        model = std::make_unique<QuadraticModel>(sharedModel(spec));
        flow = makeFlow(spec, *model);
    }
    auto runTrial = [&](int trial) {
        return model ? ratiosFrom(spec, *model, *flow, startOf(spec, trial)) : table1TrialRatios(spec, trial);
    };

    // Each worker takes the next trial number; a trial's result depends on its number only.
    auto worker = [&] {
        for (;;) {
            if (stop.load()) return;
            if (progress && progress->cancelRequested()) {
                stop.store(true);
                return;
            }
            const int trial = nextTrial.fetch_add(1);
            if (trial >= spec.trials) return;
            try {
                perTrial[trial] = runTrial(trial);
            } catch (...) {
                std::lock_guard<std::mutex> lock(failureMutex);
                if (!failure) failure = std::current_exception();
                stop.store(true);
                return;
            }
            const int finished = done.fetch_add(1) + 1;
            if (progress) progress->setProgress(static_cast<double>(finished) / spec.trials);
        }
    };
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back(worker);
    worker();
    for (std::thread& th : pool) th.join();
    if (failure) std::rethrow_exception(failure);
    if (done.load() < spec.trials) throw Cancelled();

    Table1Result result;
    result.spec = spec;
    for (std::size_t c = 0; c < cellCount; ++c) {
        Table1Cell cell;
        cell.t = spec.times[c / spec.steps.size()];
        cell.dt = spec.steps[c % spec.steps.size()];
        for (const std::vector<double>& r : perTrial) cell.ratios.push_back(r[c]);
        cell.median = percentile(cell.ratios, 50);
        cell.p10 = percentile(cell.ratios, 10);
        cell.p90 = percentile(cell.ratios, 90);
        result.cells.push_back(std::move(cell));
    }
    return result;
}

double percentile(std::vector<double> values, double p)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isnan(v); }), values.end());
    if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(values.begin(), values.end());
    const double position = std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(values.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, values.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return values[below] + fraction * (values[above] - values[below]);
}

}  // namespace cl
