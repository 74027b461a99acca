#pragma once
// Implementation detail of Expression: evaluating a tape at one point, node by node.

#include "core/expr/PlanarJet.h"
#include "core/expr/Tape.h"

namespace cl::expr {

/// A dense jet as stored per node; components that are structurally zero hold 0. No default
/// member initialisers: per-point scratch arrays of these are left uninitialised on purpose.
struct Jet6 {
    double v, dx, dy, dxx, dxy, dyy;
};

/// Writes slots[index], the jet of node `index`, from the jets of earlier nodes in slots[].
/// Operands are read with the sparsity of their Dependence, exactly as the row evaluator reads them.
void evaluateNodeJet(const Tape& tape, int index, Jet6* slots, double x, double y);

/// Value of `node` whose operands have the values a and b (b unused for unary nodes); the same
/// arithmetic as the value component of evaluateNodeJet. Used for constant folding.
double evaluateNodeValue(const TapeNode& node, double a, double b, double x, double y);

/// Value and jet of the whole tape, with the final rule that a non-finite value poisons
/// every derivative.
double evaluateValue(const Tape& tape, double x, double y);
PlanarJet evaluateJet(const Tape& tape, double x, double y);

}  // namespace cl::expr
