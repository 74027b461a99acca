#include "GeometryClip.h"

#include <functional>

namespace cl::ui {

namespace {

/// Clips segment a→b to `clip`; false when it misses. On return a and b are the clipped ends.
bool clipSegment(QPointF& a, QPointF& b, const QRectF& clip)
{
    double t0 = 0, t1 = 1;
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    // p·t ≤ q for each of the four sides.
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x() - clip.left(), clip.right() - a.x(), a.y() - clip.top(), clip.bottom() - a.y()};
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0) {
            if (q[k] < 0) return false;
            continue;
        }
        const double t = q[k] / p[k];
        if (p[k] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    const QPointF start = a;
    b = start + QPointF(dx, dy) * t1;
    a = start + QPointF(dx, dy) * t0;
    return true;
}

}  // namespace

std::vector<std::vector<QPointF>> clipPolyline(const std::vector<QPointF>& points, const QRectF& clip)
{
    std::vector<std::vector<QPointF>> pieces;
    std::vector<QPointF> current;
    for (std::size_t k = 0; k + 1 < points.size(); ++k) {
        QPointF a = points[k], b = points[k + 1];
        if (!clipSegment(a, b, clip)) {
            if (current.size() >= 2) pieces.push_back(std::move(current));
            current.clear();
            continue;
        }
        if (current.empty() || current.back() != a) {
            if (current.size() >= 2) pieces.push_back(std::move(current));
            current.clear();
            current.push_back(a);
        }
        current.push_back(b);
    }
    if (current.size() >= 2) pieces.push_back(std::move(current));
    return pieces;
}

std::vector<QPointF> clipPolygon(const std::vector<QPointF>& points, const QRectF& clip)
{
    using Inside = std::function<bool(const QPointF&)>;
    using Cross = std::function<QPointF(const QPointF&, const QPointF&)>;
    const auto atX = [](double x) {
        return [x](const QPointF& a, const QPointF& b) {
            const double t = (x - a.x()) / (b.x() - a.x());
            return QPointF(x, a.y() + t * (b.y() - a.y()));
        };
    };
    const auto atY = [](double y) {
        return [y](const QPointF& a, const QPointF& b) {
            const double t = (y - a.y()) / (b.y() - a.y());
            return QPointF(a.x() + t * (b.x() - a.x()), y);
        };
    };
    const double l = clip.left(), r = clip.right(), t = clip.top(), bo = clip.bottom();
    const std::pair<Inside, Cross> sides[4] = {
        {[l](const QPointF& p) { return p.x() >= l; }, atX(l)},
        {[r](const QPointF& p) { return p.x() <= r; }, atX(r)},
        {[t](const QPointF& p) { return p.y() >= t; }, atY(t)},
        {[bo](const QPointF& p) { return p.y() <= bo; }, atY(bo)},
    };
    std::vector<QPointF> polygon = points;
    for (const auto& [inside, cross] : sides) {
        if (polygon.empty()) break;
        std::vector<QPointF> next;
        for (std::size_t k = 0; k < polygon.size(); ++k) {
            const QPointF& cur = polygon[k];
            const QPointF& prev = polygon[(k + polygon.size() - 1) % polygon.size()];
            const bool curIn = inside(cur), prevIn = inside(prev);
            if (curIn) {
                if (!prevIn) next.push_back(cross(prev, cur));
                next.push_back(cur);
            } else if (prevIn) {
                next.push_back(cross(prev, cur));
            }
        }
        polygon = std::move(next);
    }
    return polygon;
}

}  // namespace cl::ui
