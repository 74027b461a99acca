#include "core/expr/TapeBuilder.h"

#include "core/expr/TapeScalarEvaluation.h"

#include <cmath>
#include <cstring>

namespace cl::expr {
namespace {

unsigned long long bitsOf(double d)
{
    unsigned long long bits;
    static_assert(sizeof bits == sizeof d);
    std::memcpy(&bits, &d, sizeof d);
    return bits;
}

}  // namespace

int TapeBuilder::add(TapeNode node)
{
    node.dependence = Dependence::None;
    if (node.op == Op::X) node.dependence = Dependence::X;
    if (node.op == Op::Y) node.dependence = Dependence::Y;
    if (node.a >= 0) node.dependence = node.dependence | nodes_[static_cast<std::size_t>(node.a)].dependence;
    if (node.b >= 0) node.dependence = node.dependence | nodes_[static_cast<std::size_t>(node.b)].dependence;

    // Constant folding: every operand constant means the node is a constant. Folding uses the
    // same arithmetic as evaluation, so a folded expression has the value it would have had.
    if (node.op != Op::Constant && node.op != Op::X && node.op != Op::Y && node.dependence == Dependence::None) {
        const double a = node.a >= 0 ? nodes_[static_cast<std::size_t>(node.a)].constant : 0.0;
        const double b = node.b >= 0 ? nodes_[static_cast<std::size_t>(node.b)].constant : 0.0;
        TapeNode folded;
        folded.constant = evaluateNodeValue(node, a, b, 0.0, 0.0);
        node = folded;
    }

    const Key key{node.op, node.a, node.b, bitsOf(node.constant), node.power};
    const auto found = index_.find(key);
    if (found != index_.end()) return found->second;
    nodes_.push_back(node);
    const int index = static_cast<int>(nodes_.size()) - 1;
    index_.emplace(key, index);
    return index;
}

int TapeBuilder::constant(double value)
{
    TapeNode node;
    node.constant = value;
    return add(node);
}

int TapeBuilder::variableX()
{
    TapeNode node;
    node.op = Op::X;
    return add(node);
}

int TapeBuilder::variableY()
{
    TapeNode node;
    node.op = Op::Y;
    return add(node);
}

int TapeBuilder::unary(Op op, int a)
{
    TapeNode node;
    node.op = op;
    node.a = a;
    return add(node);
}

int TapeBuilder::binary(Op op, int a, int b)
{
    TapeNode node;
    node.op = op;
    node.a = a;
    node.b = b;
    return add(node);
}

int TapeBuilder::power(int base, int exponent)
{
    const TapeNode& e = nodes_[static_cast<std::size_t>(exponent)];
    if (e.op != Op::Constant)  // a^b = exp(b log a), defined for a > 0 only
        return unary(Op::Exp, binary(Op::Mul, exponent, unary(Op::Log, base)));

    const double c = e.constant;
    constexpr double kLargestIntegerPower = 1 << 30;
    if (c == std::trunc(c) && std::abs(c) <= kLargestIntegerPower) {
        const int n = static_cast<int>(c);
        if (n == 0) return constant(1.0);  // like std::pow: a^0 = 1 for every a
        if (n == 1) return base;
        if (n == 2) return unary(Op::Square, base);
        TapeNode node;
        node.op = Op::PowInt;
        node.a = base;
        node.power = n;
        return add(node);
    }
    TapeNode node;
    node.op = Op::PowReal;
    node.a = base;
    node.constant = c;
    return add(node);
}

Tape TapeBuilder::finish(int root) const
{
    // Keep only what the root needs, in the same (operands-first) order.
    std::vector<char> needed(nodes_.size(), 0);
    needed[static_cast<std::size_t>(root)] = 1;
    for (int i = root; i >= 0; --i) {
        if (!needed[static_cast<std::size_t>(i)]) continue;
        const TapeNode& node = nodes_[static_cast<std::size_t>(i)];
        if (node.a >= 0) needed[static_cast<std::size_t>(node.a)] = 1;
        if (node.b >= 0) needed[static_cast<std::size_t>(node.b)] = 1;
    }
    std::vector<int> renumbered(nodes_.size(), -1);
    Tape tape;
    for (int i = 0; i <= root; ++i) {
        if (!needed[static_cast<std::size_t>(i)]) continue;
        TapeNode node = nodes_[static_cast<std::size_t>(i)];
        if (node.a >= 0) node.a = renumbered[static_cast<std::size_t>(node.a)];
        if (node.b >= 0) node.b = renumbered[static_cast<std::size_t>(node.b)];
        renumbered[static_cast<std::size_t>(i)] = static_cast<int>(tape.nodes.size());
        tape.nodes.push_back(node);
    }
    return tape;
}

}  // namespace cl::expr
