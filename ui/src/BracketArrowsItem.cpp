#include "BracketArrowsItem.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>

#include <algorithm>
#include <cmath>

namespace cl::ui {

vtkStandardNewMacro(BracketArrowsItem);

bool BracketArrowsItem::Paint(vtkContext2D* painter)
{
    if (!model() || !model()->grid) return true;
    const FieldGrid& grid = *model()->grid;
    const int n = grid.spec.n;
    if (n < 2 || grid.rx.size() != grid.spec.size()) return true;
    const PlotLayout l = layout();

    // Lattice: every stride-th point, centred so the margins on both sides match.
    const int stride = std::max(1, n / arrowsPerSide);
    const int count = (n - 1) / stride + 1;
    const int offset = (n - 1 - (count - 1) * stride) / 2;
    struct Sample {
        double x, y, rx, ry, root;
    };
    std::vector<Sample> samples;
    for (int j = offset; j < n; j += stride)
        for (int i = offset; i < n; i += stride) {
            const std::size_t k = grid.index(i, j);
            const double rx = grid.rx[k], ry = grid.ry[k];
            if (!std::isfinite(rx) || !std::isfinite(ry)) continue;
            samples.push_back({grid.spec.x(i), grid.spec.y(j), rx, ry, std::sqrt(std::hypot(rx, ry))});
        }
    if (samples.empty()) return true;
    std::vector<double> roots;
    for (const Sample& s : samples) roots.push_back(s.root);
    const std::size_t p95 = roots.size() * 95 / 100;
    std::nth_element(roots.begin(), roots.begin() + static_cast<long>(p95), roots.end());
    const double reference = roots[p95];
    if (!(reference > 0)) return true;

    const double spacing = l.side * stride / static_cast<double>(n);
    const double maxLength = 0.9 * spacing;
    std::vector<float> shafts;
    setPen(painter, palette::arrow, static_cast<float>(1.3 * l.scale));
    setBrush(painter, palette::arrow);
    for (const Sample& s : samples) {
        const double length = maxLength * std::min(1.0, s.root / reference);
        if (length < 1.5 * l.scale) continue;  // a dot would read as noise
        const double norm = std::hypot(s.rx, s.ry);
        const double ux = s.rx / norm, uy = s.ry / norm;  // same units on both axes: no aspect fix
        const double cx = l.sceneX(s.x), cy = l.sceneY(s.y);
        const double tailX = cx - ux * length / 2, tailY = cy - uy * length / 2;
        const double tipX = cx + ux * length / 2, tipY = cy + uy * length / 2;
        const double head = std::min(0.4 * length, 7.0 * l.scale), halfWidth = 0.45 * head;
        const double baseX = tipX - ux * head, baseY = tipY - uy * head;
        shafts.insert(shafts.end(), {float(tailX), float(tailY), float(baseX), float(baseY)});
        float triangle[6] = {float(tipX), float(tipY), float(baseX - uy * halfWidth), float(baseY + ux * halfWidth),
                             float(baseX + uy * halfWidth), float(baseY - ux * halfWidth)};
        painter->DrawPolygon(triangle, 3);
    }
    if (!shafts.empty()) painter->DrawLines(shafts.data(), static_cast<int>(shafts.size() / 2));
    return true;
}

}  // namespace cl::ui
