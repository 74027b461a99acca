#include "LegendBand.h"

#include "../LegendItem.h"
#include "../LevelCurvesItem.h"
#include "TextMetrics.h"

#include <algorithm>
#include <cstdio>

namespace cl::ui {

namespace {

std::string levelText(const std::string& loss, double level)
{
    char text[64];
    std::snprintf(text, sizeof text, "%s = %.3g", loss.c_str(), level);
    return text;
}

}  // namespace

std::vector<LegendBandEntry> legendBandEntries(LandscapePanel panel, const LandscapeFieldData& data,
                                               const LandscapeOverlays* overlays, const LandscapeOptions& options)
{
    using S = LegendBandEntry::Symbol;
    std::vector<LegendBandEntry> entries;
    const ColorMap sequential = ColorMap::named(withKnownColorMaps(options).colorMap);
    if (panel == LandscapePanel::L1 || panel == LandscapePanel::L2) {
        // The highest and the lowest level curve, as the column's list runs from top to bottom.
        const bool first = panel == LandscapePanel::L1;
        const std::string loss = first ? "L\u2081" : "L\u2082";
        const auto& levels = first ? data.l1Curves : data.l2Curves;
        for (std::size_t k : {levels.size() - 1, std::size_t(0)}) {
            if (levels.empty() || (k == 0 && levels.size() < 2)) continue;
            entries.push_back({S::Line, LevelCurvesItem::levelColour(sequential, k, levels.size()),
                               levelText(loss, levels[k].level)});
        }
        entries.push_back({S::Arrow, palette::arrow, "\u2212\u2207" + loss + " (flow)"});
        entries.push_back(
            {S::None, palette::detailInk, LegendItem::arrowScalingText(options.arrowScaling, "\u2207" + loss), true});
    } else if (panel == LandscapePanel::Bracket) {
        const RegionTints tints = regionTints(options.colorBlindRegions);
        entries.push_back({S::Swatch, tints.green, "\u27e8R,g\u2081\u27e9 > 0 and \u27e8R,g\u2082\u27e9 > 0"});
        entries.push_back({S::Swatch, tints.purple, "\u27e8R,g\u2081\u27e9 < 0 and \u27e8R,g\u2082\u27e9 < 0"});
        entries.push_back({S::Swatch, palette::regionNeutral, "mixed signs"});
        if (data.summary.undefinedFraction > 0) entries.push_back({S::Swatch, palette::regionUndefined, "undefined"});
    }
    if (overlays && !overlays->points.empty()) {
        entries.push_back({S::Line, palette::flowMixed, "mixed (\u00bd, \u00bd)", false, 1});
        entries.push_back({S::Line, palette::flowOneThenTwo, "L\u2081 then L\u2082", false, 1});
        entries.push_back({S::Line, palette::flowTwoThenOne, "L\u2082 then L\u2081", false, 1});
        entries.push_back({S::HollowDot, palette::ink, "predicted \u00b1\u00bd\u0394t\u00b2R", false, 1});
    }
    if (overlays && !overlays->descentPaths.empty())
        entries.push_back({S::Line, palette::descentPath, "descent path", false, 1});
    return entries;
}

LegendBandGrid legendBandGrid(const std::vector<LegendBandEntry>& entries, double bandWidth, double fontPx)
{
    LegendBandGrid grid;
    grid.rowHeight = 1.3 * fontPx;
    grid.symbolWidth = 1.7 * fontPx;
    grid.indent = grid.symbolWidth + 0.45 * fontPx;
    const double gap = 1.1 * fontPx;
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const bool sameBlock =
            k > 0 && !entries[k].fullRow && !entries[k - 1].fullRow && entries[k].group == entries[k - 1].group;
        if (!sameBlock) grid.blocks.emplace_back();
        grid.blocks.back().entries.push_back(k);
    }
    for (LegendBandGrid::Block& block : grid.blocks) {
        std::vector<double> widths;
        for (std::size_t k : block.entries) {
            const LegendBandEntry& e = entries[k];
            // 6 % to spare: on screen VTK's FreeType sets the same font a little wider than Qt measures.
            widths.push_back((e.symbol == LegendBandEntry::Symbol::None ? 0 : grid.indent) +
                             1.06 * textWidth(e.text, fontPx));
        }
        const int n = int(widths.size());
        // The most columns whose widest entries fit side by side; one column if none do (its
        // text is then elided when painted).
        for (int columns = n; columns >= 1; --columns) {
            const int rows = (n + columns - 1) / columns;
            std::vector<double> left;
            double x = 0;
            for (int c = 0; c * rows < n; ++c) {
                double widest = 0;
                for (int k = c * rows; k < std::min(n, (c + 1) * rows); ++k) widest = std::max(widest, widths[k]);
                left.push_back(x);
                x += widest + gap;
            }
            const double width = std::max(0.0, x - gap);
            if (width <= bandWidth || columns == 1) {
                block.columns = int(left.size());
                block.rows = rows;
                block.columnLeft = left;
                block.width = std::min(width, bandWidth);
                break;
            }
        }
    }
    return grid;
}

double colorBarBandHeight(double fontPx)
{
    // Bar, tick marks, a row of tick labels and a row for the title and the scale's description.
    return colorBarThickness(fontPx) + colorBarTickLength(fontPx) + 2 * 1.2 * fontPx;
}

double legendBandHeight(LandscapePanel panel, const std::vector<LegendBandEntry>& entries, double bandWidth,
                        double fontPx)
{
    const double bar = panel == LandscapePanel::PMap ? colorBarBandHeight(fontPx) : 0;
    return bar + legendBandGrid(entries, bandWidth, fontPx).height();
}

}  // namespace cl::ui
