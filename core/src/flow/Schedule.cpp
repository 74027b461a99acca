#include "core/flow/Schedule.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cl {
namespace {

// Short decimal form for messages: 15 significant digits, so 0.9 prints as 0.9 while a sum that
// misses 1 by 1e-11 still shows the miss.
std::string num(double v)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.15g", v);
    return buffer;
}

std::string where(std::size_t segment, double start)
{
    return "schedule: segment " + std::to_string(segment + 1) + " (t = " + num(start) + ")";
}

void validate(const std::vector<Schedule::Segment>& segments, int domainCount)
{
    if (domainCount < 1)
        throw ScheduleError("schedule: needs at least one domain, got " + std::to_string(domainCount));
    if (segments.empty()) throw ScheduleError("schedule: has no segments");
    for (std::size_t s = 0; s < segments.size(); ++s) {
        const Schedule::Segment& seg = segments[s];
        if (!std::isfinite(seg.start))
            throw ScheduleError("schedule: segment " + std::to_string(s + 1) + " starts at t = " + num(seg.start) +
                                ", which is not finite");
        if (s > 0 && !(seg.start > segments[s - 1].start))
            throw ScheduleError("schedule: segment " + std::to_string(s + 1) + " starts at t = " + num(seg.start) +
                                ", not after segment " + std::to_string(s) + " (t = " +
                                num(segments[s - 1].start) + ")");
        if (seg.weights.size() != static_cast<std::size_t>(domainCount))
            throw ScheduleError(where(s, seg.start) + " has " + std::to_string(seg.weights.size()) +
                                " weights for " + std::to_string(domainCount) + " domains");
        double sum = 0;
        for (std::size_t k = 0; k < seg.weights.size(); ++k) {
            const double w = seg.weights[k];
            if (!std::isfinite(w))
                throw ScheduleError(where(s, seg.start) + ": weight of domain " + std::to_string(k + 1) +
                                    " is not finite (" + num(w) + ")");
            if (w < 0)
                throw ScheduleError(where(s, seg.start) + ": weight of domain " + std::to_string(k + 1) +
                                    " is negative (" + num(w) + ")");
            sum += w;
        }
        if (std::abs(sum - 1) > Schedule::kSumTolerance)
            throw ScheduleError(where(s, seg.start) + ": weights sum to " + num(sum) + ", not 1");
    }
}

}  // namespace

Schedule::Schedule(std::vector<Segment> segments, int domainCount)
    : segments_(std::move(segments)), domainCount_(domainCount)
{
    validate(segments_, domainCount_);
}

Schedule Schedule::constant(std::vector<double> weights, double start)
{
    const int k = static_cast<int>(weights.size());
    return Schedule({Segment{start, std::move(weights)}}, k);
}

std::size_t Schedule::segmentIndexAt(double t) const
{
    if (!std::isfinite(t)) throw ScheduleError("schedule: time " + num(t) + " is not finite");
    if (t < start())
        throw ScheduleError("schedule: t = " + num(t) + " is before the schedule starts (t = " + num(start()) + ")");
    // Last segment whose start is <= t: right-continuity puts a breakpoint in the later segment.
    const auto after = std::upper_bound(segments_.begin(), segments_.end(), t,
                                        [](double value, const Segment& s) { return value < s.start; });
    return static_cast<std::size_t>(after - segments_.begin()) - 1;
}

std::vector<double> Schedule::breakpointsIn(double t0, double t1) const
{
    std::vector<double> out;
    for (const Segment& s : segments_)
        if (s.start > t0 && s.start < t1) out.push_back(s.start);
    return out;
}

std::vector<double> Schedule::amounts(double t0, double t1) const
{
    std::vector<double> total(static_cast<std::size_t>(domainCount_), 0.0);
    if (!(t1 > t0)) return total;
    std::size_t s = segmentIndexAt(t0);
    double a = t0;
    while (a < t1) {
        const double b = s + 1 < segments_.size() ? std::min(t1, segments_[s + 1].start) : t1;
        for (int k = 0; k < domainCount_; ++k) total[k] += segments_[s].weights[k] * (b - a);
        a = b;
        ++s;
    }
    return total;
}

Schedule interventionSchedule(double w, double t0, double dt, double dw, InterventionOrder order)
{
    // Eq. 9/10 are the Corollary 3.2 perturbation of the constant schedule (w, 1-w) with
    // δ = Δw, ε = Δt, and (i, j) = (1, 2) for order 12 or (2, 1) for order 21.
    const Schedule base = Schedule::constant({w, 1 - w}, 0.0);
    const bool oneFirst = order == InterventionOrder::OneThenTwo;
    return perturbedSchedule(base, oneFirst ? 0 : 1, oneFirst ? 1 : 0, dw, t0, dt);
}

Schedule perturbedSchedule(const Schedule& base, int i, int j, double delta, double t0, double eps)
{
    const int k = base.domainCount();
    for (int index : {i, j})
        if (index < 0 || index >= k)
            throw ScheduleError("perturbed schedule: domain index " + std::to_string(index) +
                                " is out of range for " + std::to_string(k) + " domains");
    if (i == j) throw ScheduleError("perturbed schedule: domains i and j must differ, both are " + std::to_string(i));
    if (!(eps > 0) || !std::isfinite(eps))
        throw ScheduleError("perturbed schedule: window length must be positive and finite, got " + num(eps));
    if (!std::isfinite(delta)) throw ScheduleError("perturbed schedule: δ must be finite, got " + num(delta));
    if (!std::isfinite(t0) || t0 < base.start())
        throw ScheduleError("perturbed schedule: t0 = " + num(t0) + " is before the base schedule starts (t = " +
                            num(base.start()) + ")");

    // Every base breakpoint plus the three window edges; each piece takes the base weights at its
    // start, shifted by +δ(e_i - e_j) in the first half of the window and by -δ(e_i - e_j) in the second.
    std::vector<double> starts;
    for (const Schedule::Segment& s : base.segments()) starts.push_back(s.start);
    const double mid = t0 + eps, end = t0 + 2 * eps;
    starts.insert(starts.end(), {t0, mid, end});
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());

    std::vector<Schedule::Segment> segments;
    for (double s : starts) {
        std::vector<double> w = base.weightsAt(s);
        const double shift = (s >= t0 && s < mid) ? delta : (s >= mid && s < end) ? -delta : 0.0;
        w[i] += shift;
        w[j] -= shift;
        segments.push_back({s, std::move(w)});
    }
    return Schedule(std::move(segments), k);
}

}  // namespace cl
