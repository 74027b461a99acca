#include "ColorBarItem.h"

#include "AxesItem.h"
#include "OverlayLegendItem.h"
#include "figure/LegendBand.h"
#include "figure/TextMetrics.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>
#include <vtkPen.h>
#include <vtkStdString.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cl::ui {

vtkStandardNewMacro(ColorBarItem);

namespace {
std::vector<double> barTicks(const ColorScale& scale)
{
    const double limit = scale.limit > 0 ? scale.limit : 1;
    return scale.symLog ? scale.symLogTicks() : AxesItem::ticks(-limit, limit, 5);
}

std::string tickLabel(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);  // 1-2-5 ticks: short without rounding
    std::string s = text;
    if (!s.empty() && s[0] == '-') s = "\u2212" + s.substr(1);
    return s;
}
}  // namespace

bool ColorBarItem::Paint(vtkContext2D* painter)
{
    if (!model()) return true;
    if (layout().legendBelow) return paintBelow(painter);
    const PlotLayout& l = layout();
    const LandscapeFieldData& d = *model()->data;
    const float s = float(l.scale);
    const float x = float(l.columnLeft), barWidth = 18 * s;
    const float tipRoom = d.pClipped ? 12 * s : 0;
    // Room at the foot of the column for the overlay legend, if there is one.
    const int overlayRows = OverlayLegendItem::rowCount(model()->overlays.get());
    const float legendRoom = overlayRows ? float(overlayRows * OverlayLegendItem::rowHeight(s) + 24 * s) : 0;
    const float top = float(l.bottom + l.height) - tipRoom, bottom = float(l.bottom) + legendRoom + tipRoom;
    const int steps = 96;
    const float stepHeight = (top - bottom) / steps;
    painter->GetPen()->SetLineType(0);  // no outline between the steps
    for (int k = 0; k < steps; ++k) {
        setBrush(painter, model()->diverging.at((k + 0.5) / steps));
        // Each step overlaps the next by a hair so no white seam shows between them.
        painter->DrawRect(x, bottom + k * stepHeight, barWidth, stepHeight + 0.5f);
    }
    if (d.pClipped) {  // values beyond ±pLimit: pointed ends in the end colours
        setBrush(painter, model()->diverging.at(1));
        float up[6] = {x, top, x + barWidth, top, x + barWidth / 2, top + tipRoom};
        painter->DrawPolygon(up, 3);
        setBrush(painter, model()->diverging.at(0));
        float down[6] = {x, bottom, x + barWidth, bottom, x + barWidth / 2, bottom - tipRoom};
        painter->DrawPolygon(down, 3);
    }
    setPen(painter, palette::ink, 1 * s);
    float frame[10] = {x, bottom, x + barWidth, bottom, x + barWidth, top, x, top, x, bottom};
    painter->DrawPoly(frame, 5);

    const ColorScale& scale = d.pScale;
    setFont(painter, 12 * s, palette::ink, 0, 1);
    std::vector<float> marks;
    const std::vector<double> ticks = barTicks(scale);
    float widest = 0;  // the title goes right of the widest tick label, never over one
    for (double v : ticks) {
        const float y = bottom + float((scale.position(v) + 1) / 2) * (top - bottom);
        marks.insert(marks.end(), {x + barWidth, y, x + barWidth + 5 * s, y});
        const std::string label = tickLabel(v);
        drawText(painter, x + barWidth + 8 * s, y, label);
        float bounds[4];
        painter->ComputeStringBounds(vtkStdString(label), bounds);
        widest = std::max(widest, bounds[2]);
    }
    if (!marks.empty()) painter->DrawLines(marks.data(), int(marks.size() / 2));
    const float titleX = std::max(x + barWidth + 62 * s, x + barWidth + 8 * s + widest + 16 * s);
    setFont(painter, 13 * s, palette::ink, 1, 0, false, 90);
    std::string target = model()->targetLabel;
    if (target.size() > 28) target = target.substr(0, 26) + "\u2026";  // a typed expression can be long
    drawText(painter, titleX, (top + bottom) / 2, "P(L\u2081, L\u2082; " + target + ")");
    // Which limits and scale are in use (robust, manual; symlog).
    setFont(painter, 10.5 * s, palette::ink, 1, 0, false, 90);
    drawText(painter, titleX + 17 * s, (top + bottom) / 2, scale.description);
    return true;
}

bool ColorBarItem::paintBelow(vtkContext2D* painter)
{
    // Narrow panels: the bar lies across the top of the legend band, as wide as the plot, with
    // tick labels under it and the title and the scale's description in one row below them.
    const PlotLayout& l = layout();
    const LandscapeFieldData& d = *model()->data;
    const float s = float(l.scale), f = float(l.legendPx);
    const float tipRoom = d.pClipped ? 0.7f * f : 0;
    const float left = float(l.left) + tipRoom, right = float(l.left + l.width) - tipRoom;
    const float top = float(l.bandTop), bottom = top - float(colorBarThickness(f)), tick = float(colorBarTickLength(f));
    const int steps = 96;
    const float stepWidth = (right - left) / steps;
    painter->GetPen()->SetLineType(0);  // no outline between the steps
    for (int k = 0; k < steps; ++k) {
        setBrush(painter, model()->diverging.at((k + 0.5) / steps));
        painter->DrawRect(left + k * stepWidth, bottom, stepWidth + 0.5f, top - bottom);
    }
    if (d.pClipped) {  // values beyond ±pLimit: pointed ends in the end colours
        setBrush(painter, model()->diverging.at(1));
        float high[6] = {right, bottom, right, top, right + tipRoom, (top + bottom) / 2};
        painter->DrawPolygon(high, 3);
        setBrush(painter, model()->diverging.at(0));
        float low[6] = {left, bottom, left, top, left - tipRoom, (top + bottom) / 2};
        painter->DrawPolygon(low, 3);
    }
    setPen(painter, palette::ink, 1 * s);
    float frame[10] = {left, bottom, right, bottom, right, top, left, top, left, bottom};
    painter->DrawPoly(frame, 5);

    const ColorScale& scale = d.pScale;
    setFont(painter, f, palette::ink, 1, 2);
    std::vector<float> marks;
    float lastRight = -1e30f;  // labels that would touch the previous one are left out
    for (double v : barTicks(scale)) {
        const float x = left + float((scale.position(v) + 1) / 2) * (right - left);
        marks.insert(marks.end(), {x, bottom, x, bottom - tick});
        const std::string label = tickLabel(v);
        float bounds[4];
        painter->ComputeStringBounds(vtkStdString(label), bounds);
        if (x - bounds[2] / 2 < lastRight + 0.5f * f) continue;
        drawText(painter, x, bottom - tick, label);
        lastRight = x + bounds[2] / 2;
    }
    if (!marks.empty()) painter->DrawLines(marks.data(), int(marks.size() / 2));
    std::string target = model()->targetLabel;
    if (target.size() > 28) target = target.substr(0, 26) + "\u2026";  // a typed expression can be long
    const std::string title =
        "P(L\u2081, L\u2082; " + target + ")" + (scale.description.empty() ? std::string() : ", " + scale.description);
    setFont(painter, f, palette::ink, 1, 2);
    const double room = l.bandWidth;
    const std::string shown = elidedText(title, room, [painter](const std::string& t) {
        float bounds[4];
        painter->ComputeStringBounds(vtkStdString(t), bounds);
        return double(bounds[2]);
    });
    float bounds[4];
    painter->ComputeStringBounds(vtkStdString(shown), bounds);
    const double half = bounds[2] / 2;
    const double centre =
        std::clamp(l.left + l.width / 2, l.bandLeft + half, std::max(l.bandLeft + half, l.bandLeft + room - half));
    drawText(painter, centre, bottom - tick - 1.2f * f, shown);
    return true;
}

}  // namespace cl::ui
