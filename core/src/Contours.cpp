#include "core/Contours.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <unordered_map>

namespace cl {
namespace {

// Lattice edges get one integer id each, so segments from neighbouring cells are joined by
// exact id matches rather than by comparing floating-point vertices.
class EdgeIds {
public:
    explicit EdgeIds(int n) : n_(n), horizontalCount_(static_cast<long long>(n) * (n - 1)) {}
    long long horizontal(int i, int j) const { return static_cast<long long>(j) * (n_ - 1) + i; }
    long long vertical(int i, int j) const { return horizontalCount_ + static_cast<long long>(j) * n_ + i; }
    bool isHorizontal(long long id) const { return id < horizontalCount_; }
    // The two lattice points (i0, j0), (i1, j1) an edge joins.
    std::array<int, 4> ends(long long id) const
    {
        if (isHorizontal(id)) {
            const int j = static_cast<int>(id / (n_ - 1)), i = static_cast<int>(id % (n_ - 1));
            return {i, j, i + 1, j};
        }
        const long long v = id - horizontalCount_;
        const int j = static_cast<int>(v / n_), i = static_cast<int>(v % n_);
        return {i, j, i, j + 1};
    }

private:
    int n_;
    long long horizontalCount_;
};

struct Segment {
    long long a, b;
};

// Appends the segments of the cell with corners v (counter-clockwise from the lower left) and
// edge ids e (edge k runs from corner k to k + 1) for `level`.
void appendCellSegments(const double v[4], const long long e[4], double level, std::vector<Segment>& segments)
{
    int mask = 0;
    for (int k = 0; k < 4; ++k)
        if (v[k] >= level) mask |= 1 << k;
    if (mask == 0 || mask == 15) return;
    if (mask == 5 || mask == 10) {
        // Saddle: the cell mean decides which diagonal pair of corners is connected.
        const bool centreAbove = (v[0] + v[1] + v[2] + v[3]) / 4 >= level;
        const bool cutCorners1and3 = (mask == 5) == centreAbove;
        if (cutCorners1and3) {
            segments.push_back({e[0], e[1]});
            segments.push_back({e[2], e[3]});
        } else {
            segments.push_back({e[3], e[0]});
            segments.push_back({e[1], e[2]});
        }
        return;
    }
    long long crossed[2];
    int count = 0;
    for (int k = 0; k < 4; ++k) {
        const bool aboveK = (mask >> k) & 1, aboveNext = (mask >> ((k + 1) % 4)) & 1;
        if (aboveK != aboveNext) crossed[count++] = e[k];
    }
    segments.push_back({crossed[0], crossed[1]});
}

// The segments of every level in one pass over the cells: a cell is crossed only by the levels
// in (min corner, max corner], found by binary search in the sorted levels, so the scan costs
// about the same for one level as for many.
std::vector<std::vector<Segment>> cellSegments(const GridSpec& spec, const std::vector<double>& f,
                                               const std::vector<double>& levels, const EdgeIds& ids)
{
    std::vector<std::size_t> order(levels.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return levels[a] < levels[b]; });
    std::vector<double> sorted;
    for (std::size_t k : order) sorted.push_back(levels[k]);

    std::vector<std::vector<Segment>> segments(levels.size());
    const int n = spec.n;
    for (int j = 0; j + 1 < n; ++j) {
        for (int i = 0; i + 1 < n; ++i) {
            const double v[4] = {f[j * n + i], f[j * n + i + 1], f[(j + 1) * n + i + 1], f[(j + 1) * n + i]};
            if (!std::isfinite(v[0]) || !std::isfinite(v[1]) || !std::isfinite(v[2]) || !std::isfinite(v[3]))
                continue;
            const double lo = std::min(std::min(v[0], v[1]), std::min(v[2], v[3]));
            const double hi = std::max(std::max(v[0], v[1]), std::max(v[2], v[3]));
            // Levels in (lo, hi] have corners on both sides (v >= level counts as above).
            auto first = std::upper_bound(sorted.begin(), sorted.end(), lo);
            if (first == sorted.end() || *first > hi) continue;
            const long long e[4] = {ids.horizontal(i, j), ids.vertical(i + 1, j), ids.horizontal(i, j + 1),
                                    ids.vertical(i, j)};
            for (auto it = first; it != sorted.end() && *it <= hi; ++it)
                appendCellSegments(v, e, *it, segments[order[std::size_t(it - sorted.begin())]]);
        }
    }
    return segments;
}

// Joins one level's segments into polylines through their shared lattice edges.
std::vector<ContourLine> joinSegments(const GridSpec& spec, const std::vector<double>& values, double level,
                                      const std::vector<Segment>& segments, const EdgeIds& ids);

}  // namespace

std::vector<ContourLine> marchingSquares(const GridSpec& spec, const std::vector<double>& values, double level)
{
    if (values.size() != spec.size())
        throw std::invalid_argument("marchingSquares: values has " + std::to_string(values.size()) +
                                    " entries, the grid " + std::to_string(spec.size()));
    if (spec.n < 2 || !std::isfinite(level)) return {};
    const EdgeIds ids(spec.n);
    return joinSegments(spec, values, level, cellSegments(spec, values, {level}, ids).front(), ids);
}

namespace {

std::vector<ContourLine> joinSegments(const GridSpec& spec, const std::vector<double>& values, double level,
                                      const std::vector<Segment>& segments, const EdgeIds& ids)
{

    // Every lattice edge borders at most two cells, hence at most two segments.
    std::unordered_map<long long, std::array<int, 2>> byEdge;
    byEdge.reserve(segments.size() * 2);
    for (int s = 0; s < static_cast<int>(segments.size()); ++s) {
        for (long long edge : {segments[s].a, segments[s].b}) {
            auto [it, inserted] = byEdge.try_emplace(edge, std::array<int, 2>{s, -1});
            if (!inserted) it->second[1] = s;
        }
    }
    std::vector<char> used(segments.size(), 0);
    // From segment s entered through edge `from`, the edge it leaves by.
    auto otherEnd = [&](int s, long long from) { return segments[s].a == from ? segments[s].b : segments[s].a; };
    auto nextSegment = [&](long long edge) {
        for (int s : byEdge[edge])
            if (s >= 0 && !used[s]) return s;
        return -1;
    };

    auto vertex = [&](long long edge, double& x, double& y) {
        const auto c = ids.ends(edge);
        const double va = values[c[1] * spec.n + c[0]], vb = values[c[3] * spec.n + c[2]];
        const double t = (level - va) / (vb - va);  // va != vb: the edge is crossed
        x = spec.x(c[0]) + t * (spec.x(c[2]) - spec.x(c[0]));
        y = spec.y(c[1]) + t * (spec.y(c[3]) - spec.y(c[1]));
    };

    std::vector<ContourLine> lines;
    for (int start = 0; start < static_cast<int>(segments.size()); ++start) {
        if (used[start]) continue;
        used[start] = 1;
        std::vector<long long> forward{segments[start].a, segments[start].b};
        bool closed = false;
        for (int s = nextSegment(forward.back()); s >= 0; s = nextSegment(forward.back())) {
            used[s] = 1;
            const long long next = otherEnd(s, forward.back());
            if (next == forward.front()) {
                closed = true;
                break;
            }
            forward.push_back(next);
        }
        std::vector<long long> backward;  // grows away from forward.front()
        if (!closed) {
            long long tip = forward.front();
            for (int s = nextSegment(tip); s >= 0; s = nextSegment(tip)) {
                used[s] = 1;
                tip = otherEnd(s, tip);
                backward.push_back(tip);
            }
        }
        ContourLine line;
        line.closed = closed;
        const std::size_t count = forward.size() + backward.size();
        line.x.resize(count);
        line.y.resize(count);
        std::size_t k = 0;
        for (auto it = backward.rbegin(); it != backward.rend(); ++it, ++k) vertex(*it, line.x[k], line.y[k]);
        for (long long edge : forward) {
            vertex(edge, line.x[k], line.y[k]);
            ++k;
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace

std::vector<double> finiteSample(const std::vector<double>& values, std::size_t limit)
{
    const std::size_t stride = std::max<std::size_t>(1, (values.size() + limit - 1) / std::max<std::size_t>(1, limit));
    std::vector<double> finite;
    finite.reserve(values.size() / stride + 1);
    for (std::size_t k = 0; k < values.size(); k += stride)
        if (std::isfinite(values[k])) finite.push_back(values[k]);
    return finite;
}

std::vector<double> quantileLevels(const std::vector<double>& values, int count)
{
    // A 512² grid's levels from the sample cost a quarter of the time, off by ~1/256 of a
    // quantile step.
    std::vector<double> finite = finiteSample(values);
    std::vector<double> levels;
    if (finite.empty() || count <= 0) return levels;
    const auto [lowest, highest] = std::minmax_element(finite.begin(), finite.end());
    if (*lowest == *highest) return levels;
    // Only a few order statistics are needed: select them in increasing order, each search
    // confined to the part above the previous one (linear time; a full sort dominated the
    // live views' update at 512²).
    std::vector<std::size_t> needed;
    for (int k = 1; k <= count; ++k) {
        const double position = static_cast<double>(k) / (count + 1) * (finite.size() - 1);
        const auto below = static_cast<std::size_t>(position);
        needed.push_back(below);
        needed.push_back(std::min(below + 1, finite.size() - 1));
    }
    std::sort(needed.begin(), needed.end());
    needed.erase(std::unique(needed.begin(), needed.end()), needed.end());
    std::size_t from = 0;
    for (std::size_t index : needed) {
        std::nth_element(finite.begin() + static_cast<long>(from), finite.begin() + static_cast<long>(index),
                         finite.end());
        from = index + 1;
    }
    for (int k = 1; k <= count; ++k) {
        const double position = static_cast<double>(k) / (count + 1) * (finite.size() - 1);
        const std::size_t below = static_cast<std::size_t>(position);
        const std::size_t above = std::min(below + 1, finite.size() - 1);
        const double t = position - below;
        const double level = finite[below] + t * (finite[above] - finite[below]);
        if (levels.empty() || level > levels.back()) levels.push_back(level);
    }
    return levels;
}

std::vector<ContourLevel> contourLevels(const GridSpec& spec, const std::vector<double>& values,
                                        const std::vector<double>& levels)
{
    if (values.size() != spec.size())
        throw std::invalid_argument("contourLevels: values has " + std::to_string(values.size()) +
                                    " entries, the grid " + std::to_string(spec.size()));
    std::vector<ContourLevel> result;
    result.reserve(levels.size());
    std::vector<double> finite;  // non-finite levels have empty level sets
    for (double level : levels)
        if (std::isfinite(level)) finite.push_back(level);
    if (spec.n < 2 || finite.empty()) {
        for (double level : levels) result.push_back({level, {}});
        return result;
    }
    const EdgeIds ids(spec.n);
    const auto segments = cellSegments(spec, values, finite, ids);
    std::size_t k = 0;
    for (double level : levels) {
        if (!std::isfinite(level)) {
            result.push_back({level, {}});
            continue;
        }
        result.push_back({level, joinSegments(spec, values, level, segments[k++], ids)});
    }
    return result;
}

}  // namespace cl
