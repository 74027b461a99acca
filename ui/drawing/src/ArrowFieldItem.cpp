#include "ArrowFieldItem.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>

#include <algorithm>
#include <cmath>

namespace cl::ui {

vtkStandardNewMacro(ArrowFieldItem);

double ArrowFieldItem::lengthFraction(LandscapeOptions::ArrowScaling scaling, double ratio)
{
    using S = LandscapeOptions::ArrowScaling;
    switch (scaling) {
    case S::Linear: return std::min(1.0, ratio);
    case S::SquareRoot: return std::min(1.0, std::sqrt(ratio));
    case S::Log: return std::min(1.0, std::log10(1 + 99 * ratio) / 2);  // two decades below the reference
    case S::Normalised: return 0.8;
    }
    return 0;
}

bool ArrowFieldItem::Paint(vtkContext2D* painter)
{
    const FieldGrid* grid = model() ? model()->grid() : nullptr;
    if (!grid || grid->spec.n < 2) return true;
    const std::vector<double>*vx = nullptr, *vy = nullptr;
    double sign = 1;
    switch (model()->panel) {
    case LandscapePanel::L1: vx = &grid->g1x, vy = &grid->g1y, sign = -1; break;
    case LandscapePanel::L2: vx = &grid->g2x, vy = &grid->g2y, sign = -1; break;
    case LandscapePanel::Bracket: vx = &grid->rx, vy = &grid->ry; break;
    case LandscapePanel::PMap: return true;
    }
    if (vx->size() != grid->spec.size() || vy->size() != grid->spec.size()) return true;
    const PlotLayout& l = layout();
    const GridSpec& s = grid->spec;

    // Lattice cells of equal size in scene pixels over the shown rectangle; each arrow takes
    // the nearest grid point's vector, and cells outside the grid stay empty.
    const int density = std::clamp(model()->options.arrowDensity, 2, 200);
    const double spacing = std::max(l.width, l.height) / density;
    const int columns = std::max(1, int(l.width / spacing)), rows = std::max(1, int(l.height / spacing));
    struct Sample {
        double cx, cy, vx, vy, norm;
    };
    std::vector<Sample> samples;
    for (int b = 0; b < rows; ++b)
        for (int a = 0; a < columns; ++a) {
            const double cx = l.left + (a + 0.5) * l.width / columns, cy = l.bottom + (b + 0.5) * l.height / rows;
            const double fi = (l.dataX(cx) - s.xmin) / (s.xmax - s.xmin) * (s.n - 1);
            const double fj = (l.dataY(cy) - s.ymin) / (s.ymax - s.ymin) * (s.n - 1);
            if (!(fi >= -0.5 && fi <= s.n - 0.5 && fj >= -0.5 && fj <= s.n - 0.5)) continue;
            const std::size_t k = grid->index(int(std::lround(std::clamp(fi, 0.0, s.n - 1.0))),
                                              int(std::lround(std::clamp(fj, 0.0, s.n - 1.0))));
            const double x = sign * (*vx)[k], y = sign * (*vy)[k];
            if (!std::isfinite(x) || !std::isfinite(y)) continue;
            samples.push_back({cx, cy, x, y, std::hypot(x, y)});
        }
    if (samples.empty()) return true;
    std::vector<double> norms;
    for (const Sample& sample : samples) norms.push_back(sample.norm);
    const std::size_t p95 = norms.size() * 95 / 100;
    std::nth_element(norms.begin(), norms.begin() + static_cast<long>(p95), norms.end());
    const double reference = norms[p95];
    if (!(reference > 0)) return true;

    const double maxLength = 0.9 * std::min(l.width / columns, l.height / rows);
    setPen(painter, palette::arrow, static_cast<float>(1.1 * l.scale));
    // Heads shrink with the lattice, so dense arrows do not merge into dark blobs.
    const double head = std::min(6.5 * l.scale, 0.4 * maxLength);
    setBrush(painter, palette::arrow);
    std::vector<float> segments;
    segments.reserve(samples.size() * 12);
    for (const Sample& sample : samples) {
        if (!(sample.norm > 0)) continue;
        const double length =
            maxLength * lengthFraction(model()->options.arrowScaling, sample.norm / reference);
        if (length < 1.5 * l.scale) continue;  // a dot would read as noise
        // Same units on both axes: the direction needs no aspect correction.
        const double ux = sample.vx / sample.norm, uy = sample.vy / sample.norm;
        appendArrowLines(segments, sample.cx - ux * length / 2, sample.cy - uy * length / 2,
                         sample.cx + ux * length / 2, sample.cy + uy * length / 2, head);
    }
    drawSegments(painter, segments);
    return true;
}

}  // namespace cl::ui
