#pragma once
// Flows from one clicked point θ0 of a 2-D landscape: the mixed flow and the two orders of
// training, with the bracket's prediction of where the orders end (the non-commuting
// parallelogram), and a gradient-descent path of a single loss to its end.

#include "core/Progress.h"
#include "core/flow/FlowIntegrator.h"

namespace cl {

struct PointFlows {
    Trajectory mixed;       // weights (½, ½) for 2Δt: θ_base at its end
    Trajectory oneThenTwo;  // L1 alone for Δt, then L2 alone for Δt: θ_{1→2}
    Trajectory twoThenOne;  // the reverse: θ_{2→1}
    Vector bracket;         // R(L1, L2)(θ0)
    /// θ_base ± ½ Δt² R(θ0): where the bracket says θ_{1→2} and θ_{2→1} end (science page).
    Vector predictedOneThenTwo, predictedTwoThenOne;
};

/// Integrates the three flows from theta0 (2-D) with Odeint, `samples` points per trajectory.
/// Throws std::invalid_argument when a loss is undefined at theta0, dt <= 0 or samples < 2, and
/// std::runtime_error when a flow leaves the region where the losses are defined.
PointFlows computePointFlows(const LossPtr& l1, const LossPtr& l2, const Vector& theta0, double dt, int samples = 64);

struct DescentPathOptions {
    double gradientTolerance = 1e-6;  // stop when |∇L| falls below this
    double maxTime = 1e4;             // or when this much flow time has passed
    int maxSamples = 600;             // points kept along the path
};

/// The gradient flow of one loss from theta0 until it settles (|∇L| < tolerance), the time
/// runs out, or the loss becomes undefined (the path then ends at its last defined point).
/// Samples are spaced geometrically in time, so both the fast start and the slow end show.
/// Throws Cancelled when `progress` asks to stop.
Trajectory descentPath(const LossPtr& loss, const Vector& theta0, const DescentPathOptions& options = {},
                       ProgressSink* progress = nullptr);

}  // namespace cl
