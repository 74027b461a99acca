#pragma once
// Value and exact first and second derivatives of a function of (x, y) at one point.

namespace cl {

/// A second-order jet. Where the function is undefined the value is NaN, and then every
/// derivative is NaN too; a derivative alone can be NaN where it does not exist (sqrt at 0).
struct PlanarJet {
    double value = 0;
    double dx = 0, dy = 0;
    double dxx = 0, dxy = 0, dyy = 0;
};

}  // namespace cl
