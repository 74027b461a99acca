#pragma once
// Where an XY chart (the log window's and the Schedule lab's) puts its parts at a given size, as
// data: the plot rectangle the axes are pinned to, the title and axis titles set to fit, where the
// legend goes, and tick positions whose labels do not collide. One pure function of the chart's
// texts and the figure's size, so the window, `commutelab render` and the tests agree. Sizes are
// in scene pixels at scale = dpi / 96 (FigureStyle.h); text is measured with the export's font
// (DejaVu Sans, no hinting, no kerning: PainterDevice), which on screen VTK draws from the same
// file.

#include <QString>

#include <vector>

namespace cl::ui {

/// A rectangle in scene pixels, origin bottom-left (VTK's context scene).
struct PlotRect {
    double left = 0, bottom = 0, width = 1, height = 1;
};

/// VTK's font size (the em in scene pixels) of `points` at `scale`.
int fontPixels(double points, double scale);
/// Width of `text` in the style's font with an em of `pixels`.
double textWidth(const QString& text, int pixels, bool bold = false);
/// Height of one line (ascent + descent) with an em of `pixels`.
double textHeight(int pixels);

struct FittedText {
    QString text;    // the whole text, or its start and "…"
    int pixels = 0;  // font size (em, scene pixels)
    double width = 0;
    bool elided = false;
};
/// `text` at `points`; when wider than `available`, smaller down to the style's minTextPt (7 pt), then cut at the end
/// with "…" (titles stay on one line: a paper's column has no room for a second one).
FittedText fitText(const QString& text, double points, double available, double scale, bool bold = false);

/// Where the legend goes: in the margin right of the plot (the log charts at their usual sizes),
/// inside the plot's top or bottom right corner (the lab charts at theirs), or below the plot in
/// as many columns as fit, when either would take more than about a third of the figure.
enum class LegendPlace { None, Right, Inside, Below };

struct LegendLayout {
    LegendPlace place = LegendPlace::None;
    std::vector<QString> labels;  // as drawn (whole unless even one column is too narrow)
    int pixels = 0;               // label font
    double symbolWidth = 0, rowHeight = 0, width = 0, height = 0;
    int columns = 1, rows = 0;        // Below: entries row by row, left to right
    std::vector<double> columnLefts;  // Below: each column's left edge (scene pixels)
    double left = 0, top = 0;         // Below: the block's top-left corner (scene pixels)
};

struct ChartTexts {
    QString title, xTitle, yTitle;
    bool boldTitle = false, boldAxisTitles = false;
    std::vector<QString> legend;  // the legend's entries, in order
    bool legendInside = false;    // the chart's legend sits inside the plot when it fits (lab charts)
    bool legendAtBottom = false;  // inside: the bottom right corner instead of the top right
};

struct ChartLayout {
    double scale = 1;
    int width = 0, height = 0;
    PlotRect plot;
    FittedText title, xTitle, yTitle;
    double titleX = 0, titleBottom = 0;  // the title's centre and the bottom of its box (scene pixels)
    LegendLayout legend;
};

/// The plot with the legend in the right margin (the log charts' layout at their usual sizes).
PlotRect legendRightPlotRect(int width, int height, double scale);

/// The layout of a chart with `texts` in a width×height scene at `scale`.
ChartLayout layoutChart(const ChartTexts& texts, int width, int height, double scale);

/// Tick positions on [lo, hi] for an axis `length` pixels long: multiples of a 1-2-5 step, starting
/// from VTK's density (a tick every 45 px across, 30 px up, at every DPI) and coarser until
/// neighbouring labels (font em `pixels`) are a gap apart.
std::vector<double> legibleTicks(double lo, double hi, double length, int pixels, bool vertical);
/// The label such a tick carries (for measuring; VTK formats the drawn one alike).
QString tickLabel(double value, double step);
/// The range [lo, hi] widened to the nearest ticks outside it (as VTK's automatic axes do).
void widenToTicks(double& lo, double& hi, double length, int pixels, bool vertical);

}  // namespace cl::ui
