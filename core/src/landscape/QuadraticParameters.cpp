#include "core/landscape/QuadraticParameters.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace cl {

namespace {

std::string number(double v)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
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
    const std::string dx = shifted("x", p.centreX), dy = shifted("y", p.centreY);
    return "0.5*(" + number(axx) + "*" + dx + "^2 + " + number(2 * axy) + "*" + dx + "*" + dy + " + " + number(ayy) +
           "*" + dy + "^2)";
}

}  // namespace cl
