#pragma once
// A panel's legend as a band below a narrow plot: its entries (symbol and text) and how they
// fill as many columns as fit. The layout asks for the band's height before the scene exists;
// LegendBandItem paints the same entries in the same grid.

#include "../LandscapeModel.h"

#include <string>
#include <vector>

namespace cl::ui {

struct LegendBandEntry {
    enum class Symbol { None, Swatch, Line, Arrow, HollowDot };
    Symbol symbol = Symbol::None;
    Rgb colour;
    std::string text;
    bool fullRow = false;  // a note on a row of its own (how arrows scale)
    int group = 0;         // 0: the panel's entries, 1: the overlays' (gridded apart, below)
};

/// The entries of `panel`'s band: level curves and arrows (L1, L2), region colours (bracket;
/// the P map's colour bar is drawn by ColorBarItem above the band's grid), then the overlays'.
std::vector<LegendBandEntry> legendBandEntries(LandscapePanel panel, const LandscapeFieldData& data,
                                               const LandscapeOverlays* overlays, const LandscapeOptions& options);

/// Where the entries go: blocks of consecutive entries (the panel's, its note, the overlays'),
/// one under the other, each column-major in as many columns as fit the band's width.
struct LegendBandGrid {
    struct Block {
        std::vector<std::size_t> entries;  // indices into the entry list
        int columns = 1, rows = 0;
        std::vector<double> columnLeft;  // from the block's left edge, pixels
        double width = 0;
    };
    std::vector<Block> blocks;
    double rowHeight = 0, symbolWidth = 0, indent = 0;
    double height() const
    {
        double rows = 0;
        for (const Block& b : blocks) rows += b.rows;
        return rows * rowHeight;
    }
};
LegendBandGrid legendBandGrid(const std::vector<LegendBandEntry>& entries, double bandWidth, double fontPx);

/// The horizontal colour bar's thickness and tick length for legend text of `fontPx`.
inline double colorBarThickness(double fontPx)
{
    return 0.6 * fontPx;
}
inline double colorBarTickLength(double fontPx)
{
    return 0.3 * fontPx;
}

/// Height of the horizontal colour bar with its tick labels and title, for legend text of `fontPx`.
double colorBarBandHeight(double fontPx);

/// The whole band's height: the colour bar (P map) and the grid of entries.
double legendBandHeight(LandscapePanel panel, const std::vector<LegendBandEntry>& entries, double bandWidth,
                        double fontPx);

}  // namespace cl::ui
