#pragma once
// Implementation detail of Expression: the functions of two arguments (min, max, atan2) as jet
// rules, shared by the scalar path and the row kernels like the rules in JetAlgebra.h.
//
// Each is f(a, b) with its partial derivatives, composed with the operands' jets by the
// second-order chain rule for two arguments (chain2).
//
// min and max are not differentiable where a = b. There they take the average of the two
// operands' derivatives (weights ½, ½): the symmetric choice, the same one abs makes at 0
// (max(x, −x) = abs(x) has derivative 0 at x = 0 either way). Away from ties the derivatives are
// those of the selected operand exactly (weights 1 and 0); since 0 · NaN is NaN, an operand whose
// derivatives are undefined leaves the result's undefined too, even where it is not selected.
// atan2(a, b) is the angle of the point (b, a); it is undefined (NaN) at a = b = 0, where it
// is not continuous.

#include "core/expr/JetAlgebra.h"

#include <cmath>

namespace cl::expr {

/// f and its first and second partial derivatives in its two arguments a and b.
struct BinaryDerivs {
    double f, fa, fb, faa, fab, fbb;
};

/// Chain rule to second order for f(a, b), a and b jets in (x, y):
/// ∂²f/∂x∂y = faa a_x a_y + fab (a_x b_y + a_y b_x) + fbb b_x b_y + fa a_xy + fb b_xy.
template <class A, class B>
auto chain2(const BinaryDerivs& f, const A& a, const B& b)
{
    return makeJet(
        f.f, f.fa * a.dx + f.fb * b.dx, f.fa * a.dy + f.fb * b.dy,
        f.faa * (a.dx * a.dx) + 2.0 * (f.fab * (a.dx * b.dx)) + f.fbb * (b.dx * b.dx) + f.fa * a.dxx + f.fb * b.dxx,
        f.faa * (a.dx * a.dy) + f.fab * (a.dx * b.dy + a.dy * b.dx) + f.fbb * (b.dx * b.dy) + f.fa * a.dxy +
            f.fb * b.dxy,
        f.faa * (a.dy * a.dy) + 2.0 * (f.fab * (a.dy * b.dy)) + f.fbb * (b.dy * b.dy) + f.fa * a.dyy + f.fb * b.dyy);
}

/// max(a, b) (larger = true) or min(a, b): NaN when either is NaN; weights ½, ½ at a tie.
inline BinaryDerivs extremumDerivs(double a, double b, bool larger)
{
    if (std::isnan(a) || std::isnan(b)) return {kNaN, kNaN, kNaN, 0, 0, 0};
    if (a == b) return {a, 0.5, 0.5, 0, 0, 0};
    const bool aWins = larger ? a > b : a < b;
    return aWins ? BinaryDerivs{a, 1, 0, 0, 0, 0} : BinaryDerivs{b, 0, 1, 0, 0, 0};
}

/// atan2(a, b) with r² = a² + b²: ∂a = b/r², ∂b = −a/r², ∂aa = −2ab/r⁴, ∂ab = (a² − b²)/r⁴,
/// ∂bb = 2ab/r⁴. NaN at the origin.
inline BinaryDerivs atan2Derivs(double a, double b)
{
    const double r2 = a * a + b * b;
    if (!(r2 > 0.0)) return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
    const double inv = 1.0 / r2, inv2 = inv * inv;
    return {std::atan2(a, b), b * inv, -a * inv, -2.0 * a * b * inv2, (a * a - b * b) * inv2, 2.0 * a * b * inv2};
}

struct MaxRule {
    template <class A, class B>
    static auto apply(const A& a, const B& b)
    {
        return chain2(extremumDerivs(a.v, b.v, true), a, b);
    }
};

struct MinRule {
    template <class A, class B>
    static auto apply(const A& a, const B& b)
    {
        return chain2(extremumDerivs(a.v, b.v, false), a, b);
    }
};

struct Atan2Rule {
    template <class A, class B>
    static auto apply(const A& a, const B& b)
    {
        return chain2(atan2Derivs(a.v, b.v), a, b);
    }
};

}  // namespace cl::expr
