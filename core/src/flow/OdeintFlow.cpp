#include "core/flow/OdeintFlow.h"

#include <boost/numeric/odeint.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cl {
namespace {

namespace odeint = boost::numeric::odeint;
using State = std::vector<double>;

// The right-hand side of paper eq. 2 on one schedule segment (weights fixed).
class TrainingField {
public:
    TrainingField(const std::vector<LossPtr>& domains, const std::vector<double>& weights)
        : domains_(&domains), weights_(&weights), theta_(domains.front()->dimension())
    {
    }

    void operator()(const State& x, State& dxdt, double /*t*/)
    {
        const Eigen::Index n = theta_.size();
        theta_ = Eigen::Map<const Vector>(x.data(), n);
        Eigen::Map<Vector> out(dxdt.data(), n);
        out.setZero();
        for (std::size_t k = 0; k < domains_->size(); ++k)
            if ((*weights_)[k] != 0) out.noalias() -= (*weights_)[k] * (*domains_)[k]->gradient(theta_);
    }

private:
    const std::vector<LossPtr>* domains_;
    const std::vector<double>* weights_;
    Vector theta_;  // scratch: Loss takes Eigen vectors, odeint works on std::vector
};

// [t0, t1] cut at the schedule's breakpoints: on each piece the weights are constant, so the
// right-hand side is smooth there and the stepper keeps its order (restarting at breakpoints).
std::vector<double> pieceEnds(const Schedule& schedule, double t0, double t1)
{
    std::vector<double> ends = schedule.breakpointsIn(t0, t1);
    ends.push_back(t1);
    return ends;
}

}  // namespace

OdeintFlow::OdeintFlow(std::vector<LossPtr> domains, OdeintOptions options)
    : FlowIntegrator(std::move(domains)), options_(options)
{
    if (!(options_.absTolerance > 0) || !(options_.relTolerance > 0))
        throw std::invalid_argument("odeint flow: tolerances must be positive");
    if (!(options_.fixedStep > 0)) throw std::invalid_argument("odeint flow: fixed step must be positive");
}

Vector OdeintFlow::flow(const Schedule& schedule, const Vector& theta0, double t0, double t1) const
{
    checkArguments(schedule, theta0, t0, t1);
    State x(theta0.data(), theta0.data() + theta0.size());
    double a = t0;
    for (double b : pieceEnds(schedule, t0, t1)) {
        if (!(b > a)) continue;
        TrainingField field(domains(), schedule.weightsAt(a));
        if (options_.stepper == OdeintOptions::Stepper::Rk4Fixed) {
            const auto steps = static_cast<long>(std::ceil((b - a) / options_.fixedStep - 1e-9));
            const double h = (b - a) / static_cast<double>(std::max(1L, steps));
            odeint::runge_kutta4<State> rk4;
            for (long s = 0; s < std::max(1L, steps); ++s) rk4.do_step(field, x, a + s * h, h);
        } else {
            auto stepper = odeint::make_controlled(options_.absTolerance, options_.relTolerance,
                                                   odeint::runge_kutta_dopri5<State>());
            odeint::integrate_adaptive(stepper, field, x, a, b, (b - a) / 16);
        }
        a = b;
    }
    return Eigen::Map<const Vector>(x.data(), theta0.size());
}

std::vector<Vector> OdeintFlow::sample(const Schedule& schedule, const Vector& theta0, double t0,
                                       const std::vector<double>& times) const
{
    if (options_.stepper == OdeintOptions::Stepper::Rk4Fixed || times.empty())
        return FlowIntegrator::sample(schedule, theta0, t0, times);
    if (!std::is_sorted(times.begin(), times.end()) || times.front() < t0)
        throw std::invalid_argument("flow: sample times must be non-decreasing and >= t0");
    const double t1 = times.back();
    checkArguments(schedule, theta0, t0, t1);

    const Eigen::Index n = theta0.size();
    std::vector<Vector> out(times.size());
    std::size_t next = 0;  // first sample not yet written
    while (next < times.size() && times[next] == t0) out[next++] = theta0;

    State x(theta0.data(), theta0.data() + n);
    double a = t0;
    for (double b : pieceEnds(schedule, t0, t1)) {
        if (!(b > a)) continue;
        // Dense output between the piece's ends: a, the requested times in (a, b], then b, so the
        // state left in x is θ(b) and the next piece restarts from it.
        std::vector<double> grid{a};
        const std::size_t first = next;
        while (next < times.size() && times[next] <= b) {
            if (times[next] > grid.back()) grid.push_back(times[next]);
            ++next;
        }
        if (grid.back() < b) grid.push_back(b);

        std::vector<State> states;
        std::vector<double> stateTimes;
        auto observer = [&](const State& s, double t) {
            states.push_back(s);
            stateTimes.push_back(t);
        };
        TrainingField field(domains(), schedule.weightsAt(a));
        auto stepper = odeint::make_dense_output(options_.absTolerance, options_.relTolerance,
                                                 odeint::runge_kutta_dopri5<State>());
        odeint::integrate_times(stepper, field, x, grid.begin(), grid.end(), (b - a) / 16, observer);
        x = states.back();

        std::size_t g = 0;
        for (std::size_t i = first; i < next; ++i) {
            while (stateTimes[g] < times[i]) ++g;
            out[i] = Eigen::Map<const Vector>(states[g].data(), n);
        }
        a = b;
    }
    return out;
}

}  // namespace cl
