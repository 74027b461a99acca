#include "core/LieBracket.h"

#include <cmath>
#include <stdexcept>

namespace cl {

Vector lieBracket(const Loss& x, const Loss& y, const Vector& theta)
{
    // R(X, Y) = H_Y g_X − H_X g_Y (science page; paper eq. 6).
    const Vector gx = x.gradient(theta);
    const Vector gy = y.gradient(theta);
    return y.hessianVectorProduct(theta, gx) - x.hessianVectorProduct(theta, gy);
}

double criterionP(const Loss& x, const Loss& y, const Loss& z, const Vector& theta)
{
    // P(X, Y; Z) = <R(X, Y), ∇Z>: the sign of eq. 6, not the printed eq. 8.
    return lieBracket(x, y, theta).dot(z.gradient(theta));
}

Region classifyRegion(const Vector& bracket, const std::vector<Vector>& domainGradients)
{
    if (domainGradients.empty()) throw std::invalid_argument("classifyRegion: needs at least one domain gradient");
    if (!bracket.allFinite()) return Region::Undefined;
    bool allPositive = true, allNegative = true;
    for (const Vector& g : domainGradients) {
        if (g.size() != bracket.size())
            throw std::invalid_argument("classifyRegion: gradient and bracket dimensions differ");
        if (!g.allFinite()) return Region::Undefined;
        const double d = bracket.dot(g);
        allPositive = allPositive && d > 0;
        allNegative = allNegative && d < 0;
    }
    return allPositive ? Region::Green : allNegative ? Region::Purple : Region::Neutral;
}

Region classifyRegion2(double rx, double ry, double g1x, double g1y, double g2x, double g2y)
{
    const double d1 = rx * g1x + ry * g1y;
    const double d2 = rx * g2x + ry * g2y;
    // A NaN anywhere in the inputs makes d1 or d2 NaN.
    if (!std::isfinite(d1) || !std::isfinite(d2)) return Region::Undefined;
    if (d1 > 0 && d2 > 0) return Region::Green;
    if (d1 < 0 && d2 < 0) return Region::Purple;
    return Region::Neutral;
}

const char* regionName(Region region)
{
    switch (region) {
    case Region::Green: return "green";
    case Region::Purple: return "purple";
    case Region::Neutral: return "neutral";
    case Region::Undefined: return "undefined";
    }
    return "undefined";
}

}  // namespace cl
