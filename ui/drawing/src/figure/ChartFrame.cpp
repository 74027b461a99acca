#include "ChartFrame.h"

#include "ChartLegendItem.h"
#include "ChartTitleItem.h"

#include "ui/FigureStyle.h"

#include <vtkAxis.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkPlot.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>

namespace cl::ui {

namespace {

/// vtkAxis puts its title this many pixels below its tick labels, whatever the DPI.
constexpr float kVtkAxisTitleGap = 10;

/// The plots VTK's legend would list: visible, in the legend, with a label.
std::vector<vtkSmartPointer<vtkPlot>> legendPlots(vtkChartXY* chart)
{
    std::vector<vtkSmartPointer<vtkPlot>> plots;
    for (vtkIdType i = 0; i < chart->GetNumberOfPlots(); ++i) {
        vtkPlot* plot = chart->GetPlot(i);
        if (plot->GetVisible() && plot->GetLegendVisibility() && !plot->GetLabel().empty()) plots.emplace_back(plot);
    }
    return plots;
}

void setFittedText(vtkTextProperty* text, const FittedText& fit, bool bold)
{
    useStyleFont(text, bold);
    text->SetFontSize(fit.pixels);
}

}  // namespace

ChartTexts chartTexts(vtkChartXY* chart, const ChartFrameOptions& options)
{
    ChartTexts texts;
    texts.title = QString::fromStdString(chart->GetTitle());
    texts.xTitle = QString::fromStdString(chart->GetAxis(vtkAxis::BOTTOM)->GetTitle());
    texts.yTitle = QString::fromStdString(chart->GetAxis(vtkAxis::LEFT)->GetTitle());
    texts.boldTitle = options.boldTitle;
    texts.boldAxisTitles = options.boldAxisTitles;
    texts.legendInside = options.legendInside;
    texts.legendAtBottom = options.legendAtBottom;
    for (vtkPlot* plot : legendPlots(chart)) texts.legend.push_back(QString::fromStdString(plot->GetLabel()));
    return texts;
}

void applyChartLayout(vtkContextScene* scene, vtkChartXY* chart, const ChartLayout& layout,
                      const ChartFrameOptions& options)
{
    const PlotRect& r = layout.plot;
    chart->SetLayoutStrategy(vtkChart::AXES_TO_RECT);
    chart->SetSize(vtkRectf(float(r.left), float(r.bottom), float(r.width), float(r.height)));
    chart->SetTitle("");  // ChartTitleItem draws it, clear of the top tick label
    vtkNew<ChartTitleItem> title;
    title->setTitle(layout.title, layout.titleX, layout.titleBottom, options.boldTitle);
    scene->AddItem(title);
    vtkAxis* x = chart->GetAxis(vtkAxis::BOTTOM);
    vtkAxis* y = chart->GetAxis(vtkAxis::LEFT);
    x->SetTitle(layout.xTitle.text.toStdString());
    y->SetTitle(layout.yTitle.text.toStdString());
    setFittedText(x->GetTitleProperties(), layout.xTitle, options.boldAxisTitles);
    setFittedText(y->GetTitleProperties(), layout.yTitle, options.boldAxisTitles);
    // The x labels start below the lowest y label's lower half, so the two never meet at the
    // corner; but no lower than vtkAxis's 10 px between the labels' top and its title (a fixed
    // gap at every DPI). clearCorner handles what is left.
    const double tickHeight = textHeight(fontPixels(figureStyle().tickPt, layout.scale));
    x->SetLabelOffset(std::clamp(float(0.5 * tickHeight + 1), x->GetLabelOffset(), kVtkAxisTitleGap));

    const LegendLayout& l = layout.legend;
    vtkChartLegend* legend = chart->GetLegend();
    chart->SetShowLegend(l.place == LegendPlace::Right || l.place == LegendPlace::Inside);
    useStyleFont(legend->GetLabelProperties());
    legend->SetLabelSize(l.pixels);
    legend->SetSymbolWidth(int(l.symbolWidth));
    legend->SetDragEnabled(false);
    if (l.place == LegendPlace::Right) {
        // In the margin right of the plot, top-aligned with it: never over the data. A custom
        // point is the legend's lower-left corner.
        legend->SetInline(false);
        legend->SetHorizontalAlignment(vtkChartLegend::CUSTOM);
        legend->SetVerticalAlignment(vtkChartLegend::CUSTOM);
        legend->SetPoint(
            vtkVector2f(float(r.left + r.width + 12 * layout.scale), float(r.bottom + r.height - l.height)));
    } else if (l.place == LegendPlace::Inside) {
        legend->SetInline(true);
        legend->SetHorizontalAlignment(vtkChartLegend::RIGHT);
        legend->SetVerticalAlignment(options.legendAtBottom ? vtkChartLegend::BOTTOM : vtkChartLegend::TOP);
    } else if (l.place == LegendPlace::Below) {
        vtkNew<ChartLegendItem> below;
        below->setEntries(legendPlots(chart), l, layout.scale);
        scene->AddItem(below);
    }
}

void fitAxisTicks(vtkAxis* axis, double length, double scale)
{
    // Custom ticks (decades, named categories) are already in the positions array; VTK fills it
    // for automatic ticks only when the chart is painted.
    if (axis->GetBehavior() != vtkAxis::FIXED || axis->GetTickPositions()->GetNumberOfTuples() > 0) return;
    const bool vertical = axis->GetPosition() == vtkAxis::LEFT || axis->GetPosition() == vtkAxis::RIGHT;
    const int pixels = fontPixels(figureStyle().tickPt, scale);
    const std::vector<double> ticks = legibleTicks(axis->GetMinimum(), axis->GetMaximum(), length, pixels, vertical);
    if (ticks.empty()) return;
    vtkNew<vtkDoubleArray> positions;
    for (double t : ticks) positions->InsertNextValue(t);
    axis->SetCustomTickPositions(positions);  // labels formatted by VTK, as its own ticks are
}

void clearCorner(vtkChartXY* chart, double scale)
{
    vtkAxis* x = chart->GetAxis(vtkAxis::BOTTOM);
    vtkAxis* y = chart->GetAxis(vtkAxis::LEFT);
    const double tickHeight = textHeight(fontPixels(figureStyle().tickPt, scale));
    if (x->GetLabelOffset() >= 0.5 * tickHeight + 1) return;  // the labels clear each other
    vtkDoubleArray* xs = x->GetTickPositions();
    vtkDoubleArray* ys = y->GetTickPositions();
    auto atStart = [](vtkDoubleArray* ticks, vtkAxis* axis) {
        const double span = axis->GetMaximum() - axis->GetMinimum();
        return ticks->GetNumberOfTuples() > 1 && std::abs(ticks->GetValue(0) - axis->GetMinimum()) < 1e-9 * span;
    };
    if (!atStart(xs, x) || !atStart(ys, y)) return;
    vtkNew<vtkDoubleArray> rest;  // the x axis's first label gives way to the y axis's
    for (vtkIdType i = 1; i < xs->GetNumberOfTuples(); ++i) rest->InsertNextValue(xs->GetValue(i));
    x->SetCustomTickPositions(rest);
}

ChartLayout finishChart(vtkContextScene* scene, vtkChartXY* chart, int width, int height, double scale,
                        const ChartFrameOptions& options)
{
    const ChartLayout layout = layoutChart(chartTexts(chart, options), width, height, scale);
    applyChartLayout(scene, chart, layout, options);
    fitAxisTicks(chart->GetAxis(vtkAxis::BOTTOM), layout.plot.width, scale);
    fitAxisTicks(chart->GetAxis(vtkAxis::LEFT), layout.plot.height, scale);
    clearCorner(chart, scale);
    return layout;
}

}  // namespace cl::ui
