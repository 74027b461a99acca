#include "SurfacePicture.h"

#include "AxesItem.h"
#include "SurfaceLayout.h"
#include "ui/SurfaceGeometry.h"

#include "core/Contours.h"

#include <vtkCellData.h>
#include <vtkDataArray.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace cl::ui {
namespace {

using Point3 = std::array<double, 3>;
using Point2 = std::array<double, 2>;

Point3 minus(const Point3& a, const Point3& b)
{
    return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}

Point3 cross(const Point3& a, const Point3& b)
{
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

Rgb shaded(Rgb c, double intensity)
{
    auto channel = [&](unsigned char v) { return (unsigned char)std::lround(std::min(255.0, v * intensity)); };
    return {channel(c.r), channel(c.g), channel(c.b)};
}

struct Builder {
    const SurfaceSamples& samples;
    const SurfaceGeometry& geometry;
    const SurfaceProjection& projection;
    ColorMap map;
    double lo, hi;
    std::vector<SurfaceShape> shapes;

    Point3 world(std::size_t node) const
    {
        Point3 p;
        geometry.surface->GetPoint(geometry.nodePoint[node], p.data());
        return p;
    }
    bool defined(std::size_t node) const { return geometry.nodePoint[node] >= 0; }

    // One flat triangle: the colour map at the mean loss of its corners, lit by the headlight
    // with the same ambient and diffuse weights as on screen (Lambert: |n · l|, two-sided).
    void triangle(std::size_t a, std::size_t b, std::size_t c)
    {
        const std::size_t nodes[3] = {a, b, c};
        Point3 w[3];
        SurfaceShape shape;
        double loss = 0;
        for (int k = 0; k < 3; ++k) {
            w[k] = world(nodes[k]);
            loss += samples.values[nodes[k]] / 3;
            const ProjectedPoint q = projectPoint(projection, w[k]);
            shape.points.push_back({q.x, q.y});
            shape.depth += q.depth / 3;
        }
        const Point3 n = cross(minus(w[1], w[0]), minus(w[2], w[0]));
        const double length = std::sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        const auto& d = projection.direction;
        const double lambert = length > 0 ? std::abs(n[0] * d[0] + n[1] * d[1] + n[2] * d[2]) / length : 1;
        shape.colour = shaded(map.at(hi > lo ? (loss - lo) / (hi - lo) : 0.5),
                              surfaceLayout::ambient + surfaceLayout::diffuse * lambert);
        shapes.push_back(std::move(shape));
    }

    // A cell with corners counter-clockwise from (i0, j0): two triangles, or one when a single
    // corner is undefined, as buildSurfaceGeometry splits it.
    void cell(int i0, int j0, int i1, int j1)
    {
        const std::size_t n = std::size_t(samples.spec.n);
        const std::size_t c[4] = {j0 * n + i0, j0 * n + i1, j1 * n + i1, j1 * n + i0};
        const int count = int(std::count_if(c, c + 4, [&](std::size_t k) { return defined(k); }));
        if (count == 4) {
            triangle(c[0], c[1], c[2]);
            triangle(c[0], c[2], c[3]);
        } else if (count == 3) {
            std::size_t t[3];
            int m = 0;
            for (std::size_t k : c)
                if (defined(k)) t[m++] = k;
            triangle(t[0], t[1], t[2]);
        }
    }

    bool allDefined(int i0, int j0, int i1, int j1) const
    {
        const std::size_t n = std::size_t(samples.spec.n);
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i)
                if (!defined(j * n + i)) return false;
        return true;
    }

    // The lattice at the kept nodes; a coarse cell that holds an undefined node is drawn at full
    // resolution instead, so a hole keeps the shape it has on screen.
    void surface(int maxSide)
    {
        const std::vector<int> kept = keptNodes(samples.spec.n, maxSide);
        for (std::size_t b = 0; b + 1 < kept.size(); ++b)
            for (std::size_t a = 0; a + 1 < kept.size(); ++a) {
                const int i0 = kept[a], i1 = kept[a + 1], j0 = kept[b], j1 = kept[b + 1];
                if (allDefined(i0, j0, i1, j1)) {
                    cell(i0, j0, i1, j1);
                    continue;
                }
                for (int j = j0; j < j1; ++j)
                    for (int i = i0; i < i1; ++i) cell(i, j, i + 1, j + 1);
            }
    }

    // Level curves at full resolution, lifted as on screen, in pieces of about one coarse cell:
    // each piece sorts with the triangles, pulled towards the camera by most of a coarse cell so
    // that it is painted after the triangles it lies on and before those in front of it.
    void curves(int count, int maxSide, double scale)
    {
        const GridSpec& r = samples.spec;
        const std::size_t kept = keptNodes(r.n, maxSide).size();
        const int stride = kept > 1 ? int(std::ceil(double(r.n - 1) / double(kept - 1))) : 1;
        const double cellSide = std::max(r.xmax - r.xmin, r.ymax - r.ymin) / std::max(1, r.n - 1);
        const double bias = 0.75 * stride * cellSide;
        const double lift = surfaceLayout::curveLift * std::max(r.xmax - r.xmin, r.ymax - r.ymin);
        vtkSmartPointer<vtkPolyData> lines =
            buildSurfaceContours(samples, geometry, quantileLevels(samples.values, count));
        vtkDataArray* levels = lines->GetCellData()->GetArray("level");
        for (vtkIdType k = 0; k < lines->GetNumberOfCells(); ++k) {
            vtkIdType size = 0;
            const vtkIdType* ids = nullptr;
            lines->GetCellPoints(k, size, ids);
            std::vector<ProjectedPoint> points;
            std::vector<bool> visible;
            for (vtkIdType m = 0; m < size; ++m) {
                Point3 p;
                lines->GetPoint(ids[m], p.data());
                visible.push_back(seenFromAbove(p));
                p[2] += lift;
                points.push_back(projectPoint(projection, p));
            }
            const Rgb colour = surfaceLayout::levelCurveColour(map, levels->GetTuple1(k), lo, hi);
            for (std::size_t start = 0; start + 1 < points.size(); start += std::size_t(stride)) {
                const std::size_t end = std::min(points.size() - 1, start + std::size_t(stride));
                if (!visible[start] && !visible[end]) continue;
                SurfaceShape piece{{}, colour, surfaceLayout::curveOpacity, surfaceLayout::curveWidthPx * scale, 0};
                for (std::size_t m = start; m <= end; ++m) {
                    piece.points.push_back({points[m].x, points[m].y});
                    piece.depth += points[m].depth / double(end - start + 1);
                }
                piece.depth -= bias;
                shapes.push_back(std::move(piece));
            }
        }
    }

    // Whether the camera sees the upper side of the surface at (x, y): the curves are lifted
    // along +z, so on screen the surface hides them where it is seen from below.
    bool seenFromAbove(const Point3& p) const
    {
        const GridSpec& r = samples.spec;
        const double dx = r.n > 1 ? (r.xmax - r.xmin) / (r.n - 1) : 1, dy = r.n > 1 ? (r.ymax - r.ymin) / (r.n - 1) : 1;
        const int i = std::clamp(int(std::lround((p[0] - r.xmin) / dx)), 0, r.n - 1);
        const int j = std::clamp(int(std::lround((p[1] - r.ymin) / dy)), 0, r.n - 1);
        const long long id = geometry.nodePoint[std::size_t(j) * std::size_t(r.n) + std::size_t(i)];
        vtkDataArray* normals = geometry.surface->GetPointData()->GetNormals();
        if (id < 0 || !normals) return true;
        double n[3];
        normals->GetTuple(id, n);
        const Point3 toEye = minus(projection.eye, p);
        return n[0] * toEye[0] + n[1] * toEye[1] + n[2] * toEye[2] > 0;
    }

    // An axis line in 16 pieces that sort with the surface (hidden where the surface is in front).
    void axisLine(const Point3& from, const Point3& to, double scale)
    {
        constexpr int pieces = 16;
        for (int k = 0; k < pieces; ++k) {
            SurfaceShape piece{{}, palette::ink, 1, 1.0 * scale, 0};
            for (int e = 0; e <= 1; ++e) {
                const double t = double(k + e) / pieces;
                const ProjectedPoint q =
                    projectPoint(projection, {from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1]),
                                              from[2] + t * (to[2] - from[2])});
                piece.points.push_back({q.x, q.y});
                piece.depth += q.depth / 2;
            }
            shapes.push_back(std::move(piece));
        }
    }

    Point2 page(const Point3& p) const
    {
        const ProjectedPoint q = projectPoint(projection, p);
        return {q.x, q.y};
    }
};

// The base edge of the box, of the two parallel candidates, that is lower in the figure (nearer
// the viewer when seen from above): VTK's outer-edge axes pick the same one for such views.
// Its line is added to the builder's shapes.
SurfaceAxis baseAxis(Builder& b, const Point3& a0, const Point3& a1, const Point3& c0, const Point3& c1,
                     const Point2& centre, double scale)
{
    const Point2 p0 = b.page(a0), p1 = b.page(a1), q0 = b.page(c0), q1 = b.page(c1);
    const bool first = p0[1] + p1[1] >= q0[1] + q1[1];
    b.axisLine(first ? a0 : c0, first ? a1 : c1, scale);
    SurfaceAxis axis;
    axis.from = first ? p0 : q0;
    axis.to = first ? p1 : q1;
    const double ex = axis.to[0] - axis.from[0], ey = axis.to[1] - axis.from[1];
    const double length = std::max(1e-9, std::hypot(ex, ey));
    axis.outward = {-ey / length, ex / length};
    const double mx = (axis.from[0] + axis.to[0]) / 2 - centre[0], my = (axis.from[1] + axis.to[1]) / 2 - centre[1];
    if (axis.outward[0] * mx + axis.outward[1] * my < 0) axis.outward = {-axis.outward[0], -axis.outward[1]};
    return axis;
}

void addTicks(SurfaceAxis& axis, const std::vector<double>& values, double lo, double hi,
              const std::vector<double>& labels)
{
    for (std::size_t k = 0; k < values.size(); ++k) {
        const double t = hi > lo ? (values[k] - lo) / (hi - lo) : 0;
        axis.ticks.push_back(
            {{axis.from[0] + t * (axis.to[0] - axis.from[0]), axis.from[1] + t * (axis.to[1] - axis.from[1])},
             surfaceTickLabel(labels[k])});
    }
}

}  // namespace

std::string surfaceTickLabel(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", value);
    std::string s = text;
    if (!s.empty() && s[0] == '-') s = "\u2212" + s.substr(1);  // a real minus sign
    return s;
}

SurfacePicture buildSurfacePicture(const SurfaceSceneSpec& spec, const SurfaceGeometry& g,
                                   const SurfaceProjection& projection, double scale, int maxSide)
{
    const SurfaceSamples& s = *spec.samples;
    const double lo = g.valueMin, hi = g.valueMax > g.valueMin ? g.valueMax : g.valueMin + 1;
    Builder b{s, g, projection, ColorMap::named(spec.colorMap), lo, hi, {}};
    b.surface(maxSide);
    SurfacePicture out;
    out.triangleCount = b.shapes.size();
    if (spec.levelCurves > 0) b.curves(spec.levelCurves, maxSide, scale);

    const GridSpec& r = s.spec;
    const double top = g.top() > 0 ? g.top() : 1e-6 * std::max(r.xmax - r.xmin, r.ymax - r.ymin);
    const Point2 centre = b.page({(r.xmin + r.xmax) / 2, (r.ymin + r.ymax) / 2, top / 2});
    SurfaceAxis& x = out.axes[0];
    x = baseAxis(b, {r.xmin, r.ymin, 0}, {r.xmax, r.ymin, 0}, {r.xmin, r.ymax, 0}, {r.xmax, r.ymax, 0}, centre, scale);
    const std::vector<double> xs = AxesItem::ticks(r.xmin, r.xmax);
    addTicks(x, xs, r.xmin, r.xmax, xs);
    x.title = "θ₁";
    SurfaceAxis& y = out.axes[1];
    y = baseAxis(b, {r.xmin, r.ymin, 0}, {r.xmin, r.ymax, 0}, {r.xmax, r.ymin, 0}, {r.xmax, r.ymax, 0}, centre, scale);
    const std::vector<double> ys = AxesItem::ticks(r.ymin, r.ymax);
    addTicks(y, ys, r.ymin, r.ymax, ys);
    y.title = "θ₂";

    // The loss axis on the leftmost vertical edge of the box, or on the rightmost when a θ axis
    // that ends at the leftmost corner has its labels on the left too (they would run into each
    // other), or when that corner is the front one (where the θ axes' labels meet).
    const Point3 corners[4] = {{r.xmin, r.ymin, 0}, {r.xmax, r.ymin, 0}, {r.xmax, r.ymax, 0}, {r.xmin, r.ymax, 0}};
    int left = 0, right = 0, front = 0;
    for (int k = 1; k < 4; ++k) {
        if (b.page(corners[k])[0] < b.page(corners[left])[0]) left = k;
        if (b.page(corners[k])[0] > b.page(corners[right])[0]) right = k;
        if (b.page(corners[k])[1] > b.page(corners[front])[1]) front = k;
    }
    auto crowded = [&](int k, double side) {
        const Point2 p = b.page(corners[k]);
        for (const SurfaceAxis* axis : {&x, &y}) {
            const bool ends = (std::abs(axis->from[0] - p[0]) + std::abs(axis->from[1] - p[1]) < 1e-6) ||
                              (std::abs(axis->to[0] - p[0]) + std::abs(axis->to[1] - p[1]) < 1e-6);
            if (ends && axis->outward[0] * side > 0.5) return true;
        }
        return k == front;
    };
    const int chosen = !crowded(left, -1) ? left : !crowded(right, 1) ? right : (left != front ? left : right);
    const Point3 base = corners[chosen], upper{base[0], base[1], top};
    SurfaceAxis& z = out.axes[2];
    z.from = b.page(base);
    z.to = b.page(upper);
    z.outward = {z.from[0] < centre[0] ? -1.0 : 1.0, 0.0};
    z.vertical = true;
    z.title = spec.valueName;
    if (g.valueMax > g.valueMin) {
        const std::vector<double> values = AxesItem::ticks(g.valueMin, g.valueMax, 6);
        addTicks(z, values, g.valueMin, g.valueMax, values);
    } else {
        z.ticks.push_back({z.from, surfaceTickLabel(g.valueMin)});  // a flat surface: one tick at its value
    }
    b.axisLine(base, upper, scale);

    out.map = b.map;
    out.lo = lo;
    out.hi = hi;
    out.barTicks = g.valueMax > g.valueMin ? AxesItem::ticks(lo, hi, 6) : std::vector<double>{g.valueMin};
    out.valueName = spec.valueName;
    out.title = surfaceLayout::title(spec.valueName);
    out.subtitle = surfaceLayout::subtitle(spec.valueName, g);
    std::vector<double> depths;
    for (const SurfaceShape& shape : b.shapes) depths.push_back(shape.depth);
    for (std::size_t k : backToFront(depths)) out.shapes.push_back(std::move(b.shapes[k]));
    return out;
}

}  // namespace cl::ui
