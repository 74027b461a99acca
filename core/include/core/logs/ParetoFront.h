#pragma once
// Non-dominated points of a 2-D set under minimisation (the Pareto views of paper Figs. 2, 3,
// where both axes are domain losses and lower is better).

#include <cstddef>
#include <vector>

namespace cl::logs {

struct Point2 {
    double x = 0, y = 0;
};

/// Indices of the points no other point dominates (q dominates p when q.x <= p.x, q.y <= p.y
/// and q != p), sorted by increasing x. Equal points are all kept; points with a NaN
/// coordinate are left out. O(n log n): one sort, then one sweep keeping the best y so far.
std::vector<std::size_t> paretoFront(const std::vector<Point2>& points);

}  // namespace cl::logs
