#pragma once
// Numerical integration of the training flow (paper eq. 2) for any cl::Loss, with Boost.Odeint
// (kept inside OdeintFlow.cpp: this header exposes Eigen and std only).

#include "core/flow/FlowIntegrator.h"

namespace cl {

struct OdeintOptions {
    enum class Stepper {
        /// Dormand–Prince 5(4), error-controlled, dense output for sampling (the default).
        Dopri5Adaptive,
        /// Classic fixed-step RK4 with step <= fixedStep, shortened to land on every breakpoint:
        /// used to check the order of convergence (error ratio ≈ 16 when the step halves).
        Rk4Fixed,
    };
    Stepper stepper = Stepper::Dopri5Adaptive;
    double absTolerance = 1e-10;
    double relTolerance = 1e-10;
    double fixedStep = 1e-2;
};

class OdeintFlow final : public FlowIntegrator {
public:
    /// Throws std::invalid_argument for non-positive tolerances or step.
    explicit OdeintFlow(std::vector<LossPtr> domains, OdeintOptions options = {});

    Vector flow(const Schedule& schedule, const Vector& theta0, double t0, double t1) const override;
    std::vector<Vector> sample(const Schedule& schedule, const Vector& theta0, double t0,
                               const std::vector<double>& times) const override;
    std::string name() const override { return "odeint"; }

    const OdeintOptions& options() const { return options_; }

private:
    OdeintOptions options_;
};

}  // namespace cl
