#pragma once
// Level curves of a sampled scalar field by marching squares: what the landscape views draw as
// the contours of L1 and L2. Plain C++ so the command line and tests can use it without a GUI.

#include "core/FieldGrid.h"

#include <vector>

namespace cl {

/// One connected piece of a level curve, in data coordinates. A closed loop does not repeat its
/// first vertex at the end.
struct ContourLine {
    std::vector<double> x, y;
    bool closed = false;
    std::size_t size() const { return x.size(); }
};

/// All pieces of the level set {f = level}.
struct ContourLevel {
    double level = 0;
    std::vector<ContourLine> lines;
};

/// The level set {f = level} of the row-major field `values` (index j * n + i, as FieldGrid)
/// on the lattice `spec`. Vertices lie on lattice edges, placed by linear interpolation, so a
/// field linear in x and y gives its level set exactly. Cells with a non-finite corner are
/// skipped (curves end at undefined points). Saddle cells are resolved by the cell's mean value.
/// Throws std::invalid_argument when values.size() != spec.size().
std::vector<ContourLine> marchingSquares(const GridSpec& spec, const std::vector<double>& values,
                                         double level);

/// The finite values among at most `limit` evenly strided ones of `values` (every value when
/// there are no more): quantiles of a large field only need to be representative.
std::vector<double> finiteSample(const std::vector<double>& values, std::size_t limit = 65536);

/// `count` levels at evenly spaced quantiles (strictly inside (0, 1)) of the finite values, so
/// fields that grow fast (quadratics far from their minimum) still get curves near the minimum.
/// Repeated levels are dropped; an empty or constant field gives no levels. Fields of more than
/// 65536 values are read through finiteSample, so at most 65536 are ranked.
std::vector<double> quantileLevels(const std::vector<double>& values, int count);

/// marchingSquares for each level (same lines, same order), in one pass over the cells.
std::vector<ContourLevel> contourLevels(const GridSpec& spec, const std::vector<double>& values,
                                        const std::vector<double>& levels);

}  // namespace cl
