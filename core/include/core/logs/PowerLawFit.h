#pragma once
// A straight line fitted in log-log space: log10 y = slope * log10 x + intercept. The bracket-vs-
// gradient RMS view (issue 12) uses it for the CelebA note's observation that per-tensor bracket
// RMS grows as a power of the gradient RMS (../shared/paper/training-example-lie-bracket.md).

#include <cstddef>
#include <vector>

namespace cl::logs {

struct PowerLawFit {
    double slope = 0;        // the exponent: y ~ x^slope
    double intercept = 0;    // log10 y at x = 1
    double rSquared = 0;     // of the fit in log space; NaN when every log10 y is equal
    std::size_t points = 0;  // pairs used (both coordinates finite and > 0)

    /// At least two points with different x: the slope is defined.
    bool valid() const { return points >= 2 && slope == slope; }
    /// The fitted y at x (on the power law, not in log space).
    double at(double x) const;
};

/// Ordinary least squares of log10 ys[i] on log10 xs[i] over the pairs where both are finite and
/// positive (others are left out: a zero RMS has no logarithm). Slope NaN below two usable points
/// or when every usable x is equal.
PowerLawFit fitPowerLaw(const std::vector<double>& xs, const std::vector<double>& ys);

}  // namespace cl::logs
