#include "ui/ChartLayout.h"

#include "FigureFont.h"
#include "TextMetrics.h"

#include "ui/FigureStyle.h"

#include <QFont>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace cl::ui {

namespace {

// The log charts' margins around the plot with the legend at the right, in pixels at 96 dpi: tick
// labels and the y title at the left, tick labels and the x title below, the title above. A narrow
// strip at the right when the legend is not there.
constexpr double kLeft = 90, kBottom = 64, kTop = 48, kRightNarrow = 24;
// The right margin that holds a legend: at most 300 px at 96 dpi and a third of the figure.
constexpr double kRightLegend = 300, kRightShare = 0.34;
// VTK's chart legend: 5 px of padding around and between entries; the gap from plot to legend.
constexpr double kVtkLegendPadding = 5, kLegendGap = 12, kSymbolWidth = 24;
// An inside legend may cover this much of the plot's width and height, no more.
constexpr double kInsideWidthShare = 0.3, kInsideHeightShare = 0.45;

QFont styleFont(int pixels, bool bold)
{
    return figureFont(pixels, bold);
}

double maxWidth(const std::vector<QString>& texts, int pixels)
{
    double w = 0;
    for (const QString& t : texts) w = std::max(w, textWidth(t, pixels));
    return w;
}

/// The largest start of `text` that with "…" is at most `available` wide.
/// The one way figures cut text with "…" (TextMetrics.h), measured in the chart's export font.
QString elide(const QString& text, int pixels, bool bold, double available)
{
    return QString::fromStdString(elidedText(text.toStdString(), available, [&](const std::string& t) {
        return textWidth(QString::fromStdString(t), pixels, bold);
    }));
}

/// The smallest 1-2-5 number ≥ x (VTK's "nice number", rounding up).
double niceAtLeast(double x)
{
    const double order = std::pow(10.0, std::floor(std::log10(x)));
    const double m = x / order;
    return (m <= 1 + 1e-9 ? 1 : m <= 2 + 1e-9 ? 2 : m <= 5 + 1e-9 ? 5 : 10) * order;
}

/// The next 1-2-5 step after `step`.
double nextNice(double step)
{
    return niceAtLeast(step * 1.5);
}

std::vector<double> ticksWithStep(double lo, double hi, double step)
{
    std::vector<double> ticks;
    for (double k = std::ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step && ticks.size() < 1000; k += 1)
        ticks.push_back(k * step + 0.0);  // + 0.0: no "-0"
    return ticks;
}

/// The first 1-2-5 step, from VTK's density, whose labels keep a gap between them.
double legibleStep(double lo, double hi, double length, int pixels, bool vertical)
{
    const double range = hi - lo;
    // vtkAxis puts a tick every 45 px across and 30 px up whatever the DPI; larger text needs fewer.
    const double maxTicks = std::max(1.0, std::round(length / (vertical ? 30.0 : 45.0)));
    double step = niceAtLeast(range / maxTicks);
    for (int i = 0; i < 40; ++i, step = nextNice(step)) {
        const std::vector<double> ticks = ticksWithStep(lo, hi, step);
        if (ticks.size() <= 1) return step;
        const double spacing = step / range * length;
        double need = 1.3 * textHeight(pixels);
        if (!vertical) {
            need = 0;
            for (std::size_t k = 1; k < ticks.size(); ++k)
                need = std::max(need, 0.5 * (textWidth(tickLabel(ticks[k - 1], step), pixels) +
                                             textWidth(tickLabel(ticks[k], step), pixels)));
            need += 0.8 * pixels;
        }
        if (spacing >= need) return step;
    }
    return step;
}

}  // namespace

int fontPixels(double points, double scale)
{
    return std::max(1, int(std::lround(pointsToPixels(points, scale))));
}

double textWidth(const QString& text, int pixels, bool bold)
{
    return QFontMetricsF(styleFont(pixels, bold)).horizontalAdvance(text);
}

double textHeight(int pixels)
{
    const QFontMetricsF metrics(styleFont(pixels, false));
    return metrics.ascent() + metrics.descent();
}

FittedText fitText(const QString& text, double points, double available, double scale, bool bold)
{
    FittedText fit{text, fontPixels(points, scale), 0, false};
    fit.width = textWidth(text, fit.pixels, bold);
    const int floor = fontPixels(figureStyle().minTextPt, scale);
    while (fit.width > available && fit.pixels > floor) {
        --fit.pixels;
        fit.width = textWidth(text, fit.pixels, bold);
    }
    if (fit.width > available) {
        fit.text = elide(text, fit.pixels, bold, available);
        fit.width = textWidth(fit.text, fit.pixels, bold);
        fit.elided = true;
    }
    return fit;
}

PlotRect legendRightPlotRect(int width, int height, double scale)
{
    const double left = kLeft * scale, bottom = kBottom * scale, top = kTop * scale;
    const double right = std::min(kRightLegend * scale, kRightShare * width);
    return {left, bottom, std::max(10.0, width - left - right), std::max(10.0, height - bottom - top)};
}

namespace {

/// The legend below the plot: entries row by row in as many columns (each as wide as its widest
/// entry) as fit the figure's width, the font shrinking towards the style's minTextPt while the block would
/// take more than a quarter of the figure's height.
LegendLayout legendBelow(const std::vector<QString>& labels, int width, int height, double scale)
{
    const double available = width - 16 * scale, gap = 12 * scale, symbolGap = 4 * scale;
    const double symbolWidth = kSymbolWidth * 0.75 * scale;
    const int n = int(labels.size());
    LegendLayout best;
    for (int pixels = fontPixels(figureStyle().legendPt, scale); pixels >= fontPixels(figureStyle().minTextPt, scale);
         --pixels) {
        LegendLayout l;
        l.place = LegendPlace::Below;
        l.labels = labels;
        l.pixels = pixels;
        l.symbolWidth = symbolWidth;
        for (QString& label : l.labels)  // an entry wider than the figure is cut (at the floor size only)
            if (symbolWidth + symbolGap + textWidth(label, pixels) > available)
                label = elide(label, pixels, false, available - symbolWidth - symbolGap);
        std::vector<double> entry;
        for (const QString& label : l.labels) entry.push_back(symbolWidth + symbolGap + textWidth(label, pixels));
        for (int columns = n; columns >= 1; --columns) {
            std::vector<double> widths(std::size_t(columns), 0.0);
            for (int i = 0; i < n; ++i)
                widths[std::size_t(i % columns)] = std::max(widths[std::size_t(i % columns)], entry[std::size_t(i)]);
            double total = gap * (columns - 1);
            for (double w : widths) total += w;
            if (total > available && columns > 1) continue;
            l.columns = columns;
            l.width = total;
            l.left = std::max(8 * scale, (width - total) / 2);
            double x = l.left;
            for (double w : widths) {
                l.columnLefts.push_back(x);
                x += w + gap;
            }
            break;
        }
        l.rows = (n + l.columns - 1) / l.columns;
        l.rowHeight = textHeight(pixels) + 3 * scale;
        l.height = l.rows * l.rowHeight;
        l.top = 5 * scale + l.height;
        best = l;
        if (l.height <= 0.25 * height) break;
    }
    return best;
}

/// VTK's own legend box (vtkChartLegend): the widest label, the symbol and padding.
LegendLayout vtkLegend(const std::vector<QString>& labels, LegendPlace place, double scale)
{
    LegendLayout l;
    l.place = place;
    l.labels = labels;
    l.pixels = fontPixels(figureStyle().legendPt, scale);
    l.symbolWidth = kSymbolWidth * scale;
    l.rowHeight = textHeight(l.pixels) + kVtkLegendPadding;
    l.rows = int(labels.size());
    l.width = l.symbolWidth + maxWidth(labels, l.pixels) + 3 * kVtkLegendPadding;
    l.height = l.rows * l.rowHeight + kVtkLegendPadding;
    return l;
}

}  // namespace

ChartLayout layoutChart(const ChartTexts& texts, int width, int height, double scale)
{
    ChartLayout layout;
    layout.scale = scale;
    layout.width = width;
    layout.height = height;
    const FigureStyle& style = figureStyle();
    const double tick = textHeight(fontPixels(style.tickPt, scale));
    const double axisTitle = textHeight(fontPixels(style.axisTitlePt, scale));
    const double titleHeight = texts.title.isEmpty() ? 0 : textHeight(fontPixels(style.titlePt, scale));
    // Without a legend at the right the margins hold just their text: y tick labels (room for
    // "-0.000") and the y title at the left; ticks, their labels and the x title below (above
    // the legend when it is there); the title above, clear of the top tick label.
    auto compact = [&](double floor) {
        PlotRect r;
        r.left = 8 * scale + textWidth(QStringLiteral("-0.000"), fontPixels(style.tickPt, scale)) +
                 (texts.yTitle.isEmpty() ? 0 : axisTitle + 6 * scale);
        r.width = std::max(10.0, width - r.left - kRightNarrow * scale);
        r.bottom = floor + 7 + 1.5 * tick + (texts.xTitle.isEmpty() ? 0 : axisTitle + 4 * scale) + 4 * scale;
        r.height = std::max(10.0, height - r.bottom - titleHeight - 0.5 * tick - 10 * scale);
        // Whole pixels: thin axis lines then fall on the pixel grid in every renderer (poppler
        // snaps strokes to it, Qt and librsvg do not).
        for (double* v : {&r.left, &r.bottom, &r.width, &r.height}) *v = std::round(*v);
        return r;
    };
    layout.plot = compact(0);
    if (!texts.legend.empty()) {
        if (texts.legendInside) {
            layout.legend = vtkLegend(texts.legend, LegendPlace::Inside, scale);
            if (layout.legend.width > kInsideWidthShare * layout.plot.width ||
                layout.legend.height > kInsideHeightShare * layout.plot.height)
                layout.legend = legendBelow(texts.legend, width, height, scale);
        } else {
            // The log charts' usual layout, unchanged where the legend fits its margin: it must
            // end inside the figure and be no taller than the plot.
            const PlotRect right = legendRightPlotRect(width, height, scale);
            layout.legend = vtkLegend(texts.legend, LegendPlace::Right, scale);
            const double end = right.left + right.width + kLegendGap * scale + layout.legend.width;
            if (end <= width - 4 * scale && layout.legend.height <= right.height)
                layout.plot = right;
            else
                layout.legend = legendBelow(texts.legend, width, height, scale);
        }
        if (layout.legend.place == LegendPlace::Below) layout.plot = compact(layout.legend.top);
    }
    // The title: centred over the plot, moved sideways to stay on the page, above the top tick
    // label (which reaches half a line above the plot).
    layout.title = fitText(texts.title, style.titlePt, width - 8 * scale, scale, texts.boldTitle);
    const double half = layout.title.width / 2;
    layout.titleX = std::clamp(layout.plot.left + layout.plot.width / 2, half + 4 * scale,
                               std::max(half + 4 * scale, width - half - 4 * scale));
    layout.titleBottom = layout.plot.bottom + layout.plot.height + 0.5 * tick + 4 * scale;
    layout.xTitle = fitText(texts.xTitle, style.axisTitlePt, layout.plot.width, scale, texts.boldAxisTitles);
    layout.yTitle = fitText(texts.yTitle, style.axisTitlePt, layout.plot.height, scale, texts.boldAxisTitles);
    return layout;
}

QString tickLabel(double value, double step)
{
    value = std::round(value / step) * step;
    if (std::abs(value) < 1e-9 * step) return QStringLiteral("0");
    const int digits = int(std::floor(std::log10(std::abs(value))) - std::floor(std::log10(step))) + 1;
    return QString::number(value, 'g', std::max(1, digits));
}

std::vector<double> legibleTicks(double lo, double hi, double length, int pixels, bool vertical)
{
    if (!(hi > lo) || !(length > 0) || !std::isfinite(lo) || !std::isfinite(hi)) return {};
    return ticksWithStep(lo, hi, legibleStep(lo, hi, length, pixels, vertical));
}

void widenToTicks(double& lo, double& hi, double length, int pixels, bool vertical)
{
    if (!(hi > lo) || !(length > 0)) return;
    const double step = legibleStep(lo, hi, length, pixels, vertical);
    lo = std::floor(lo / step + 1e-9) * step;
    hi = std::ceil(hi / step - 1e-9) * step;
}

}  // namespace cl::ui
