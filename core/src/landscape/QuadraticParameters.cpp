#include "core/landscape/QuadraticParameters.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace cl {

namespace {

/// Six significant digits: what a slider can set, and readable in the edit.
std::string number(double v)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.6g", v);
    return buffer;
}

// "(x - c)" with the sign folded in, so the text reads naturally: (x-1.5), (x+2), x.
std::string shifted(const char* variable, double centre)
{
    if (centre == 0) return variable;
    return std::string("(") + variable + (centre > 0 ? "-" : "+") + number(std::abs(centre)) + ")";
}

}  // namespace

std::string quadraticExpression(const QuadraticParameters& p)
{
    if (!(p.lambda1 > 0) || !(p.lambda2 > 0) || !std::isfinite(p.lambda1) || !std::isfinite(p.lambda2))
        throw std::invalid_argument("quadratic: curvatures must be positive and finite");
    if (!std::isfinite(p.angleDegrees) || !std::isfinite(p.centreX) || !std::isfinite(p.centreY))
        throw std::invalid_argument("quadratic: angle and centre must be finite");
    const double a = p.angleDegrees * M_PI / 180.0;
    const double c = std::cos(a), s = std::sin(a);
    // A = R diag(λ) Rᵀ with R the rotation by the angle: the first axis points along (c, s).
    const double axx = p.lambda1 * c * c + p.lambda2 * s * s;
    const double axy = (p.lambda1 - p.lambda2) * c * s;
    const double ayy = p.lambda1 * s * s + p.lambda2 * c * c;
    // Rounding left by cos and sin (cos 90° = 6e-17) is not a coefficient: terms below 1e-9 of
    // the larger curvature are dropped, not written as -9.78e-17*(x-1)*(y-2).
    const double negligible = 1e-9 * std::max(p.lambda1, p.lambda2);
    const double cx = std::abs(p.centreX) < 1e-12 ? 0 : p.centreX, cy = std::abs(p.centreY) < 1e-12 ? 0 : p.centreY;
    const std::string dx = shifted("x", cx), dy = shifted("y", cy);
    std::string sum;
    auto term = [&](double coefficient, const std::string& factors) {
        if (std::abs(coefficient) < negligible) return;
        const std::string c = number(coefficient);
        if (sum.empty())
            sum = c + "*" + factors;
        else
            sum += (c[0] == '-' ? " - " + c.substr(1) : " + " + c) + "*" + factors;
    };
    term(axx, dx + "^2");
    term(2 * axy, dx + "*" + dy);
    term(ayy, dy + "^2");
    return "0.5*(" + sum + ")";
}

}  // namespace cl
