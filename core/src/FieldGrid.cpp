#include "core/FieldGrid.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace cl {

void GridSpec::validate() const
{
    if (n < 2) throw std::invalid_argument("grid: n must be at least 2, got " + std::to_string(n));
    if (n > 8192) throw std::invalid_argument("grid: n must be at most 8192, got " + std::to_string(n));
    if (!std::isfinite(xmin) || !std::isfinite(xmax)) throw std::invalid_argument("grid: x range is not finite");
    if (!std::isfinite(ymin) || !std::isfinite(ymax)) throw std::invalid_argument("grid: y range is not finite");
    if (!(xmax > xmin)) throw std::invalid_argument("grid: xmax must be greater than xmin");
    if (!(ymax > ymin)) throw std::invalid_argument("grid: ymax must be greater than ymin");
    // Finite ends can still have an infinite width (-1e308, 1e308), and x(i) multiplies the
    // width by i before dividing: either overflow would make points NaN or infinite.
    if (!std::isfinite((xmax - xmin) * (n - 1)))
        throw std::invalid_argument("grid: x range is too wide (xmax - xmin overflows)");
    if (!std::isfinite((ymax - ymin) * (n - 1)))
        throw std::invalid_argument("grid: y range is too wide (ymax - ymin overflows)");
}

void FieldGrid::resize(const GridSpec& s)
{
    spec = s;
    const std::size_t size = s.size();
    // resize() keeps the allocation when the size is unchanged: live updates reuse it.
    for (auto* field : {&l1, &l2, &g1x, &g1y, &g2x, &g2y, &rx, &ry, &p}) field->resize(size);
    region.resize(size);
}

FieldSummary summarize(const FieldGrid& grid)
{
    FieldSummary s;
    const std::size_t total = grid.region.size();
    if (total == 0) return s;
    std::size_t green = 0, purple = 0, neutral = 0, undefined = 0, defined = 0;
    double pMin = std::numeric_limits<double>::infinity(), pMax = -pMin, pSum = 0;
    for (std::size_t k = 0; k < total; ++k) {
        switch (grid.region[k]) {
        case Region::Green: ++green; break;
        case Region::Purple: ++purple; break;
        case Region::Neutral: ++neutral; break;
        case Region::Undefined: ++undefined; break;
        }
        const double p = grid.p[k];
        if (grid.region[k] != Region::Undefined && std::isfinite(p)) {
            pMin = std::min(pMin, p);
            pMax = std::max(pMax, p);
            pSum += p;
            ++defined;
        }
    }
    const double n = static_cast<double>(total);
    s.greenFraction = green / n;
    s.purpleFraction = purple / n;
    s.neutralFraction = neutral / n;
    s.undefinedFraction = undefined / n;
    if (defined > 0) {
        s.pMin = pMin;
        s.pMax = pMax;
        s.pMean = pSum / static_cast<double>(defined);
    } else {
        s.pMin = s.pMax = s.pMean = std::numeric_limits<double>::quiet_NaN();
    }
    return s;
}

}  // namespace cl
