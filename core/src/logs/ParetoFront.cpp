#include "core/logs/ParetoFront.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace cl::logs {

std::vector<std::size_t> paretoFront(const std::vector<Point2>& points)
{
    std::vector<std::size_t> order;
    order.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        if (!std::isnan(points[i].x) && !std::isnan(points[i].y)) order.push_back(i);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Point2 &p = points[a], &q = points[b];
        return p.x < q.x || (p.x == q.x && (p.y < q.y || (p.y == q.y && a < b)));
    });
    // A point survives when its y is below every y seen at a strictly smaller x; among equal
    // x only the lowest y (and its exact copies) can survive.
    std::vector<std::size_t> front;
    double bestBefore = std::numeric_limits<double>::infinity();  // best y over strictly smaller x
    bool seen = false;  // any smaller x yet (an infinite y must still beat nothing)
    std::size_t i = 0;
    while (i < order.size()) {
        const double x = points[order[i]].x;
        const double lowest = points[order[i]].y;
        std::size_t j = i;
        for (; j < order.size() && points[order[j]].x == x; ++j)
            if (points[order[j]].y == lowest && (!seen || lowest < bestBefore)) front.push_back(order[j]);
        bestBefore = std::min(bestBefore, lowest);
        seen = true;
        i = j;
    }
    return front;
}

}  // namespace cl::logs
