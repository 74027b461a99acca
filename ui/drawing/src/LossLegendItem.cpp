#include "LossLegendItem.h"

#include "LegendItem.h"
#include "LevelCurvesItem.h"
#include "OverlayLegendItem.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>

#include <algorithm>
#include <cstdio>

namespace cl::ui {

vtkStandardNewMacro(LossLegendItem);

bool LossLegendItem::Paint(vtkContext2D* painter)
{
    if (!model()) return true;
    const PlotLayout& l = layout();
    const float s = float(l.scale), x = float(l.columnLeft), symbol = 24 * s, indent = 32 * s;
    const bool first = model()->panel == LandscapePanel::L1;
    const std::string loss = first ? "L\u2081" : "L\u2082";
    const auto& levels = first ? model()->data->l1Curves : model()->data->l2Curves;

    float y = float(l.columnTop);
    setFont(painter, 13 * s, palette::ink, 0, 2, true);
    drawText(painter, x, y, "Level curves");
    y -= 22 * s;
    // Highest level first, as on a colour bar. When the column is short (many levels, or the
    // overlay legend below), every stride-th level is listed so the rows never overlap.
    const int overlayRows = OverlayLegendItem::rowCount(model()->overlays.get());
    const double room = l.height - (overlayRows ? overlayRows * OverlayLegendItem::rowHeight(s) + 16 * s : 0);
    const std::size_t fitting = std::size_t(std::max(2.0, (room - 100 * s) / (18 * s)));
    const std::size_t stride = levels.size() > fitting ? (levels.size() + fitting - 1) / fitting : 1;
    for (std::size_t k = levels.size(); k-- > 0;) {
        if ((levels.size() - 1 - k) % stride != 0) continue;
        setPen(painter, LevelCurvesItem::levelColour(model()->sequential, k, levels.size()), 2.2f * s);
        painter->DrawLine(x, y - 7 * s, x + symbol, y - 7 * s);
        char text[48];
        std::snprintf(text, sizeof text, "%s = %.3g", loss.c_str(), levels[k].level);
        setFont(painter, 12 * s, palette::ink, 0, 2);
        drawText(painter, x + indent, y, text);
        y -= 18 * s;
    }
    y -= 12 * s;
    setFont(painter, 13 * s, palette::ink, 0, 2, true);
    drawText(painter, x, y, "Arrows");
    y -= 22 * s;
    setPen(painter, palette::arrow, 1.2f * s);
    std::vector<float> arrow;
    appendArrowLines(arrow, x, y - 7 * s, x + symbol, y - 7 * s, 6.5 * s);
    painter->DrawLines(arrow.data(), int(arrow.size() / 2));
    setFont(painter, 12 * s, palette::ink, 0, 2);
    drawText(painter, x + indent, y, "\u2212\u2207" + loss + " (flow)");
    setFont(painter, 10.5 * s, palette::detailInk, 0, 2);
    drawText(painter, x, y - 18 * s,
             LegendItem::arrowScalingText(model()->options.arrowScaling, "\u2207" + loss));
    return true;
}

}  // namespace cl::ui
