#pragma once
// Implementation detail of Expression: evaluating a tape at one point, node by node.

#include "core/expr/PlanarJet.h"
#include "core/expr/Tape.h"

namespace cl::expr {

/// A dense jet as stored per node; components that are structurally zero hold 0.
struct Jet6 {
    double v = 0, dx = 0, dy = 0, dxx = 0, dxy = 0, dyy = 0;
};

/// Jet of node `index`, given the jets of earlier nodes in slots[]. Operands are read with the
/// sparsity of their Dependence, exactly as the row evaluator reads them.
Jet6 evaluateNodeJet(const Tape& tape, int index, const Jet6* slots, double x, double y);

/// Value of `node` whose operands have the values a and b (b unused for unary nodes); the same
/// arithmetic as the value component of evaluateNodeJet. Used for constant folding.
double evaluateNodeValue(const TapeNode& node, double a, double b, double x, double y);

/// Value and jet of the whole tape, with the final rule that a non-finite value poisons
/// every derivative.
double evaluateValue(const Tape& tape, double x, double y);
PlanarJet evaluateJet(const Tape& tape, double x, double y);

}  // namespace cl::expr
