#pragma once
// Implementation detail of Expression: builds a Tape while the parser reads the text, folding
// constants, sharing repeated subexpressions and specialising powers as it goes.

#include "core/expr/Tape.h"

#include <map>
#include <tuple>

namespace cl::expr {

class TapeBuilder {
public:
    int constant(double value);
    int variableX();
    int variableY();
    /// Neg or a unary function (Sin … Tanh, Square).
    int unary(Op op, int a);
    /// Add, Sub, Mul or Div.
    int binary(Op op, int a, int b);
    /// base ^ exponent: a constant integer exponent uses exact integer powers (0 gives 1, 1 the
    /// base, 2 Square), another constant exponent PowReal, a variable one exp(exponent log base).
    int power(int base, int exponent);

    /// The tape computing node `root`, with nodes it does not need removed.
    Tape finish(int root) const;

private:
    int add(TapeNode node);

    std::vector<TapeNode> nodes_;
    // Structural key of every node made so far, so that an identical node is made once.
    using Key = std::tuple<Op, int, int, unsigned long long, int>;
    std::map<Key, int> index_;
};

}  // namespace cl::expr
