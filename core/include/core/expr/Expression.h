#pragma once
// A loss typed as text, e.g. "0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y", compiled once and then
// evaluated with exact first and second derivatives (forward-mode second-order jets).
//
// Syntax: x, y; numbers (2, .5, 1e-3, 2.5E+2); pi, e; + - * / ^ with the usual precedence,
// ^ right-associative and binding tighter than unary minus (-x^2 = -(x^2), 2^3^2 = 2^9);
// ** as a synonym of ^; unary minus and plus; parentheses; sin cos tan exp log sqrt abs tanh sinh
// cosh asinh softplus sigmoid with one argument and min max atan2 with two, in parentheses.
// Implicit multiplication ("2x") is an error.
//
// Domain: outside it the value is NaN, never an exception: log(a) for a <= 0, division by
// exactly 0, sqrt of a negative number, a^b for non-integer or non-constant b with a <= 0.
// Integer constant exponents use exact integer powers (fine for negative bases; a^0 = 1 for
// every a, as std::pow). Where the value is NaN or infinite every derivative is NaN. sqrt at 0
// has value 0 and NaN derivatives (they are infinite); abs at 0 has derivatives 0. min and max
// where both arguments are equal take the average of their derivatives (so max(x, -x) = abs(x)
// agrees at 0); atan2(a, b) is NaN at a = b = 0 (core/expr/BinaryFunctions.h says why).

#include "core/Loss.h"
#include "core/expr/PlanarJet.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cl {

namespace expr {
struct Tape;
}

/// Immutable; copies share the compiled form, and one Expression may be used from many threads.
class Expression {
public:
    /// Throws ExpressionError (what and 1-based column) for text that is not an expression.
    static Expression parse(const std::string& text);
    /// As parse, where the names in `named` (e.g. {"L1", "<L1's text>"}) stand for those
    /// expressions: a target "0.7*L1 + 0.3*L2" or "max(L1, L2)" with exact derivatives.
    static Expression parse(const std::string& text, const std::vector<std::pair<std::string, std::string>>& named);

    const std::string& text() const { return text_; }
    bool dependsOnX() const;
    bool dependsOnY() const;

    double value(double x, double y) const;
    PlanarJet jet(double x, double y) const;
    /// Fast evaluation along rows at fixed abscissae (one evaluator per thread).
    std::unique_ptr<PlanarRowEvaluator> rowEvaluator(std::vector<double> xs) const;
    /// Bytes rowEvaluator allocates for `width` abscissae; bounded by the tape length, not the
    /// width, once the x-only arrays would be large (TapeRowEvaluator's block mode).
    std::size_t rowEvaluatorBytes(std::size_t width) const;

private:
    Expression(std::string text, std::shared_ptr<const expr::Tape> tape);

    std::string text_;
    std::shared_ptr<const expr::Tape> tape_;
};

}  // namespace cl
