// Scalar evaluation of a tape. Operands are viewed with the sparsity their Dependence implies
// (ConstantJet, XJet, YJet or FullJet), which is what makes this path agree bit for bit with
// the row evaluator, including at points where a derivative is NaN.

#include "core/expr/TapeScalarEvaluation.h"

#include "core/expr/BinaryFunctions.h"
#include "core/expr/ElementaryFunctions.h"
#include "core/expr/JetAlgebra.h"

#include <array>
#include <vector>

namespace cl::expr {
namespace {

template <class F>
void withView(const Jet6& s, Dependence dependence, F&& f)
{
    switch (dependence) {
    case Dependence::None: f(ConstantJet{s.v, {}, {}, {}, {}, {}}); break;
    case Dependence::X: f(XJet{s.v, s.dx, {}, s.dxx, {}, {}}); break;
    case Dependence::Y: f(YJet{s.v, {}, s.dy, {}, {}, s.dyy}); break;
    case Dependence::XY: f(FullJet{s.v, s.dx, s.dy, s.dxx, s.dxy, s.dyy}); break;
    }
}

/// Field by field, so that the next node's 8-byte loads forward from these 8-byte stores
/// (copying whole Jet6 structs defeated store forwarding and tripled the cost per node).
template <class J>
void assign(Jet6& out, const J& j)
{
    out.v = asDouble(j.v), out.dx = asDouble(j.dx), out.dy = asDouble(j.dy);
    out.dxx = asDouble(j.dxx), out.dxy = asDouble(j.dxy), out.dyy = asDouble(j.dyy);
}

template <class Rule>
void binaryJet(const Tape& tape, const TapeNode& node, Jet6* slots, Jet6& out)
{
    withView(slots[node.a], tape.dependenceOf(node.a), [&](const auto& a) {
        withView(slots[node.b], tape.dependenceOf(node.b), [&](const auto& b) { assign(out, Rule::apply(a, b)); });
    });
}

template <class Rule>
double binaryValue(double a, double b)
{
    return Rule::apply(ConstantJet{a, {}, {}, {}, {}, {}}, ConstantJet{b, {}, {}, {}, {}, {}}).v;
}

}  // namespace

void evaluateNodeJet(const Tape& tape, int index, Jet6* slots, double x, double y)
{
    const TapeNode& node = tape.nodes[static_cast<std::size_t>(index)];
    Jet6& out = slots[index];
    switch (node.op) {
    case Op::Constant: out = {node.constant, 0, 0, 0, 0, 0}; return;
    case Op::X: out = {x, 1, 0, 0, 0, 0}; return;
    case Op::Y: out = {y, 0, 1, 0, 0, 0}; return;
    case Op::Add: binaryJet<AddRule>(tape, node, slots, out); return;
    case Op::Sub: binaryJet<SubRule>(tape, node, slots, out); return;
    case Op::Mul: binaryJet<MulRule>(tape, node, slots, out); return;
    case Op::Div: binaryJet<DivRule>(tape, node, slots, out); return;
    case Op::Min: binaryJet<MinRule>(tape, node, slots, out); return;
    case Op::Max: binaryJet<MaxRule>(tape, node, slots, out); return;
    case Op::Atan2: binaryJet<Atan2Rule>(tape, node, slots, out); return;
    case Op::Neg:
        withView(slots[node.a], tape.dependenceOf(node.a), [&](const auto& a) { assign(out, NegRule::apply(a)); });
        return;
    default: break;
    }
    const bool known = visitUnaryFunction(node.op, [&](auto op) {
        const Derivs f = derivsOf<decltype(op)::value>(slots[node.a].v, node);
        withView(slots[node.a], tape.dependenceOf(node.a), [&](const auto& a) { assign(out, chain(f, a)); });
    });
    if (!known) out = {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
}

double evaluateNodeValue(const TapeNode& node, double a, double b, double x, double y)
{
    switch (node.op) {
    case Op::Constant: return node.constant;
    case Op::X: return x;
    case Op::Y: return y;
    case Op::Add: return binaryValue<AddRule>(a, b);
    case Op::Sub: return binaryValue<SubRule>(a, b);
    case Op::Mul: return binaryValue<MulRule>(a, b);
    case Op::Div: return binaryValue<DivRule>(a, b);
    case Op::Min: return extremumDerivs(a, b, false).f;
    case Op::Max: return extremumDerivs(a, b, true).f;
    case Op::Atan2: return atan2Derivs(a, b).f;
    case Op::Neg: return -a;
    default: break;
    }
    double result = kNaN;
    visitUnaryFunction(node.op, [&](auto op) { result = derivsOf<decltype(op)::value>(a, node).f0; });
    return result;
}

namespace {

// Small tapes (the usual case) keep their per-node storage on the stack.
constexpr std::size_t kStackNodes = 64;

template <class T, class F>
auto withScratch(std::size_t n, F&& f)
{
    if (n <= kStackNodes) {
        std::array<T, kStackNodes> scratch;  // uninitialised: every slot is written before it is read
        return f(scratch.data());
    }
    std::vector<T> scratch(n);
    return f(scratch.data());
}

}  // namespace

double evaluateValue(const Tape& tape, double x, double y)
{
    return withScratch<double>(tape.nodes.size(), [&](double* values) {
        for (std::size_t i = 0; i < tape.nodes.size(); ++i) {
            const TapeNode& node = tape.nodes[i];
            const double a = node.a >= 0 ? values[node.a] : 0.0;
            const double b = node.b >= 0 ? values[node.b] : 0.0;
            values[i] = evaluateNodeValue(node, a, b, x, y);
        }
        return values[tape.nodes.size() - 1];
    });
}

PlanarJet evaluateJet(const Tape& tape, double x, double y)
{
    return withScratch<Jet6>(tape.nodes.size(), [&](Jet6* slots) {
        for (std::size_t i = 0; i < tape.nodes.size(); ++i) evaluateNodeJet(tape, static_cast<int>(i), slots, x, y);
        const Jet6& r = slots[tape.nodes.size() - 1];
        return PlanarJet{r.v, poisoned(r.dx, r.v), poisoned(r.dy, r.v),
                         poisoned(r.dxx, r.v), poisoned(r.dxy, r.v), poisoned(r.dyy, r.v)};
    });
}

}  // namespace cl::expr
