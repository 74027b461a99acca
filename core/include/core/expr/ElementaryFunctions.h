#pragma once
// Implementation detail of Expression: f, f' and f'' of every unary operation, with the
// domain rules the project promises (NaN outside the domain, never an exception).

#include "core/expr/JetAlgebra.h"
#include "core/expr/Tape.h"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace cl::expr {

/// base^m for m >= 0 by repeated squaring: exact integer-power rules, fine for negative bases.
inline double integerPower(double base, unsigned m)
{
    double result = 1.0;
    while (m != 0) {
        if (m & 1u) result *= base;
        m >>= 1u;
        if (m != 0) base *= base;
    }
    return result;
}

/// a^n, n a^(n-1), n (n-1) a^(n-2) for an integer n other than 0, 1. Negative n at a = 0
/// is a division by zero: NaN.
inline Derivs powIntDerivs(double a, int n)
{
    double p0, p1, p2;
    if (n >= 2) {
        p2 = integerPower(a, static_cast<unsigned>(n - 2));
        p1 = p2 * a;
        p0 = p1 * a;
    } else {
        const double inverse = a == 0.0 ? kNaN : 1.0 / a;
        p0 = integerPower(inverse, static_cast<unsigned>(-static_cast<long>(n)));
        p1 = p0 * inverse;
        p2 = p1 * inverse;
    }
    const double dn = n;
    return {p0, dn * p1, dn * (dn - 1.0) * p2};
}

/// a^c for a non-integer constant c: exp(c log a), defined for a > 0 only.
inline Derivs powRealDerivs(double a, double c)
{
    if (!(a > 0.0)) return {kNaN, kNaN, kNaN};
    const double p = std::pow(a, c);
    const double inverse = 1.0 / a;
    return {p, c * p * inverse, c * (c - 1.0) * p * inverse * inverse};
}

/// log(0) is NaN too, not -inf. Split into the library call and the rest so that row kernels
/// can call the library in one loop and vectorise the rest (the division above all) in another.
inline double logValue(double a)
{
    return a > 0.0 ? std::log(a) : kNaN;
}

inline Derivs logDerivsFrom(double a, double logA)
{
    const double f1 = 1.0 / a + nanUnless(a > 0.0);
    return {logA, f1, -f1 * f1};
}

inline Derivs logDerivs(double a)
{
    return logDerivsFrom(a, logValue(a));
}

/// sqrt is defined at 0 but its derivatives are not (they are infinite): NaN there.
inline Derivs sqrtDerivs(double a)
{
    if (a > 0.0) {
        const double s = std::sqrt(a);
        const double half = 0.5 / s;
        return {s, half, -0.5 * half / a};
    }
    if (a == 0.0) return {0.0, kNaN, kNaN};
    return {kNaN, kNaN, kNaN};
}

/// abs at 0 has no derivative; we take 0 (and 0 for the second derivative), the value of the
/// subgradient that keeps a symmetric function's gradient symmetric.
inline Derivs absDerivs(double a)
{
    const double sign = a > 0.0 ? 1.0 : (a < 0.0 ? -1.0 : (a == 0.0 ? 0.0 : kNaN));
    return {std::abs(a), sign, 0.0};
}

inline Derivs tanDerivs(double a)
{
    const double t = std::tan(a);
    const double s = 1.0 + t * t;
    return {t, s, 2.0 * t * s};
}

inline Derivs tanhDerivs(double a)
{
    const double t = std::tanh(a);
    const double s = 1.0 - t * t;
    return {t, s, -2.0 * t * s};
}

inline Derivs sinhDerivs(double a)
{
    const double s = std::sinh(a), c = std::cosh(a);
    return {s, c, s};
}

inline Derivs coshDerivs(double a)
{
    const double s = std::sinh(a), c = std::cosh(a);
    return {c, s, c};
}

/// asinh a = log(a + sqrt(1 + a²)): f' = (1 + a²)^(-1/2), f'' = -a (1 + a²)^(-3/2).
inline Derivs asinhDerivs(double a)
{
    const double r = 1.0 / std::sqrt(1.0 + a * a);
    return {std::asinh(a), r, -a * r * r * r};
}

/// The logistic function σ(a) = 1 / (1 + e^(-a)), written so that neither branch overflows:
/// σ' = σ (1 − σ), σ'' = σ' (1 − 2σ).
inline double sigmoidValue(double a)
{
    if (a >= 0.0) return 1.0 / (1.0 + std::exp(-a));
    const double e = std::exp(a);
    return e / (1.0 + e);
}

inline Derivs sigmoidDerivs(double a)
{
    const double s = sigmoidValue(a);
    const double s1 = s * (1.0 - s);
    return {s, s1, s1 * (1.0 - 2.0 * s)};
}

/// softplus a = log(1 + e^a) = max(a, 0) + log1p(e^(-|a|)) (no overflow for large a);
/// softplus' = σ(a), softplus'' = σ(a) (1 − σ(a)).
inline Derivs softplusDerivs(double a)
{
    const double s = sigmoidValue(a);
    const double value = std::isnan(a) ? a : std::max(a, 0.0) + std::log1p(std::exp(-std::abs(a)));
    return {value, s, s * (1.0 - s)};
}

/// Derivatives of the unary operation `op` of `node` at a (op is a compile-time constant so
/// that row kernels contain a single function).
template <Op op>
inline Derivs derivsOf(double a, const TapeNode& node)
{
    if constexpr (op == Op::Square)
        return {a * a, 2.0 * a, 2.0};
    else if constexpr (op == Op::PowInt)
        return powIntDerivs(a, node.power);
    else if constexpr (op == Op::PowReal)
        return powRealDerivs(a, node.constant);
    else if constexpr (op == Op::Sin) {
        const double s = std::sin(a), c = std::cos(a);
        return {s, c, -s};
    } else if constexpr (op == Op::Cos) {
        const double s = std::sin(a), c = std::cos(a);
        return {c, -s, -c};
    } else if constexpr (op == Op::Tan)
        return tanDerivs(a);
    else if constexpr (op == Op::Exp) {
        const double e = std::exp(a);
        return {e, e, e};
    } else if constexpr (op == Op::Log)
        return logDerivs(a);
    else if constexpr (op == Op::Sqrt)
        return sqrtDerivs(a);
    else if constexpr (op == Op::Abs)
        return absDerivs(a);
    else if constexpr (op == Op::Sinh)
        return sinhDerivs(a);
    else if constexpr (op == Op::Cosh)
        return coshDerivs(a);
    else if constexpr (op == Op::Asinh)
        return asinhDerivs(a);
    else if constexpr (op == Op::Softplus)
        return softplusDerivs(a);
    else if constexpr (op == Op::Sigmoid)
        return sigmoidDerivs(a);
    else {
        static_assert(op == Op::Tanh, "not a unary function");
        return tanhDerivs(a);
    }
}

}  // namespace cl::expr

namespace cl::expr {

/// Calls f(std::integral_constant<Op, op>{}) for the unary function `op`, turning a run-time
/// operation into a compile-time one. Returns false (without calling f) for other operations.
template <class F>
bool visitUnaryFunction(Op op, F&& f)
{
    switch (op) {
        case Op::Square:
            f(std::integral_constant<Op, Op::Square>{});
            return true;
        case Op::PowInt:
            f(std::integral_constant<Op, Op::PowInt>{});
            return true;
        case Op::PowReal:
            f(std::integral_constant<Op, Op::PowReal>{});
            return true;
        case Op::Sin:
            f(std::integral_constant<Op, Op::Sin>{});
            return true;
        case Op::Cos:
            f(std::integral_constant<Op, Op::Cos>{});
            return true;
        case Op::Tan:
            f(std::integral_constant<Op, Op::Tan>{});
            return true;
        case Op::Exp:
            f(std::integral_constant<Op, Op::Exp>{});
            return true;
        case Op::Log:
            f(std::integral_constant<Op, Op::Log>{});
            return true;
        case Op::Sqrt:
            f(std::integral_constant<Op, Op::Sqrt>{});
            return true;
        case Op::Abs:
            f(std::integral_constant<Op, Op::Abs>{});
            return true;
        case Op::Tanh:
            f(std::integral_constant<Op, Op::Tanh>{});
            return true;
        case Op::Sinh:
            f(std::integral_constant<Op, Op::Sinh>{});
            return true;
        case Op::Cosh:
            f(std::integral_constant<Op, Op::Cosh>{});
            return true;
        case Op::Asinh:
            f(std::integral_constant<Op, Op::Asinh>{});
            return true;
        case Op::Softplus:
            f(std::integral_constant<Op, Op::Softplus>{});
            return true;
        case Op::Sigmoid:
            f(std::integral_constant<Op, Op::Sigmoid>{});
            return true;
        default:
            return false;
    }
}

}  // namespace cl::expr
