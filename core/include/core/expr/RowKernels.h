#pragma once
// Implementation detail of TapeRowEvaluator: one loop per (operation, operand kinds, output
// kind), generated from the shared rules in JetAlgebra.h. Operands are viewed with their
// structural sparsity, so e.g. a product of an x-only and a y-only node costs 6 multiplications
// and 2 additions per point instead of the 20 operations of a dense second-order product.

#include "core/expr/BinaryFunctions.h"
#include "core/expr/ElementaryFunctions.h"
#include "core/expr/JetAlgebra.h"
#include "core/expr/TapeRowEvaluator.h"

#include <type_traits>

namespace cl::expr::rowkernels {

using Operand = TapeRowEvaluator::Operand;
using Step = TapeRowEvaluator::Step;
using Kernel = TapeRowEvaluator::Kernel;

struct ConstView {
    double c;
    static ConstView make(const Operand& o, std::size_t) { return {o.constant}; }
    ConstantJet at(std::size_t) const { return {c, {}, {}, {}, {}, {}}; }
};

/// x-only arrays cover every abscissa, so they are read at the chunk's offset.
struct XView {
    const double *v, *dx, *dxx;
    static XView make(const Operand& o, std::size_t start)
    {
        return {o.component[0] + start, o.component[1] + start, o.component[3] + start};
    }
    XJet at(std::size_t i) const { return {v[i], dx[i], {}, dxx[i], {}, {}}; }
};

struct YView {
    double v, dy, dyy;
    static YView make(const Operand& o, std::size_t) { return {o.yJet->v, o.yJet->dy, o.yJet->dyy}; }
    YJet at(std::size_t) const { return {v, {}, dy, {}, {}, dyy}; }
};

/// XY buffers hold the current chunk only.
struct FullView {
    const double *v, *dx, *dy, *dxx, *dxy, *dyy;
    static FullView make(const Operand& o, std::size_t)
    {
        return {o.component[0], o.component[1], o.component[2], o.component[3], o.component[4], o.component[5]};
    }
    FullJet at(std::size_t i) const { return {v[i], dx[i], dy[i], dxx[i], dxy[i], dyy[i]}; }
};

/// A lazily computed node is presented exactly as the scalar path stores it: dense, with its
/// structural zeros as 0.0 (so both paths do the same arithmetic on it).
template <class J>
FullJet dense(const J& j)
{
    return {asDouble(j.v), asDouble(j.dx), asDouble(j.dy), asDouble(j.dxx), asDouble(j.dxy), asDouble(j.dyy)};
}

/// ±(x-only node) ± (y-only node). Multiplying by ±1 is exact, and a + (-b) is a - b bit for bit.
struct SumView {
    const double *v, *dx, *dxx;
    double xSign;
    YJet y;
    static SumView make(const Operand& o, std::size_t start)
    {
        const Jet6& j = *o.yJet;
        const double s = o.ySign;
        return {o.component[0] + start, o.component[1] + start, o.component[3] + start, o.xSign,
                YJet{s * j.v, {}, s * j.dy, {}, {}, s * j.dyy}};
    }
    FullJet at(std::size_t i) const
    {
        return dense(AddRule::apply(XJet{xSign * v[i], xSign * dx[i], {}, xSign * dxx[i], {}, {}}, y));
    }
};

/// (x-only node) * (y-only node); the product rule is symmetric bit for bit in this case.
struct ProductView {
    const double *v, *dx, *dxx;
    YJet y;
    static ProductView make(const Operand& o, std::size_t start)
    {
        const Jet6& j = *o.yJet;
        return {o.component[0] + start, o.component[1] + start, o.component[3] + start, YJet{j.v, {}, j.dy, {}, {}, j.dyy}};
    }
    FullJet at(std::size_t i) const { return dense(MulRule::apply(XJet{v[i], dx[i], {}, dxx[i], {}, {}}, y)); }
};

inline void put(double* p, std::size_t i, double value) { p[i] = value; }
inline void put(double* p, std::size_t i, Zero) { p[i] = 0.0; }

// Outputs never overlap operands (each node has its own buffers). GCC loses restrict when it
// inlines, and a chunk loop has up to 18 operand/output pairs, more than it will check at run
// time, so the loops say so with ivdep; without it they stay scalar (about 3x slower).
#if defined(__GNUC__) && !defined(__clang__)
#define CL_EXPR_IVDEP _Pragma("GCC ivdep")
#else
#define CL_EXPR_IVDEP
#endif

/// Writes all six components of an XY node's chunk.
struct FullOut {
    template <class F>
    static void store(const Step& s, std::size_t, std::size_t n, F&& jetAt)
    {
        store(n, s.out[0], s.out[1], s.out[2], s.out[3], s.out[4], s.out[5], jetAt);
    }
    template <class F>
    static void store(std::size_t n, double* __restrict v, double* __restrict dx, double* __restrict dy,
                      double* __restrict dxx, double* __restrict dxy, double* __restrict dyy, F& jetAt)
    {
        CL_EXPR_IVDEP for (std::size_t i = 0; i < n; ++i) {
            const auto j = jetAt(i);
            put(v, i, j.v), put(dx, i, j.dx), put(dy, i, j.dy);
            put(dxx, i, j.dxx), put(dxy, i, j.dxy), put(dyy, i, j.dyy);
        }
    }
};

/// Writes the result node's chunk straight into the caller's row at `start`, with non-finite
/// values poisoning their derivatives (saves a copy pass over six arrays per point).
struct FinalOut {
    template <class F>
    static void store(const Step& s, std::size_t start, std::size_t n, F&& jetAt)
    {
        store(n, s.out[0] + start, s.out[1] + start, s.out[2] + start, s.out[3] + start, s.out[4] + start,
              s.out[5] + start, jetAt);
    }
    template <class F>
    static void store(std::size_t n, double* __restrict v, double* __restrict dx, double* __restrict dy,
                      double* __restrict dxx, double* __restrict dxy, double* __restrict dyy, F& jetAt)
    {
        CL_EXPR_IVDEP for (std::size_t i = 0; i < n; ++i) {
            const auto j = jetAt(i);
            const double value = j.v;
            v[i] = value;
            dx[i] = poisoned(asDouble(j.dx), value), dy[i] = poisoned(asDouble(j.dy), value);
            dxx[i] = poisoned(asDouble(j.dxx), value), dxy[i] = poisoned(asDouble(j.dxy), value);
            dyy[i] = poisoned(asDouble(j.dyy), value);
        }
    }
};

/// Writes an x-only node's value, d/dx and d2/dx2 over all abscissae.
struct XOut {
    template <class F>
    static void store(const Step& s, std::size_t, std::size_t n, F&& jetAt)
    {
        store(n, s.out[0], s.out[1], s.out[3], jetAt);
    }
    template <class F>
    static void store(std::size_t n, double* __restrict v, double* __restrict dx, double* __restrict dxx, F& jetAt)
    {
        CL_EXPR_IVDEP for (std::size_t i = 0; i < n; ++i) {
            const auto j = jetAt(i);
            using J = std::decay_t<decltype(j)>;
            static_assert(std::is_same_v<decltype(J::dy), Zero> && std::is_same_v<decltype(J::dxy), Zero>
                          && std::is_same_v<decltype(J::dyy), Zero>, "an x-only node has no y derivatives");
            put(v, i, j.v), put(dx, i, j.dx), put(dxx, i, j.dxx);
        }
    }
};

template <class Out, class Rule, class VA, class VB>
void binaryKernel(const Step& s, std::size_t start, std::size_t n)
{
    const VA a = VA::make(s.a, start);
    const VB b = VB::make(s.b, start);
    Out::store(s, start, n, [&](std::size_t i) { return Rule::apply(a.at(i), b.at(i)); });
}

template <class Out, class VA>
void negKernel(const Step& s, std::size_t start, std::size_t n)
{
    const VA a = VA::make(s.a, start);
    Out::store(s, start, n, [&](std::size_t i) { return NegRule::apply(a.at(i)); });
}

/// f, f', f'' first (a loop of library calls for sin, log…), then the chain rule, which
/// vectorises, in a second loop. log and exp keep only the library call in the first loop;
/// square and abs need no library and take one loop.
template <class Out, Op op, class VA>
void unaryKernel(const Step& s, std::size_t start, std::size_t n)
{
    const VA a = VA::make(s.a, start);
    double* __restrict f0 = s.scratch;
    if constexpr (op == Op::Square || op == Op::Abs) {
        Out::store(s, start, n, [&](std::size_t i) {
            const auto ai = a.at(i);
            return chain(derivsOf<op>(ai.v, *s.node), ai);
        });
    } else if constexpr (op == Op::Log) {
        CL_EXPR_IVDEP for (std::size_t i = 0; i < n; ++i) f0[i] = logValue(a.at(i).v);
        Out::store(s, start, n, [&](std::size_t i) {
            const auto ai = a.at(i);
            return chain(logDerivsFrom(ai.v, f0[i]), ai);
        });
    } else if constexpr (op == Op::Exp) {
        CL_EXPR_IVDEP for (std::size_t i = 0; i < n; ++i) f0[i] = derivsOf<op>(a.at(i).v, *s.node).f0;
        Out::store(s, start, n, [&](std::size_t i) { return chain(Derivs{f0[i], f0[i], f0[i]}, a.at(i)); });
    } else {
        double* __restrict f1 = s.scratch + s.capacity;
        double* __restrict f2 = s.scratch + 2 * s.capacity;
        const TapeNode& node = *s.node;
        CL_EXPR_IVDEP for (std::size_t i = 0; i < n; ++i) {
            const Derivs d = derivsOf<op>(a.at(i).v, node);
            f0[i] = d.f0, f1[i] = d.f1, f2[i] = d.f2;
        }
        Out::store(s, start, n, [&](std::size_t i) { return chain(Derivs{f0[i], f1[i], f2[i]}, a.at(i)); });
    }
}

/// Calls pick(View{}) with the view that reads an operand of this kind. x-only steps only ever
/// see constant and x-only operands.
template <class Out, class Pick>
Kernel withView(TapeRowEvaluator::Kind kind, Pick&& pick)
{
    using Kind = TapeRowEvaluator::Kind;
    switch (kind) {
    case Kind::Constant: return pick(ConstView{});
    case Kind::X: return pick(XView{});
    default: break;
    }
    if constexpr (!std::is_same_v<Out, XOut>) {
        switch (kind) {
        case Kind::Y: return pick(YView{});
        case Kind::Full: return pick(FullView{});
        case Kind::Sum: return pick(SumView{});
        case Kind::Product: return pick(ProductView{});
        default: break;
        }
    }
    return nullptr;
}

template <class Out>
Kernel pickKernel(const TapeNode& node, TapeRowEvaluator::Kind a, TapeRowEvaluator::Kind b)
{
    const auto binary = [&](auto rule) {
        using Rule = decltype(rule);
        return withView<Out>(a, [&](auto va) {
            return withView<Out>(b, [&](auto vb) { return &binaryKernel<Out, Rule, decltype(va), decltype(vb)>; });
        });
    };
    switch (node.op) {
    case Op::Add: return binary(AddRule{});
    case Op::Sub: return binary(SubRule{});
    case Op::Mul: return binary(MulRule{});
    case Op::Div: return binary(DivRule{});
    case Op::Min: return binary(MinRule{});
    case Op::Max: return binary(MaxRule{});
    case Op::Atan2: return binary(Atan2Rule{});
    case Op::Neg: return withView<Out>(a, [](auto va) { return &negKernel<Out, decltype(va)>; });
    default: break;
    }
    Kernel kernel = nullptr;
    visitUnaryFunction(node.op, [&](auto op) {
        kernel = withView<Out>(a, [](auto va) { return &unaryKernel<Out, decltype(op)::value, decltype(va)>; });
    });
    return kernel;
}

}  // namespace cl::expr::rowkernels
