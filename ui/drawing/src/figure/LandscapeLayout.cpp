// The landscape figure's panel layout. Wide panels (the screen, render's defaults) keep the
// legend in a column right of the plot, with margins in logical pixels × scale. When that column
// would leave the plot less than the style's minPlotShare of the width the two share (a paper
// column, Figure 1 at 7 in, a small window), and a band below gives a larger plot, every panel
// of the figure puts its legend below its plot, and margins and text follow the style's points.

#include "LandscapeLayout.h"

#include "../AxesItem.h"
#include "../ColorBarItem.h"
#include "../LossLegendItem.h"
#include "FieldStatistics.h"
#include "LegendBand.h"
#include "TextMetrics.h"
#include "ui/FigureStyle.h"

#include <algorithm>
#include <numeric>

namespace cl::ui {

namespace {

constexpr double lineHeight = 1.2;  // a text row, in ems

double columnWidth(LandscapePanel panel)
{
    switch (panel) {
        case LandscapePanel::L1:
        case LandscapePanel::L2:
            return LossLegendItem::columnWidth;
        case LandscapePanel::Bracket:
            return 250;
        case LandscapePanel::PMap:
            return ColorBarItem::columnWidth;
    }
    return 0;
}

bool hasHeading(const LandscapeFigureSpec& spec)
{
    return spec.panels.size() > 1 && !spec.title.empty();
}

double aspectOf(const DataRect& r)
{
    return r.xmax > r.xmin && r.ymax > r.ymin ? (r.xmax - r.xmin) / (r.ymax - r.ymin) : 1.0;
}

/// Wide panels: every panel's fixed width (margins and its legend column), one plot width for
/// all, and the spare width and height around the row.
struct WideRow {
    std::vector<double> fixed;
    double plotWidth = 10, aspect = 1, cellHeight = 0, spareWidth = 0, spareHeight = 0;
};

WideRow wideRow(const LandscapeFigureSpec& spec, const DataRect& r, double width, double height, double scale)
{
    WideRow row;
    const std::size_t count = std::max<std::size_t>(1, spec.panels.size());
    row.cellHeight = height - (hasHeading(spec) ? (spec.subtitle.empty() ? 34 : 52) * scale : 0);
    const double fixedPerPanel = (PlotLayout::marginLeft + PlotLayout::gap + PlotLayout::marginRight) * scale;
    for (LandscapePanel p : spec.panels) row.fixed.push_back(fixedPerPanel + columnWidth(p) * scale);
    if (row.fixed.empty()) row.fixed.push_back(fixedPerPanel + columnWidth(LandscapePanel::Bracket) * scale);
    // Both axes have the same units (arrows and level curves keep their shapes), so the plot's
    // aspect is the data rectangle's and the plot is limited by the width or by the height.
    row.aspect = (r.xmax - r.xmin) / (r.ymax - r.ymin);
    const double fixedSum = std::accumulate(row.fixed.begin(), row.fixed.end(), 0.0);
    const double margins = (PlotLayout::marginTop + PlotLayout::marginBottom) * scale;
    row.plotWidth =
        std::max(10.0, std::min((width - fixedSum) / double(count), (row.cellHeight - margins) * row.aspect));
    row.spareWidth = std::max(0.0, width - fixedSum - double(count) * row.plotWidth);
    row.spareHeight = std::max(0.0, row.cellHeight - (row.plotWidth / row.aspect + margins));
    return row;
}

double widestTickLabel(double lo, double hi, double pixelSize)
{
    double widest = 0;
    for (double v : AxesItem::ticks(lo, hi, 5)) widest = std::max(widest, textWidth(AxesItem::tickLabel(v), pixelSize));
    return widest;
}

/// Narrow panels' sizes in pixels, from the style's points: text, margins around the plot, the
/// figure's heading and the legend band with a gap above and below it.
struct NarrowRow {
    double title = 0, subtitle = 0, tick = 0, axisTitle = 0, legend = 0, tickLength = 0, gap = 0;
    double left = 0, right = 0, top = 0, bottom = 0, heading = 0, band = 0;
    double cellWidth = 0, aspect = 1, plotWidth = 10, spareHeight = 0;
    bool panelSubtitleWrapped = false, headingSubtitleWrapped = false;
    double panelSubtitle = 0, headingSubtitle = 0;  // their text sizes
};

NarrowRow narrowRow(const LandscapeFigureSpec& spec, const DataRect& r, double width, double height, double scale)
{
    const FigureStyle& style = figureStyle();
    auto px = [scale](double points) { return pointsToPixels(points, scale); };
    NarrowRow m;
    m.title = px(style.titlePt);
    m.subtitle = px(style.subtitlePt);
    m.tick = px(style.tickPt);
    m.axisTitle = px(style.axisTitlePt);
    m.legend = px(style.legendPt);
    m.tickLength = px(3.5);
    m.gap = px(2);
    const std::size_t count = std::max<std::size_t>(1, spec.panels.size());
    m.cellWidth = width / double(count);
    m.left = m.tickLength + m.gap + widestTickLabel(r.ymin, r.ymax, m.tick) + m.gap + lineHeight * m.axisTitle + m.gap;
    // θ₁ sits at the right end of the x tick labels' row: the x axis costs one row of height.
    m.right = widestTickLabel(r.xmin, r.xmax, m.tick) / 2 + m.gap + textWidth("\u03b8\u2081", m.axisTitle) + m.gap;
    const bool panelSubtitle = spec.panels.size() <= 1 && !spec.subtitle.empty();
    // A subtitle (the formulas) that does not fit at the smallest text goes on two lines.
    const double smallest = px(style.minTextPt);
    m.panelSubtitleWrapped = panelSubtitle && textWidth(spec.subtitle, smallest) > m.cellWidth - 8 * scale;
    m.headingSubtitleWrapped =
        hasHeading(spec) && !spec.subtitle.empty() && textWidth(spec.subtitle, smallest) > width - 8 * scale;
    const double panelSubtitleRows = panelSubtitle ? (m.panelSubtitleWrapped ? 2 : 1) : 0;
    const double headingSubtitleRows = spec.subtitle.empty() ? 0 : (m.headingSubtitleWrapped ? 2 : 1);
    // Wrapped lines are set at the smallest size: one line did not fit even there.
    m.panelSubtitle = m.panelSubtitleWrapped ? smallest : m.subtitle;
    m.headingSubtitle = m.headingSubtitleWrapped ? smallest : m.subtitle;
    m.top = m.gap + lineHeight * m.title + panelSubtitleRows * lineHeight * m.panelSubtitle + m.gap;
    m.bottom = m.tickLength + m.gap + lineHeight * std::max(m.tick, m.axisTitle);
    m.heading = hasHeading(spec)
                    ? 2.5 * m.gap + lineHeight * m.title + headingSubtitleRows * lineHeight * m.headingSubtitle
                    : 0;
    const auto data = sharedFieldData(spec.grid, spec.options);
    double band = 0;
    for (LandscapePanel p : spec.panels)
        band = std::max(band, legendBandHeight(p, legendBandEntries(p, *data, spec.overlays.get(), spec.options),
                                               m.cellWidth - 2 * m.gap, m.legend));
    m.band = band + 2 * m.gap;
    m.aspect = aspectOf(r);
    const double vertical = m.heading + m.top + m.bottom + m.band;
    m.plotWidth = std::max(10.0, std::min(m.cellWidth - m.left - m.right, (height - vertical) * m.aspect));
    m.spareHeight = std::max(0.0, height - vertical - m.plotWidth / m.aspect);
    return m;
}

/// Whether the figure's legends go below its plots: a column squeezes some plot below the
/// style's share, and the band gives the plots more room.
bool legendsBelow(const LandscapeFigureSpec& spec, const DataRect& r, double width, double height, double scale)
{
    const WideRow wide = wideRow(spec, r, width, height, scale);
    double share = 1;
    for (LandscapePanel p : spec.panels)
        share = std::min(share, wide.plotWidth / (wide.plotWidth + columnWidth(p) * scale));
    if (share >= figureStyle().minPlotShare) return false;
    return narrowRow(spec, r, width, height, scale).plotWidth > wide.plotWidth;
}

void setNarrowText(PlotLayout& l, const NarrowRow& m)
{
    l.legendBelow = true;
    l.titlePx = m.title;
    l.subtitlePx = m.subtitle;
    l.tickPx = m.tick;
    l.axisTitlePx = m.axisTitle;
    l.legendPx = m.legend;
    l.tickLength = m.tickLength;
}

}  // namespace

PlotLayout landscapeLayout(const LandscapeFigureSpec& spec, const DataRect& r, std::size_t index, double width,
                           double height, double scale)
{
    const std::size_t count = std::max<std::size_t>(1, spec.panels.size());
    if (!legendsBelow(spec, r, width, height, scale)) {
        const WideRow row = wideRow(spec, r, width, height, scale);
        double cellLeft = row.spareWidth / 2;
        for (std::size_t k = 0; k < index && k < row.fixed.size(); ++k) cellLeft += row.fixed[k] + row.plotWidth;
        const std::size_t k = std::min(index, row.fixed.size() - 1);
        const double fixedPerPanel = (PlotLayout::marginLeft + PlotLayout::gap + PlotLayout::marginRight) * scale;
        const double column = row.fixed[k] - fixedPerPanel;
        // Several panels: the row (with the heading above it) is centred in the figure's height, so
        // a figure taller than its width-limited panels need keeps them in the middle, not hung from
        // the top over an empty lower third. One panel is centred in its cell by PlotLayout.
        const double cellBottom = count > 1 ? row.spareHeight / 2 : 0.0;
        const double cellHeight = count > 1 ? row.cellHeight - row.spareHeight : row.cellHeight;
        return PlotLayout::compute(cellLeft, cellBottom, row.fixed[k] + row.plotWidth, cellHeight, r.xmin, r.xmax,
                                   r.ymin, r.ymax, column, scale);
    }
    const NarrowRow m = narrowRow(spec, r, width, height, scale);
    PlotLayout l;
    l.scale = scale;
    l.xmin = r.xmin;
    l.xmax = r.xmax;
    l.ymin = r.ymin;
    l.ymax = r.ymax;
    l.cellLeft = double(std::min(index, count - 1)) * m.cellWidth;
    l.cellWidth = m.cellWidth;
    l.width = m.plotWidth;
    l.height = std::max(10.0, m.plotWidth / m.aspect);
    // The plot and its margins centred in the cell; the block from the panel titles down to the
    // band centred in the figure's height.
    l.left = l.cellLeft + (m.cellWidth - (m.left + l.width + m.right)) / 2 + m.left;
    l.bottom = m.spareHeight / 2 + m.band + m.bottom;
    l.columnLeft = l.left + l.width;
    l.columnTop = l.bottom + l.height;
    l.columnWidth = 0;
    l.titleY = l.bottom + l.height + m.gap;
    l.bandLeft = l.cellLeft + m.gap;
    l.bandWidth = m.cellWidth - 2 * m.gap;
    l.bandTop = l.bottom - m.bottom - m.gap;
    l.bandHeight = m.band - 2 * m.gap;
    setNarrowText(l, m);
    l.subtitleWrapped = m.panelSubtitleWrapped;
    l.subtitlePx = m.panelSubtitle;
    return l;
}

double landscapeLayoutHeight(const LandscapeFigureSpec& spec, const DataRect& r, double width, double scale)
{
    // The width-limited row at an unbounded height, then exactly the height it needs.
    constexpr double unbounded = 1e9;
    if (!legendsBelow(spec, r, width, unbounded, scale)) {
        const WideRow row = wideRow(spec, r, width, unbounded, scale);
        const double needed = row.plotWidth / row.aspect + (PlotLayout::marginTop + PlotLayout::marginBottom) * scale;
        return needed + (hasHeading(spec) ? (spec.subtitle.empty() ? 34 : 52) * scale : 0);
    }
    const NarrowRow m = narrowRow(spec, r, width, unbounded, scale);
    return m.heading + m.top + m.plotWidth / m.aspect + m.bottom + m.band;
}

PlotLayout landscapeHeadingLayout(const LandscapeFigureSpec& spec, const DataRect& r, double width, double height,
                                  double scale)
{
    PlotLayout l;
    l.scale = scale;
    l.left = 0;
    l.width = width;
    l.cellLeft = 0;
    l.cellWidth = width;
    if (!legendsBelow(spec, r, width, height, scale)) {
        // Over the row, which is centred in the height (landscapeLayout).
        const double spare = wideRow(spec, r, width, height, scale).spareHeight;
        l.titleY = height - spare / 2 - (spec.subtitle.empty() ? 26 : 28) * scale;
        l.titlePx = 15 * scale;
        l.subtitlePx = 11.5 * scale;
        return l;
    }
    const NarrowRow m = narrowRow(spec, r, width, height, scale);
    const double subtitleRows = spec.subtitle.empty() ? 0 : (m.headingSubtitleWrapped ? 2 : 1);
    l.titleY =
        height - m.spareHeight / 2 - 1.5 * m.gap - lineHeight * m.title - subtitleRows * lineHeight * m.headingSubtitle;
    setNarrowText(l, m);
    l.subtitleWrapped = m.headingSubtitleWrapped;
    l.subtitlePx = m.headingSubtitle;
    return l;
}

}  // namespace cl::ui
