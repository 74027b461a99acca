#include "ui/PlotLayout.h"

#include <algorithm>

namespace cl::ui {

PlotLayout PlotLayout::compute(double cellLeft, double cellBottom, double cellWidth, double cellHeight, double xmin,
                               double xmax, double ymin, double ymax, double columnWidth, double scale)
{
    PlotLayout l;
    l.scale = scale;
    l.xmin = xmin;
    l.xmax = xmax;
    l.ymin = ymin;
    l.ymax = ymax;
    l.columnWidth = columnWidth;
    // Margins leave room for tick labels and axis titles (left, bottom) and the title (top).
    const double availableW = cellWidth - (marginLeft + gap + marginRight) * scale - columnWidth;
    const double availableH = cellHeight - (marginTop + marginBottom) * scale;
    const double aspect = (xmax > xmin && ymax > ymin) ? (xmax - xmin) / (ymax - ymin) : 1.0;
    l.width = std::max(10.0, std::min(availableW, availableH * aspect));
    l.height = std::max(10.0, l.width / aspect);
    // Centre the plot + column group in whatever room is left over.
    const double extraW = std::max(0.0, availableW - l.width);
    const double extraH = std::max(0.0, availableH - l.height);
    l.left = cellLeft + marginLeft * scale + extraW / 2;
    l.bottom = cellBottom + marginBottom * scale + extraH / 2;
    l.columnLeft = l.left + l.width + gap * scale;
    l.columnTop = l.bottom + l.height;
    l.titleY = l.bottom + l.height + 34 * scale;
    l.cellLeft = cellLeft;
    l.cellWidth = cellWidth;
    l.titlePx = 15 * scale;
    l.subtitlePx = 11.5 * scale;
    l.tickPx = 13 * scale;
    l.axisTitlePx = 16 * scale;
    l.legendPx = 12 * scale;
    l.tickLength = 6 * scale;
    return l;
}

}  // namespace cl::ui
