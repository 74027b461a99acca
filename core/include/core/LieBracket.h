#pragma once
// The Lie bracket of two gradient fields and the criterion P (science page; paper eq. 6, and
// eq. 8 with the sign of eq. 6 — the paper's printed eq. 8 has the opposite sign).

#include "core/Loss.h"

#include <cstdint>

namespace cl {

/// R(X, Y)(θ) = H_Y g_X − H_X g_Y, through two Hessian-vector products.
Vector lieBracket(const Loss& x, const Loss& y, const Vector& theta);

/// P(X, Y; Z)(θ) = <R(X, Y)(θ), ∇Z(θ)>.
double criterionP(const Loss& x, const Loss& y, const Loss& z, const Vector& theta);

/// Where reordering some pair of domains helps or hurts every domain (paper Figure 1).
enum class Region : std::int8_t { Purple = -1, Neutral = 0, Green = 1, Undefined = 2 };

/// Green where <R, g_k> > 0 for every domain gradient g_k, purple where all are < 0, neutral
/// otherwise; Undefined where any input is not finite. For two domains this is Figure 1's rule.
Region classifyRegion(const Vector& bracket, const std::vector<Vector>& domainGradients);

/// The 2-D, two-domain case of classifyRegion on plain numbers (the field sampler's hot path).
Region classifyRegion2(double rx, double ry, double g1x, double g1y, double g2x, double g2y);

const char* regionName(Region region);

}  // namespace cl
