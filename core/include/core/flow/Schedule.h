#pragma once
// Piecewise-constant weight schedules w(t) over K domains (paper §3: non-negative, summing to 1,
// right-continuous), and the schedules the paper's experiments use: eq. 9/10 interventions and
// the Corollary 3.2 perturbation.
//
// Domains are 0-based in the API; error messages number them from 1 ("domain 1" is L1 in the
// paper) and segments from 1 as well, so a message reads the way a user counts.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace cl {

/// An invalid schedule. The message names the segment (and its start time) and the domain.
class ScheduleError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

class Schedule {
public:
    /// Segment s holds on [start_s, start_{s+1}); the last one holds for ever after its start.
    struct Segment {
        double start = 0;
        std::vector<double> weights;
    };

    /// Weights must sum to 1 within this (absolute) tolerance.
    static constexpr double kSumTolerance = 1e-12;

    /// Validates every segment against domainCount; throws ScheduleError on the first problem:
    /// no segments, domainCount < 1, non-finite or non-increasing start times, a weight count
    /// other than domainCount, a non-finite or negative weight, weights not summing to 1.
    Schedule(std::vector<Segment> segments, int domainCount);

    /// The same weights from `start` on.
    static Schedule constant(std::vector<double> weights, double start = 0);

    int domainCount() const { return domainCount_; }
    double start() const { return segments_.front().start; }
    const std::vector<Segment>& segments() const { return segments_; }

    /// The segment in force at t (right-continuous: at a breakpoint, the segment starting there).
    /// Throws ScheduleError when t is before the schedule starts or not finite.
    std::size_t segmentIndexAt(double t) const;
    const std::vector<double>& weightsAt(double t) const { return segments_[segmentIndexAt(t)].weights; }

    /// Segment starts strictly inside (t0, t1): where a flow integration must restart.
    std::vector<double> breakpointsIn(double t0, double t1) const;

    /// ∫_{t0}^{t1} w_k(t) dt for every k: the amount of each domain's data used (paper §3).
    std::vector<double> amounts(double t0, double t1) const;

private:
    std::vector<Segment> segments_;
    int domainCount_;
};

/// Which half of an intervention raises domain 1 first (paper eq. 9: "12"), or domain 2 ("21").
enum class InterventionOrder { OneThenTwo, TwoThenOne };

/// Paper eq. 9 (w = 0.5) and eq. 10 (w = 0.9): base weights (w, 1-w) from time 0; order 12 uses
/// (w+Δw, 1-w-Δw) on [t0, t0+Δt) then (w-Δw, 1-w+Δw) on [t0+Δt, t0+2Δt), order 21 the reverse;
/// (w, 1-w) again afterwards. Same amount of each domain as the base. Throws ScheduleError
/// (for example when Δw pushes a weight below 0) or when t0 < 0 or Δt <= 0.
Schedule interventionSchedule(double w, double t0, double dt, double dw, InterventionOrder order);

/// Corollary 3.2(a): base + δ(e_i - e_j) on [t0, t0+ε), base - δ(e_i - e_j) on [t0+ε, t0+2ε),
/// base elsewhere (base breakpoints inside the window are kept). i, j are 0-based and distinct.
/// Throws ScheduleError for bad indices, ε <= 0, t0 before the base starts, or a negative weight.
Schedule perturbedSchedule(const Schedule& base, int i, int j, double delta, double t0, double eps);

}  // namespace cl
