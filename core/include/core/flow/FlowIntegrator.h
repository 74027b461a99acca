#pragma once
// The training flow dθ/dt = -Σ_k w_k(t) ∇L_k(θ) (paper eq. 2) under a weight schedule, behind
// one interface with two implementations: OdeintFlow (any loss, adaptive Runge–Kutta) and
// ExactQuadraticFlow (quadratic domains, closed form through eigen-decompositions).

#include "core/Loss.h"
#include "core/Progress.h"
#include "core/flow/Schedule.h"

#include <string>
#include <vector>

namespace cl {

class FlowIntegrator {
public:
    /// All domains must share one dimension; throws std::invalid_argument otherwise or when empty.
    explicit FlowIntegrator(std::vector<LossPtr> domains);
    virtual ~FlowIntegrator() = default;

    const std::vector<LossPtr>& domains() const { return domains_; }
    int domainCount() const { return static_cast<int>(domains_.size()); }
    int dimension() const { return domains_.front()->dimension(); }

    /// θ(t1) for the flow started at θ(t0) = theta0 under `schedule`; t1 >= t0. Integration
    /// restarts at every schedule breakpoint inside (t0, t1). Throws std::invalid_argument when
    /// the schedule's domain count or theta0's size does not match, or t1 < t0.
    virtual Vector flow(const Schedule& schedule, const Vector& theta0, double t0, double t1) const = 0;

    /// θ at each of `times` (non-decreasing, all >= t0). The default chains flow() between
    /// consecutive times; OdeintFlow overrides it with dense output.
    virtual std::vector<Vector> sample(const Schedule& schedule, const Vector& theta0, double t0,
                                       const std::vector<double>& times) const;

    virtual std::string name() const = 0;

protected:
    /// The shared argument checks of flow() and sample().
    void checkArguments(const Schedule& schedule, const Vector& theta0, double t0, double t1) const;

private:
    std::vector<LossPtr> domains_;
};

/// A sampled trajectory: θ and every domain's loss at each time.
struct Trajectory {
    std::vector<double> times;
    std::vector<Vector> states;
    /// domainLosses[k][i] = L_k(θ(times[i])).
    std::vector<std::vector<double>> domainLosses;
};

/// Dense output of the flow and of every domain loss along it.
Trajectory sampleTrajectory(const FlowIntegrator& integrator, const Schedule& schedule, const Vector& theta0,
                            double t0, const std::vector<double>& times);

/// n equally spaced times from a to b inclusive (n >= 2), for trajectory sampling.
std::vector<double> linspace(double a, double b, int n);

}  // namespace cl
