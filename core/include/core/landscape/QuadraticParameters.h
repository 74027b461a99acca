#pragma once
// A 2-D quadratic loss described the way a person edits it — two curvatures, a rotation and a
// centre — and written as an expression, so sliders and typed text share one loss type.

#include <string>

namespace cl {

struct QuadraticParameters {
    double lambda1 = 1.0;  // curvature along the rotated first axis (eigenvalue of A), > 0
    double lambda2 = 0.2;  // curvature along the rotated second axis, > 0
    double angleDegrees = 0;
    double centreX = 0, centreY = 0;
};

/// ½ (θ−c)ᵀ A (θ−c) with A = Rᵀ diag(λ1, λ2) R, as expression text in x and y: coefficients
/// rounded to 6 significant digits (the loss drawn is the text's, so text and picture agree),
/// terms below 1e-9 of the larger curvature left out (no -9.78e-17*(x-1) after cos 90°).
/// Throws std::invalid_argument for a non-positive or non-finite curvature.
std::string quadraticExpression(const QuadraticParameters& p);

}  // namespace cl
