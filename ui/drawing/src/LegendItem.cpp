#include "LegendItem.h"

#include "OverlayLegendItem.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>

#include <cstdio>

namespace cl::ui {

vtkStandardNewMacro(LegendItem);

namespace {
constexpr Rgb detailInk = palette::detailInk;
constexpr float symbolWidth = 30, rowHeight = 42, compactRowHeight = 22, textIndent = 42;

std::string percent(double fraction)
{
    char text[32];
    std::snprintf(text, sizeof text, " (%.1f %%)", 100 * fraction);
    return text;
}
}  // namespace

std::string LegendItem::arrowScalingText(LandscapeOptions::ArrowScaling scaling, const std::string& field)
{
    using S = LandscapeOptions::ArrowScaling;
    switch (scaling) {
    case S::Linear: return "length \u221d |" + field + "|, capped";
    case S::SquareRoot: return "length \u221d \u221a|" + field + "|, capped";
    case S::Log: return "length \u221d log(1 + |" + field + "|), capped";
    case S::Normalised: return "direction only (equal lengths)";
    }
    return {};
}

float LegendItem::heading(vtkContext2D* painter, float top, const char* text)
{
    const float s = float(layout_.scale);
    setFont(painter, 14 * s, palette::ink, 0, 2, true);
    drawText(painter, float(layout_.columnLeft), top, text);
    return top - 26 * s;
}

float LegendItem::entry(vtkContext2D* painter, float top, const std::string& label, const std::string& detail)
{
    const float s = float(layout_.scale);
    const float x = float(layout_.columnLeft) + textIndent * s;
    setFont(painter, 13 * s, palette::ink, 0, 2);
    drawText(painter, x, top, label);
    if (compact_) return top - compactRowHeight * s;
    if (!detail.empty()) {
        setFont(painter, 11 * s, detailInk, 0, 2);
        drawText(painter, x, top - 17 * s, detail);
    }
    return top - rowHeight * s;
}

void LegendItem::swatch(vtkContext2D* painter, float top, Rgb colour)
{
    const float s = float(layout_.scale), x = float(layout_.columnLeft);
    setPen(painter, {0x80, 0x80, 0x80}, 1 * s);
    setBrush(painter, colour);
    const float height = compact_ ? 16 : 22;
    painter->DrawRect(x, top - (height + 2) * s, symbolWidth * s, height * s);
}

void LegendItem::lineSample(vtkContext2D* painter, float top, Rgb colour)
{
    const float s = float(layout_.scale), x = float(layout_.columnLeft), y = top - 9 * s;
    setPen(painter, colour, 1.8f * s);
    painter->DrawLine(x, y, x + symbolWidth * s, y);
}

void LegendItem::arrowSample(vtkContext2D* painter, float top)
{
    const float s = float(layout_.scale), x = float(layout_.columnLeft), y = top - 9 * s;
    setPen(painter, palette::arrow, 1.2f * s);
    std::vector<float> arrow;
    appendArrowLines(arrow, x, y, x + symbolWidth * s, y, 6.5 * s);
    painter->DrawLines(arrow.data(), int(arrow.size() / 2));
}

bool LegendItem::Paint(vtkContext2D* painter)
{
    if (!model()) return true;
    layout_ = layout();
    const float s = float(layout_.scale);
    const FieldSummary& f = model()->data->summary;
    const bool haveGrid = model()->grid() != nullptr;
    auto share = [&](double fraction) { return haveGrid ? percent(fraction) : std::string(); };
    // Without room for the detail lines (a short plot, or the overlay legend below), drop them.
    const int entries = 6 + (f.undefinedFraction > 0 ? 1 : 0);
    const int overlayRows = OverlayLegendItem::rowCount(model()->overlays.get());
    const double room = layout_.height - (overlayRows ? overlayRows * OverlayLegendItem::rowHeight(s) + 16 * s : 0);
    compact_ = (60 + entries * rowHeight) * s > room;
    // Still too tall in compact rows (a short panel, "undefined" shown, flows below): the
    // curves-and-arrows section goes, rather than overlapping the overlay legend.
    const bool curves = !compact_ || (2 * 26 + 8 + entries * compactRowHeight + 10) * s <= room;

    float y = heading(painter, float(layout_.columnTop), "Regions");
    swatch(painter, y, model()->regionGreen);
    y = entry(painter, y, "\u27e8R,g\u2081\u27e9 > 0 and \u27e8R,g\u2082\u27e9 > 0",
              "L2 then L1 lowers both" + share(f.greenFraction));
    swatch(painter, y, model()->regionPurple);
    y = entry(painter, y, "\u27e8R,g\u2081\u27e9 < 0 and \u27e8R,g\u2082\u27e9 < 0",
              "L1 then L2 lowers both" + share(f.purpleFraction));
    swatch(painter, y, palette::regionNeutral);
    y = entry(painter, y, "mixed signs", "no order helps both" + share(f.neutralFraction));
    if (f.undefinedFraction > 0) {
        swatch(painter, y, palette::regionUndefined);
        y = entry(painter, y, "undefined", "a loss is not finite" + share(f.undefinedFraction));
    }
    if (!curves) return true;
    y -= 8 * s;
    y = heading(painter, y, "Curves and arrows");
    lineSample(painter, y, palette::curveL1);
    const std::string levels = "at " + std::to_string(model()->options.contourCount) + " quantiles of the grid";
    y = entry(painter, y, "level curves of L1", levels);
    lineSample(painter, y, palette::curveL2);
    y = entry(painter, y, "level curves of L2", levels);
    arrowSample(painter, y);
    entry(painter, y, "R(L1, L2) = H\u2082g\u2081 \u2212 H\u2081g\u2082", arrowScalingText(model()->options.arrowScaling, "R"));
    return true;
}

}  // namespace cl::ui
