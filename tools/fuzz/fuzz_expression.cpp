// The expression parser, and for what parses the scalar and row evaluators on a few points:
// ExpressionError or a value (NaN allowed); never a crash, sanitizer report or hang.

#include "core/expr/Expression.h"
#include "core/expr/ExpressionError.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 4096) return 0;  // long inputs only slow the search; length limits are tested elsewhere
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const cl::Expression e = cl::Expression::parse(text);
        const std::vector<double> xs = {-2.0, -0.5, 0.0, 1e-300, 0.75, 3.0};
        auto evaluator = e.rowEvaluator(xs);
        std::vector<double> store(6 * xs.size());
        const std::size_t n = xs.size();
        const cl::PlanarJetRow row{&store[0], &store[n], &store[2 * n], &store[3 * n], &store[4 * n], &store[5 * n]};
        for (double y : {-1.0, 0.0, 2.5}) {
            evaluator->evaluateRow(y, row);
            for (std::size_t i = 0; i < n; ++i) {
                const double scalar = e.value(xs[i], y);
                // The row path equals the scalar path (NaN for NaN).
                if (!(std::isnan(scalar) ? std::isnan(store[i]) : store[i] == scalar)) __builtin_trap();
            }
        }
    } catch (const cl::ExpressionError&) {
    }
    return 0;
}
