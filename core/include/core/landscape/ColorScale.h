#pragma once
// How the P map turns values into colours: the colour limit (automatic and robust to poles, or
// set by hand) and a linear or symmetric-log scale. Computed here so that the window, the
// exported figures and the colour bar agree.

#include "core/FieldGrid.h"

#include <string>
#include <vector>

namespace cl {

struct ColorScaleSpec {
    enum class Limits { Robust, Manual } limits = Limits::Robust;
    double manualLimit = 1;  // used when limits == Manual (> 0)
    bool symLog = false;     // sign(v) log(1 + |v|/c) instead of v
};

struct ColorScale {
    double limit = 1;        // the scale spans [−limit, limit]; larger |v| are clipped
    double linearWidth = 0;  // symmetric log: c, the width of the near-linear part around 0
    bool symLog = false;
    bool clipped = false;     // some finite |v| exceed the limit
    std::string description;  // what is in use, for the colour bar ("robust 99th pct of |P|", …)

    /// Position of v on the colour bar, in [−1, 1] (clamped); NaN for a non-finite v.
    double position(double v) const;
    /// The inverse of position (for tick labels).
    double valueAt(double position) const;
    /// Symmetric log: ticks at 0 and ±c·10^k inside [−limit, limit] (empty on a linear scale,
    /// whose ticks are the axes' 1-2-5 steps).
    std::vector<double> symLogTicks() const;
};

/// The robust automatic limit: the 99th percentile of |v| over the cells that are finite and at
/// least `erosion` cells (in either direction) from any undefined cell, after dropping outliers
/// above a robust bound on log|v| (median + 3 · 1.4826 · MAD, at least 30 times the median):
/// a pole (1/x, log x at 0) then sets neither the limit nor the percentile. 0 when no value remains.
double robustAbsLimit(const GridSpec& spec, const std::vector<double>& values, int erosion = 3);

/// The scale for the given values: Robust takes robustAbsLimit (symlog: the largest finite |v|,
/// so nothing is clipped, with c the robust limit / 10), Manual the given limit.
ColorScale colorScaleFor(const GridSpec& spec, const std::vector<double>& values, const ColorScaleSpec& wanted);

}  // namespace cl
