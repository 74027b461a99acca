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

void LegendBandItem::paintEntry(vtkContext2D* painter, const LegendBandEntry& e, const LegendBandGrid& grid, double x,
                                double mid, double room)
{
    using S = LegendBandEntry::Symbol;
    const double f = layout().legendPx, s = layout().scale;
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

bool LegendBandItem::Paint(vtkContext2D* painter)
{
    if (!model()) return true;
    const PlotLayout& l = layout();
    const double f = l.legendPx;
    const std::vector<LegendBandEntry> entries =
        legendBandEntries(model()->panel, *model()->data, model()->overlays.get(), model()->options);
    const LegendBandGrid grid = legendBandGrid(entries, l.bandWidth, f);
    // The blocks start under the P map's colour bar.
    double top = l.bandTop - (model()->panel == LandscapePanel::PMap ? colorBarBandHeight(f) : 0);
    const double bandRight = l.bandLeft + l.bandWidth;
    for (const LegendBandGrid::Block& block : grid.blocks) {
        // Each block centred under the plot and kept in the band.
        const double left = std::clamp(l.left + l.width / 2 - block.width / 2, l.bandLeft,
                                       std::max(l.bandLeft, bandRight - block.width));
        for (std::size_t k = 0; k < block.entries.size(); ++k) {
            const LegendBandEntry& e = entries[block.entries[k]];
            const int column = int(k) / block.rows, row = int(k) % block.rows;
            const double x = left + block.columnLeft[std::size_t(std::min(column, block.columns - 1))];
            const double room =
                (column + 1 < block.columns ? left + block.columnLeft[std::size_t(column + 1)] - 0.5 * f : bandRight) -
                x;
            paintEntry(painter, e, grid, x, top - (row + 0.5) * grid.rowHeight, room);
        }
        top -= block.rows * grid.rowHeight;
    }
    return true;
}

}  // namespace cl::ui
