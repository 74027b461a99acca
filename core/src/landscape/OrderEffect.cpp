#include "core/landscape/OrderEffect.h"

#include "core/LieBracket.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace cl {

double ObservedPredicted::ratio() const
{
    return predicted != 0 ? observed / predicted : std::numeric_limits<double>::quiet_NaN();
}

OrderEffect orderEffect(const PointFlows& flows, const LossPtr& l1, const LossPtr& l2, const LossPtr& target,
                        const Vector& theta0, double dt)
{
    if (flows.mixed.states.empty() || flows.oneThenTwo.states.empty() || flows.twoThenOne.states.empty())
        throw std::invalid_argument("order effect: the flows are empty");
    OrderEffect e;
    e.dt = dt;
    e.base = flows.mixed.states.back();
    e.oneThenTwo = flows.oneThenTwo.states.back();
    e.twoThenOne = flows.twoThenOne.states.back();
    e.predictedOneThenTwo = flows.predictedOneThenTwo;
    e.predictedTwoThenOne = flows.predictedTwoThenOne;
    // Science page: θ_{1→2} − θ_base = ½Δt²R(θ0) + O(Δt³), θ_{2→1} − θ_base the negative.
    const double half = 0.5 * dt * dt;
    e.predictedDisplacement = half * flows.bracket;
    e.displacementOneThenTwo = e.oneThenTwo - e.base;
    e.displacementTwoThenOne = e.twoThenOne - e.base;
    const double length = e.predictedDisplacement.norm();
    const Vector direction = length > 0 ? Vector(e.predictedDisplacement / length) : Vector::Zero(2);
    e.alongBracketOneThenTwo = {e.displacementOneThenTwo.dot(direction), length};
    e.alongBracketTwoThenOne = {e.displacementTwoThenOne.dot(direction), -length};

    // L(θ_{1→2}) − L(θ_base) = ½Δt²P(L1, L2; L)(θ0) + O(Δt³), P = <R, ∇L> (eq. 6).
    const LossPtr losses[3] = {l1, l2, target};
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (int k = 0; k < 3; ++k) {
        if (!losses[k]) {
            e.excessOneThenTwo[k] = e.excessTwoThenOne[k] = {nan, nan};
            continue;
        }
        const Loss& loss = *losses[k];
        const double atBase = loss.value(e.base);
        const double p = criterionP(*l1, *l2, loss, theta0);
        e.excessOneThenTwo[k] = {loss.value(e.oneThenTwo) - atBase, half * p};
        e.excessTwoThenOne[k] = {loss.value(e.twoThenOne) - atBase, -half * p};
    }
    return e;
}

InsetSquare insetSquare(const OrderEffect& effect, double margin, double minHalfSide)
{
    const Vector* points[] = {&effect.base, &effect.oneThenTwo, &effect.twoThenOne, &effect.predictedOneThenTwo,
                              &effect.predictedTwoThenOne};
    double xmin = effect.base[0], xmax = xmin, ymin = effect.base[1], ymax = ymin;
    for (const Vector* p : points) {
        if (!p->allFinite()) continue;
        xmin = std::min(xmin, (*p)[0]), xmax = std::max(xmax, (*p)[0]);
        ymin = std::min(ymin, (*p)[1]), ymax = std::max(ymax, (*p)[1]);
    }
    InsetSquare s;
    s.cx = 0.5 * (xmin + xmax);
    s.cy = 0.5 * (ymin + ymax);
    s.halfSide = std::max(minHalfSide, 0.5 * std::max(xmax - xmin, ymax - ymin) * (1 + margin));
    return s;
}

}  // namespace cl
