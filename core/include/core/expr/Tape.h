#pragma once
// Implementation detail of Expression: the compiled, flat form of an expression.
// Nodes are in evaluation order (operands before their users); the last node is the result.

#include <cstdint>
#include <vector>

namespace cl::expr {

enum class Op : std::uint8_t {
    Constant, X, Y,
    Add, Sub, Mul, Div,
    Neg, Square, PowInt, PowReal,
    Sin, Cos, Tan, Exp, Log, Sqrt, Abs, Tanh,
    Sinh, Cosh, Asinh, Softplus, Sigmoid,  // unary, see ElementaryFunctions.h
    Min, Max, Atan2,                       // binary functions, see BinaryFunctions.h
};

/// Which variables a node depends on, as a bit set. The row evaluator uses it to evaluate each
/// node as rarely as possible: constants never, x-only nodes once per abscissa, y-only nodes
/// once per row and only XY nodes per point.
enum class Dependence : std::uint8_t { None = 0, X = 1, Y = 2, XY = 3 };

inline Dependence operator|(Dependence a, Dependence b)
{
    return static_cast<Dependence>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}

struct TapeNode {
    Op op = Op::Constant;
    Dependence dependence = Dependence::None;
    int a = -1, b = -1;    // operand node indices (-1: none)
    double constant = 0;   // value of a Constant, exponent of a PowReal
    int power = 0;         // exponent of a PowInt (never 0, 1 or 2: those are folded or Square)
};

struct Tape {
    std::vector<TapeNode> nodes;

    const TapeNode& root() const { return nodes.back(); }
    Dependence dependenceOf(int index) const { return nodes[static_cast<std::size_t>(index)].dependence; }
};

}  // namespace cl::expr
