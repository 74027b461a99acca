#pragma once
// The sampled fields of two 2-D domains over a rectangle: what the landscape views draw.

#include "core/LieBracket.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cl {

/// An n×n lattice over [xmin, xmax]×[ymin, ymax] whose points include both ends of each range
/// (like numpy.linspace).
struct GridSpec {
    double xmin = -3, xmax = 3, ymin = -3, ymax = 3;
    int n = 128;

    double x(int i) const { return n == 1 ? xmin : xmin + (xmax - xmin) * i / (n - 1); }
    double y(int j) const { return n == 1 ? ymin : ymin + (ymax - ymin) * j / (n - 1); }
    std::size_t size() const { return static_cast<std::size_t>(n) * n; }
    /// Throws std::invalid_argument naming the bad field (n < 2, empty or non-finite range).
    void validate() const;

    bool sameRectangle(const GridSpec& o) const
    {
        return xmin == o.xmin && xmax == o.xmax && ymin == o.ymin && ymax == o.ymax;
    }
    bool operator==(const GridSpec& o) const { return sameRectangle(o) && n == o.n; }
    bool operator!=(const GridSpec& o) const { return !(*this == o); }
};

/// Row-major (index = j * n + i, j along y). Non-finite values mean "undefined" at that point.
struct FieldGrid {
    GridSpec spec;
    std::vector<double> l1, l2;
    std::vector<double> g1x, g1y, g2x, g2y;
    std::vector<double> rx, ry;  // R(L1, L2)
    std::vector<double> p;       // P(L1, L2; target)
    std::vector<Region> region;

    std::size_t index(int i, int j) const { return static_cast<std::size_t>(j) * spec.n + i; }
    void resize(const GridSpec& s);
};

/// Fractions of the grid in each region and statistics of P over the defined points.
struct FieldSummary {
    double greenFraction = 0, purpleFraction = 0, neutralFraction = 0, undefinedFraction = 0;
    double pMin = 0, pMean = 0, pMax = 0;
};

FieldSummary summarize(const FieldGrid& grid);

}  // namespace cl
