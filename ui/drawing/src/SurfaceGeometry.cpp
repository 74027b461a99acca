#include "ui/SurfaceGeometry.h"

#include "core/Contours.h"

#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkDoubleArray.h>
#include <vtkFloatArray.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace cl::ui {
namespace {

void scaleHeights(SurfaceGeometry& out, const SurfaceSamples& s, double heightFraction)
{
    bool any = false;
    for (double v : s.values) {
        if (!std::isfinite(v)) {
            ++out.undefinedCount;
            continue;
        }
        out.valueMin = any ? std::min(out.valueMin, v) : v;
        out.valueMax = any ? std::max(out.valueMax, v) : v;
        any = true;
    }
    const double side = std::max(s.spec.xmax - s.spec.xmin, s.spec.ymax - s.spec.ymin);
    const double range = out.valueMax - out.valueMin;
    // A range too small to divide by (a constant field) lies flat at height 0.
    out.heightScale = range > 0 && std::isfinite(heightFraction * side / range) ? heightFraction * side / range : 1.0;
}

// Height derivative along one lattice direction at a node, from the finite neighbours
// (central difference, one-sided at an edge or next to an undefined node, 0 when alone).
double slope(const SurfaceGeometry& g, const SurfaceSamples& s, int i, int j, int di, int dj, double step)
{
    const int n = s.spec.n;
    auto at = [&](int a, int b) {
        if (a < 0 || b < 0 || a >= n || b >= n) return std::nan("");
        const double v = s.values[std::size_t(b) * n + a];
        return std::isfinite(v) ? g.height(v) : std::nan("");
    };
    const double here = at(i, j), before = at(i - di, j - dj), after = at(i + di, j + dj);
    if (std::isfinite(before) && std::isfinite(after)) return (after - before) / (2 * step);
    if (std::isfinite(after)) return (after - here) / step;
    if (std::isfinite(before)) return (here - before) / step;
    return 0;
}

}  // namespace

SurfaceGeometry buildSurfaceGeometry(const SurfaceSamples& s, double heightFraction)
{
    const GridSpec& spec = s.spec;
    if (s.values.size() != spec.size())
        throw std::invalid_argument("surface: " + std::to_string(s.values.size()) + " values for a " +
                                    std::to_string(spec.n) + "² lattice");
    if (!(heightFraction > 0)) throw std::invalid_argument("surface: the height fraction must be positive");
    SurfaceGeometry out;
    scaleHeights(out, s, heightFraction);

    const int n = spec.n;
    vtkNew<vtkPoints> points;
    points->SetDataTypeToDouble();  // heights exact to the double the scale gives
    vtkNew<vtkDoubleArray> loss;
    loss->SetName("loss");
    vtkNew<vtkFloatArray> normals;
    normals->SetName("Normals");
    normals->SetNumberOfComponents(3);
    out.nodePoint.assign(spec.size(), -1);
    const double dx = n > 1 ? (spec.xmax - spec.xmin) / (n - 1) : 1, dy = n > 1 ? (spec.ymax - spec.ymin) / (n - 1) : 1;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const std::size_t k = std::size_t(j) * n + i;
            const double v = s.values[k];
            if (!std::isfinite(v)) continue;
            out.nodePoint[k] = points->InsertNextPoint(spec.x(i), spec.y(j), out.height(v));
            loss->InsertNextValue(v);
            const double zx = slope(out, s, i, j, 1, 0, dx), zy = slope(out, s, i, j, 0, 1, dy);
            const double norm = std::sqrt(zx * zx + zy * zy + 1);
            normals->InsertNextTuple3(-zx / norm, -zy / norm, 1 / norm);
        }

    vtkNew<vtkCellArray> triangles;
    for (int j = 0; j + 1 < n; ++j)
        for (int i = 0; i + 1 < n; ++i) {
            // Corners counter-clockwise seen from above, so normals of the winding point up.
            const long long c[4] = {out.nodePoint[std::size_t(j) * n + i], out.nodePoint[std::size_t(j) * n + i + 1],
                                    out.nodePoint[std::size_t(j + 1) * n + i + 1],
                                    out.nodePoint[std::size_t(j + 1) * n + i]};
            const int defined = int(std::count_if(c, c + 4, [](long long p) { return p >= 0; }));
            if (defined == 4) {
                const vtkIdType a[3] = {c[0], c[1], c[2]}, b[3] = {c[0], c[2], c[3]};
                triangles->InsertNextCell(3, a);
                triangles->InsertNextCell(3, b);
            } else if (defined == 3) {
                vtkIdType t[3];
                int m = 0;
                for (long long p : c)
                    if (p >= 0) t[m++] = p;
                triangles->InsertNextCell(3, t);
            }
        }

    out.surface = vtkSmartPointer<vtkPolyData>::New();
    out.surface->SetPoints(points);
    out.surface->SetPolys(triangles);
    out.surface->GetPointData()->SetScalars(loss);
    out.surface->GetPointData()->SetNormals(normals);
    return out;
}

vtkSmartPointer<vtkPolyData> buildSurfaceContours(const SurfaceSamples& s, const SurfaceGeometry& geometry,
                                                  const std::vector<double>& levels)
{
    vtkNew<vtkPoints> points;
    points->SetDataTypeToDouble();
    vtkNew<vtkCellArray> lines;
    vtkNew<vtkDoubleArray> levelOfLine;
    levelOfLine->SetName("level");
    for (const ContourLevel& level : contourLevels(s.spec, s.values, levels)) {
        const double z = geometry.height(level.level);
        for (const ContourLine& line : level.lines) {
            if (line.size() < 2) continue;
            levelOfLine->InsertNextValue(level.level);
            const std::size_t count = line.size() + (line.closed ? 1 : 0);
            lines->InsertNextCell(vtkIdType(count));
            for (std::size_t k = 0; k < count; ++k) {
                const std::size_t m = k % line.size();
                lines->InsertCellPoint(points->InsertNextPoint(line.x[m], line.y[m], z));
            }
        }
    }
    auto out = vtkSmartPointer<vtkPolyData>::New();
    out->SetPoints(points);
    out->SetLines(lines);
    out->GetCellData()->AddArray(levelOfLine);
    return out;
}

}  // namespace cl::ui
