#pragma once
// Implementation detail of Expression: exact second-order derivative rules, written once and
// shared by the scalar path and the vectorised row path so that both give the same bits.
//
// A jet component that is structurally zero (d/dy of an x-only node, for instance) has the
// type Zero instead of double. Arithmetic on Zero is resolved at compile time, so a rule
// applied to an x-only and a y-only operand does only the work that can be non-zero. This is
// exact sparsity, not an approximation: the dropped terms are products with an exact 0.
// (The one observable difference from dense arithmetic is that 0 * NaN stays 0; both paths
// share it, and a NaN value poisons every derivative at the end anyway, see poisoned().)

#include <cmath>
#include <limits>

namespace cl::expr {

struct Zero {};

constexpr Zero operator+(Zero, Zero) { return {}; }
constexpr double operator+(double a, Zero) { return a; }
constexpr double operator+(Zero, double b) { return b; }
constexpr Zero operator-(Zero) { return {}; }
constexpr Zero operator-(Zero, Zero) { return {}; }
constexpr double operator-(double a, Zero) { return a; }
constexpr double operator-(Zero, double b) { return -b; }
constexpr Zero operator*(Zero, Zero) { return {}; }
constexpr Zero operator*(double, Zero) { return {}; }
constexpr Zero operator*(Zero, double) { return {}; }

constexpr double asDouble(double d) { return d; }
constexpr double asDouble(Zero) { return 0.0; }

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// 0 when `defined`, NaN otherwise: added to a result to mark it undefined. GCC does not
/// vectorise "c ? 1/b : NaN" (it moves the division into the branch and will not execute a
/// possibly trapping division speculatively), but does vectorise "1/b + nanUnless(c)".
inline double nanUnless(bool defined) { return defined ? 0.0 : kNaN; }

/// Value and derivatives (d/dx, d/dy, d2/dx2, d2/dxdy, d2/dy2); each component double or Zero.
template <class V, class Dx, class Dy, class Dxx, class Dxy, class Dyy>
struct Jet {
    V v;
    Dx dx;
    Dy dy;
    Dxx dxx;
    Dxy dxy;
    Dyy dyy;
};

template <class... C>
constexpr Jet<C...> makeJet(C... c) { return {c...}; }

using ConstantJet = Jet<double, Zero, Zero, Zero, Zero, Zero>;
using XJet = Jet<double, double, Zero, double, Zero, Zero>;
using YJet = Jet<double, Zero, double, Zero, Zero, double>;
using FullJet = Jet<double, double, double, double, double, double>;

struct AddRule {
    template <class A, class B>
    static auto apply(const A& a, const B& b)
    {
        return makeJet(a.v + b.v, a.dx + b.dx, a.dy + b.dy, a.dxx + b.dxx, a.dxy + b.dxy, a.dyy + b.dyy);
    }
};

struct SubRule {
    template <class A, class B>
    static auto apply(const A& a, const B& b)
    {
        return makeJet(a.v - b.v, a.dx - b.dx, a.dy - b.dy, a.dxx - b.dxx, a.dxy - b.dxy, a.dyy - b.dyy);
    }
};

/// Leibniz rule to second order.
struct MulRule {
    template <class A, class B>
    static auto apply(const A& a, const B& b)
    {
        return makeJet(a.v * b.v,
                       a.dx * b.v + a.v * b.dx,
                       a.dy * b.v + a.v * b.dy,
                       a.dxx * b.v + 2.0 * (a.dx * b.dx) + a.v * b.dxx,
                       a.dxy * b.v + a.dx * b.dy + a.dy * b.dx + a.v * b.dxy,
                       a.dyy * b.v + 2.0 * (a.dy * b.dy) + a.v * b.dyy);
    }
};

/// q = a / b from a = q b differentiated twice. Division by exactly zero gives NaN (not ±inf),
/// so that an undefined point is marked the same way whatever made it undefined.
struct DivRule {
    template <class A, class B>
    static auto apply(const A& a, const B& b)
    {
        const double r = 1.0 / b.v + nanUnless(b.v != 0.0);
        const double q = a.v * r;
        const auto qx = (a.dx - q * b.dx) * r;
        const auto qy = (a.dy - q * b.dy) * r;
        return makeJet(q, qx, qy,
                       (a.dxx - 2.0 * (qx * b.dx) - q * b.dxx) * r,
                       (a.dxy - qx * b.dy - qy * b.dx - q * b.dxy) * r,
                       (a.dyy - 2.0 * (qy * b.dy) - q * b.dyy) * r);
    }
};

struct NegRule {
    template <class A>
    static auto apply(const A& a) { return makeJet(-a.v, -a.dx, -a.dy, -a.dxx, -a.dxy, -a.dyy); }
};

/// f, f', f'' of a scalar function at one argument.
struct Derivs {
    double f0, f1, f2;
};

/// Chain rule to second order for f(a).
template <class A>
auto chain(const Derivs& f, const A& a)
{
    return makeJet(f.f0, f.f1 * a.dx, f.f1 * a.dy,
                   f.f2 * (a.dx * a.dx) + f.f1 * a.dxx,
                   f.f2 * (a.dx * a.dy) + f.f1 * a.dxy,
                   f.f2 * (a.dy * a.dy) + f.f1 * a.dyy);
}

/// A jet whose value is NaN or infinite has NaN derivatives: d + (v - v) is d when v is finite.
inline double poisoned(double derivative, double value) { return derivative + (value - value); }

}  // namespace cl::expr
