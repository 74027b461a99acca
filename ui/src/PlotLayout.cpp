#include "ui/PlotLayout.h"

#include <algorithm>

namespace cl::ui {

PlotLayout PlotLayout::compute(double sceneWidth, double sceneHeight, const GridSpec& spec, double scale)
{
    PlotLayout l;
    l.sceneWidth = sceneWidth;
    l.sceneHeight = sceneHeight;
    l.scale = scale;
    const double hx = spec.n > 1 ? (spec.xmax - spec.xmin) / (spec.n - 1) : 0;
    const double hy = spec.n > 1 ? (spec.ymax - spec.ymin) / (spec.n - 1) : 0;
    l.xmin = spec.xmin - hx / 2;
    l.xmax = spec.xmax + hx / 2;
    l.ymin = spec.ymin - hy / 2;
    l.ymax = spec.ymax + hy / 2;

    // Margins leave room for tick labels and axis titles (left, bottom), the title (top) and a
    // legend column (right). The plot stays square: both axes have the same units.
    const double marginLeft = 78 * scale, marginBottom = 64 * scale, marginTop = 72 * scale;
    const double marginRight = 24 * scale, gap = 28 * scale;
    l.legendWidth = 270 * scale;
    const double availableW = sceneWidth - marginLeft - gap - l.legendWidth - marginRight;
    const double availableH = sceneHeight - marginTop - marginBottom;
    l.side = std::max(10.0, std::min(availableW, availableH));
    // Centre the plot + legend group in whatever room is left over.
    const double groupW = marginLeft + l.side + gap + l.legendWidth + marginRight;
    const double extraW = std::max(0.0, sceneWidth - groupW);
    const double extraH = std::max(0.0, availableH - l.side);
    l.left = marginLeft + extraW / 2;
    l.bottom = marginBottom + extraH / 2;
    l.legendLeft = l.left + l.side + gap;
    l.legendTop = l.bottom + l.side;
    l.titleY = l.bottom + l.side + 38 * scale;
    return l;
}

}  // namespace cl::ui
