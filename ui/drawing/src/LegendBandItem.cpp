#include "LegendBandItem.h"

#include "OverlayItem.h"
#include "figure/LegendBand.h"
#include "figure/TextMetrics.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>
#include <vtkStdString.h>

#include <algorithm>

namespace cl::ui {

vtkStandardNewMacro(LegendBandItem);

namespace {

/// `text` as drawn in the painter's current font, elided to `room` pixels.
std::string fitted(vtkContext2D* painter, const std::string& text, double room)
{
    return elidedText(text, room, [painter](const std::string& t) {
        float bounds[4];
        painter->ComputeStringBounds(vtkStdString(t), bounds);
        return double(bounds[2]);
    });
}

}  // namespace

bool LegendBandItem::Paint(vtkContext2D* painter)
{
    if (!model()) return true;
    using S = LegendBandEntry::Symbol;
    const PlotLayout& l = layout();
    const double f = l.legendPx, s = l.scale;
    const std::vector<LegendBandEntry> entries =
        legendBandEntries(model()->panel, *model()->data, model()->overlays.get(), model()->options);
    const LegendBandGrid grid = legendBandGrid(entries, l.bandWidth, f);
    // The grid starts under the P map's colour bar, centred under the plot and kept in the band.
    const double top = l.bandTop - (model()->panel == LandscapePanel::PMap ? colorBarBandHeight(f) : 0);
    const double bandRight = l.bandLeft + l.bandWidth;
    const double left =
        std::clamp(l.left + l.width / 2 - grid.width / 2, l.bandLeft, std::max(l.bandLeft, bandRight - grid.width));
    int k = 0, note = 0;
    for (const LegendBandEntry& e : entries) {
        double x = left, rowTop = top - (grid.rows + note) * grid.rowHeight, room = bandRight - left;
        if (!e.fullRow) {
            const int column = grid.rows > 0 ? k / grid.rows : 0, row = grid.rows > 0 ? k % grid.rows : 0;
            ++k;
            x = left + grid.columnLeft[std::size_t(std::min(column, grid.columns - 1))];
            rowTop = top - row * grid.rowHeight;
            room =
                (column + 1 < grid.columns ? left + grid.columnLeft[std::size_t(column + 1)] - 0.5 * f : bandRight) - x;
        } else {
            ++note;
        }
        const double mid = rowTop - grid.rowHeight / 2;
        const float sx = float(x), sy = float(mid), w = float(grid.symbolWidth);
        switch (e.symbol) {
            case S::Swatch:
                setPen(painter, {0x80, 0x80, 0x80}, float(1 * s));
                setBrush(painter, e.colour);
                painter->DrawRect(sx, float(mid - 0.4 * f), w, float(0.8 * f));
                break;
            case S::Line:
                setPen(painter, e.colour, float(2 * s));
                painter->DrawLine(sx, sy, sx + w, sy);
                break;
            case S::Arrow: {
                setPen(painter, e.colour, float(1.2 * s));
                std::vector<float> arrow;
                appendArrowLines(arrow, sx, sy, sx + w, sy, 0.55 * f);
                painter->DrawLines(arrow.data(), int(arrow.size() / 2));
                break;
            }
            case S::HollowDot:
                OverlayItem::drawDot(painter, x + grid.symbolWidth / 2, mid, 0.4 * f, e.colour, true, s);
                break;
            case S::None:
                break;
        }
        const double indent = e.symbol == S::None ? 0 : grid.indent;
        setFont(painter, f, e.symbol == S::None ? palette::detailInk : palette::ink, 0, 1);
        drawText(painter, x + indent, mid, fitted(painter, e.text, room - indent));
    }
    return true;
}

}  // namespace cl::ui
