#include "core/flow/FlowIntegrator.h"

#include <cmath>
#include <stdexcept>

namespace cl {

FlowIntegrator::FlowIntegrator(std::vector<LossPtr> domains) : domains_(std::move(domains))
{
    if (domains_.empty()) throw std::invalid_argument("flow: needs at least one domain");
    for (std::size_t k = 0; k < domains_.size(); ++k) {
        if (!domains_[k]) throw std::invalid_argument("flow: domain " + std::to_string(k + 1) + " is null");
        if (domains_[k]->dimension() != domains_.front()->dimension())
            throw std::invalid_argument("flow: domain " + std::to_string(k + 1) + " has dimension " +
                                        std::to_string(domains_[k]->dimension()) + ", domain 1 has " +
                                        std::to_string(domains_.front()->dimension()));
    }
}

void FlowIntegrator::checkArguments(const Schedule& schedule, const Vector& theta0, double t0, double t1) const
{
    if (schedule.domainCount() != domainCount())
        throw std::invalid_argument("flow: schedule has " + std::to_string(schedule.domainCount()) +
                                    " domains, the flow has " + std::to_string(domainCount()));
    if (theta0.size() != dimension())
        throw std::invalid_argument("flow: start point has " + std::to_string(theta0.size()) +
                                    " entries, the domains have dimension " + std::to_string(dimension()));
    if (!std::isfinite(t0) || !std::isfinite(t1) || t1 < t0)
        throw std::invalid_argument("flow: needs finite times with t1 >= t0");
    schedule.segmentIndexAt(t0);  // throws when t0 is before the schedule starts
}

std::vector<Vector> FlowIntegrator::sample(const Schedule& schedule, const Vector& theta0, double t0,
                                           const std::vector<double>& times) const
{
    std::vector<Vector> out;
    out.reserve(times.size());
    Vector theta = theta0;
    double t = t0;
    for (double next : times) {
        if (next < t) throw std::invalid_argument("flow: sample times must be non-decreasing and >= t0");
        theta = flow(schedule, theta, t, next);
        t = next;
        out.push_back(theta);
    }
    return out;
}

Trajectory sampleTrajectory(const FlowIntegrator& integrator, const Schedule& schedule, const Vector& theta0,
                            double t0, const std::vector<double>& times)
{
    Trajectory tr;
    tr.times = times;
    tr.states = integrator.sample(schedule, theta0, t0, times);
    tr.domainLosses.assign(integrator.domains().size(), std::vector<double>(times.size()));
    for (std::size_t k = 0; k < integrator.domains().size(); ++k)
        for (std::size_t i = 0; i < times.size(); ++i)
            tr.domainLosses[k][i] = integrator.domains()[k]->value(tr.states[i]);
    return tr;
}

std::vector<double> linspace(double a, double b, int n)
{
    if (n < 2) throw std::invalid_argument("linspace: needs at least 2 points");
    std::vector<double> out(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) out[i] = a + (b - a) * i / (n - 1);
    out.back() = b;
    return out;
}

}  // namespace cl
