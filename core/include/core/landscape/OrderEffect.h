#pragma once
// What the swap experiment from one clicked point measured, next to what the bracket predicts
// (science page, "What the bracket predicts"): the three end points, the displacement of each
// order from θ_base against ±½Δt²R(θ0), and the excess losses L(θ_{1→2}) − L(θ_base) of L1, L2
// and the target against ±½Δt²P(L1, L2; L)(θ0). Plus the square the read-out magnifies so that
// the non-commuting parallelogram can be seen at any Δt.

#include "core/Loss.h"
#include "core/landscape/PointFlows.h"

#include <array>
#include <string>

namespace cl {

/// Observed against predicted for one quantity (a displacement or an excess loss).
struct ObservedPredicted {
    double observed = 0, predicted = 0;
    /// observed / predicted (NaN when the prediction is 0).
    double ratio() const;
};

struct OrderEffect {
    double dt = 0;
    Vector base, oneThenTwo, twoThenOne;              // θ_base, θ_{1→2}, θ_{2→1}
    Vector predictedOneThenTwo, predictedTwoThenOne;  // θ_base ± ½Δt²R(θ0)
    /// θ_{1→2} − θ_base against ½Δt²R(θ0) (and θ_{2→1} − θ_base against −½Δt²R), each as its
    /// vector, its length, and the ratio of its component along R to the prediction's length.
    Vector displacementOneThenTwo, displacementTwoThenOne, predictedDisplacement;
    ObservedPredicted alongBracketOneThenTwo, alongBracketTwoThenOne;
    /// Excess losses of L1, L2 and the target (in that order): L(θ_{1→2}) − L(θ_base) against
    /// ½Δt²P(L1, L2; L)(θ0), and the same for θ_{2→1} with −½Δt²P.
    std::array<ObservedPredicted, 3> excessOneThenTwo, excessTwoThenOne;
};

/// Reads the order effect off computePointFlows' result (flows from theta0 with step dt).
/// `target` may be null (then the target's entries are NaN). Throws std::invalid_argument when
/// the flows are empty.
OrderEffect orderEffect(const PointFlows& flows, const LossPtr& l1, const LossPtr& l2, const LossPtr& target,
                        const Vector& theta0, double dt);

/// The square (centre and half side) around θ_base, both end points and both predictions, with
/// a margin of `margin` times the half side, never smaller than `minHalfSide`: what the inset
/// magnifies.
struct InsetSquare {
    double cx = 0, cy = 0, halfSide = 0;
};
InsetSquare insetSquare(const OrderEffect& effect, double margin = 0.35, double minHalfSide = 1e-12);

}  // namespace cl
