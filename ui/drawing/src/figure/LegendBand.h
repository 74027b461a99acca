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
    bool fullRow = false;  // a note on a row of its own under the grid (how arrows scale)
};

/// The entries of `panel`'s band: level curves and arrows (L1, L2), region colours (bracket;
/// the P map's colour bar is drawn by ColorBarItem above the band's grid), then the overlays'.
std::vector<LegendBandEntry> legendBandEntries(LandscapePanel panel, const LandscapeFieldData& data,
                                               const LandscapeOverlays* overlays, const LandscapeOptions& options);

/// Where the entries go: column-major in as many columns as fit the band's width.
struct LegendBandGrid {
    int columns = 1, rows = 0, fullRows = 0;
    std::vector<double> columnLeft;  // from the grid's left edge, pixels
    double width = 0, rowHeight = 0, symbolWidth = 0, indent = 0;
    double height() const { return (rows + fullRows) * rowHeight; }
};
LegendBandGrid legendBandGrid(const std::vector<LegendBandEntry>& entries, double bandWidth, double fontPx);

/// Height of the horizontal colour bar with its tick labels and title, for legend text of `fontPx`.
double colorBarBandHeight(double fontPx);

/// The whole band's height: the colour bar (P map) and the grid of entries.
double legendBandHeight(LandscapePanel panel, const std::vector<LegendBandEntry>& entries, double bandWidth,
                        double fontPx);

}  // namespace cl::ui
