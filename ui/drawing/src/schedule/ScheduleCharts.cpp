#include "ui/schedule/ScheduleCharts.h"

#include "ui/FigureStyle.h"

#include "../figure/ChartFrame.h"
#include "ChartFonts.h"
#include "HeatMapItem.h"

#include <vtkAxis.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkPen.h>
#include <vtkPlot.h>
#include <vtkPlotPoints.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>

namespace cl::ui::schedule {

namespace {

vtkSmartPointer<vtkTable> table(const std::vector<double>& x, const std::vector<double>& y)
{
    auto t = vtkSmartPointer<vtkTable>::New();
    vtkNew<vtkDoubleArray> xs, ys;
    xs->SetName("x");
    ys->SetName("y");
    t->AddColumn(xs);
    t->AddColumn(ys);
    const auto n = vtkIdType(std::min(x.size(), y.size()));
    t->SetNumberOfRows(n);
    for (vtkIdType i = 0; i < n; ++i) {
        t->SetValue(i, 0, x[std::size_t(i)]);
        t->SetValue(i, 1, y[std::size_t(i)]);
    }
    return t;
}

vtkChartXY* newChart(vtkContextScene* scene, const ChartLabels& labels, double scale)
{
    const FigureStyle& style = figureStyle();
    vtkNew<vtkChartXY> chart;
    scene->AddItem(chart);
    chart->SetTitle(labels.title.toStdString());
    useStyleFont(chart->GetTitleProperties(), style.titlePt, scale, true);
    chart->GetAxis(vtkAxis::BOTTOM)->SetTitle(labels.x.toStdString());
    chart->GetAxis(vtkAxis::LEFT)->SetTitle(labels.y.toStdString());
    for (int axis : {vtkAxis::BOTTOM, vtkAxis::LEFT}) {
        useStyleFont(chart->GetAxis(axis)->GetLabelProperties(), style.tickPt, scale);
        useStyleFont(chart->GetAxis(axis)->GetTitleProperties(), style.axisTitlePt, scale, true);
        chart->GetAxis(axis)->GetPen()->SetWidth(float(pointsToPixels(style.axisLinePt, scale)));
    }
    return chart;  // owned by the scene
}

/// `axis` fixed to [lo, hi] widened to legible ticks (as VTK's automatic axes widen to theirs).
void setTickedRange(vtkAxis* axis, double lo, double hi, double length, double scale)
{
    if (!(lo <= hi) || !std::isfinite(lo) || !std::isfinite(hi)) lo = 0, hi = 1;
    if (hi - lo <= 1e-12 * std::max(1.0, std::abs(lo))) {  // one value: a unit-wide window around it
        const double half = std::max(0.5, 0.1 * std::abs(lo));
        lo -= half, hi += half;
    }
    const bool vertical = axis->GetPosition() == vtkAxis::LEFT;
    widenToTicks(lo, hi, length, fontPixels(figureStyle().tickPt, scale), vertical);
    axis->SetBehavior(vtkAxis::FIXED);
    axis->SetRange(lo, hi);
    fitAxisTicks(axis, length, scale);
}

/// Lays the chart out (ChartFrame: the legend inside the plot while it fits, else below it) and
/// fixes the axes to the data's range [x0, x1] × [y0, y1] widened to ticks.
void finishLabChart(vtkContextScene* scene, vtkChartXY* chart, const ChartLabels& labels, int width, int height,
                    double scale, double x0, double x1, double y0, double y1)
{
    const ChartFrameOptions frame{true, true, true, labels.legendAtBottom};
    const ChartLayout layout = layoutChart(chartTexts(chart, frame), width, height, scale);
    applyChartLayout(scene, chart, layout, frame);
    setTickedRange(chart->GetAxis(vtkAxis::BOTTOM), x0, x1, layout.plot.width, scale);
    setTickedRange(chart->GetAxis(vtkAxis::LEFT), y0, y1, layout.plot.height, scale);
    clearCorner(chart, scale);
}

}  // namespace

ScaledScenePopulator xyChart(const ChartLabels& labels, std::vector<Series> series)
{
    return [labels, series = std::move(series)](vtkContextScene* scene, int width, int height, double scale) {
        vtkChartXY* chart = newChart(scene, labels, scale);
        double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
        for (const Series& s : series) {
            if (s.x.empty()) continue;
            for (std::size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i)
                if (std::isfinite(s.x[i]) && std::isfinite(s.y[i]))
                    x0 = std::min(x0, s.x[i]), x1 = std::max(x1, s.x[i]), y0 = std::min(y0, s.y[i]),
                    y1 = std::max(y1, s.y[i]);
            vtkPlot* plot = chart->AddPlot(s.points ? vtkChart::POINTS : vtkChart::LINE);
            plot->SetInputData(table(s.x, s.y), 0, 1);
            plot->SetColor(s.colour.red(), s.colour.green(), s.colour.blue(), s.colour.alpha());
            // Series widths are pixels at 96 dpi (2 px = 1.5 pt): scaled with the figure.
            plot->SetWidth(float(s.width * scale));
            plot->SetLabel(s.name.toStdString());
            plot->SetLegendVisibility(s.inLegend);
            if (s.points)
                static_cast<vtkPlotPoints*>(plot)->SetMarkerStyle(vtkPlotPoints::CIRCLE);
            else
                plot->GetPen()->SetLineType(s.lineType);
        }
        finishLabChart(scene, chart, labels, width, height, scale, x0, x1, y0, y1);
    };
}

/// Bin centres and counts of the finite values in `bins` equal bins.
std::pair<std::vector<double>, std::vector<double>> histogramBins(std::vector<double> values, int bins)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
                 values.end());
    if (values.empty() || bins < 1) return {};
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    const double a = *lo, b = *hi > *lo ? *hi : *lo + 1e-12, width = (b - a) / bins;
    std::vector<double> centres(static_cast<std::size_t>(bins)), counts(static_cast<std::size_t>(bins), 0.0);
    for (int i = 0; i < bins; ++i) centres[std::size_t(i)] = a + (i + 0.5) * width;
    for (double v : values) counts[std::size_t(std::clamp(int((v - a) / width), 0, bins - 1))] += 1;
    return {centres, counts};
}

ScaledScenePopulator histogramChart(const ChartLabels& labels, std::vector<double> values, int bins, double marker)
{
    auto [centres, counts] = histogramBins(std::move(values), bins);
    return [labels, centres = std::move(centres), counts = std::move(counts), marker](vtkContextScene* scene, int width,
                                                                                      int height, double scale) {
        vtkChartXY* chart = newChart(scene, labels, scale);
        if (centres.empty()) {
            finishLabChart(scene, chart, labels, width, height, scale, 0, 1, 0, 1);
            return;
        }
        vtkPlot* bars = chart->AddPlot(vtkChart::BAR);
        bars->SetInputData(table(centres, counts), 0, 1);
        const Rgb bar = domainColor(1), line = domainColor(0);
        bars->SetColor(bar.r, bar.g, bar.b, 255);
        bars->SetLabel("trials");
        if (std::isfinite(marker)) {
            const double top = *std::max_element(counts.begin(), counts.end());
            vtkPlot* median = chart->AddPlot(vtkChart::LINE);
            median->SetInputData(table({marker, marker}, {0.0, top}), 0, 1);
            median->SetColor(line.r, line.g, line.b, 255);
            median->SetWidth(float(pointsToPixels(figureStyle().dataLinePt, scale)));
            median->SetLabel("median");
        }
        chart->SetBarWidthFraction(0.95f);
        // Whole bars: the outer bin edges, not only their centres, and the marker.
        const double half = centres.size() > 1 ? 0.5 * (centres[1] - centres[0]) : 0.5;
        double x0 = centres.front() - half, x1 = centres.back() + half;
        if (std::isfinite(marker)) x0 = std::min(x0, marker), x1 = std::max(x1, marker);
        finishLabChart(scene, chart, labels, width, height, scale, x0, x1, 0,
                       *std::max_element(counts.begin(), counts.end()));
    };
}

ScaledScenePopulator heatMapChart(const QString& title, const Matrix& matrix, const QStringList& rows)
{
    return [title, matrix, rows](vtkContextScene* scene, int, int, double scale) {
        vtkNew<HeatMapItem> item;
        item->setScale(scale);
        item->setData(title.toStdString(), matrix, [&] {
            std::vector<std::string> names;
            for (const QString& r : rows) names.push_back(r.toStdString());
            return names;
        }());
        scene->AddItem(item);
    };
}

QString pMatrixTitle(int run, double time)
{
    return QString("P-matrix along run %1 at t = %2").arg(run).arg(time, 0, 'g', 4);
}

FigureTable xyChartTable(const std::vector<Series>& series)
{
    FigureTable t;
    t.columns = {"x", "y"};
    for (const Series& s : series)
        for (std::size_t i = 0; i < std::min(s.x.size(), s.y.size()); ++i)
            t.add(s.name.toStdString(), {s.x[i], s.y[i]});
    return t;
}

FigureTable histogramTable(std::vector<double> values, int bins, double marker)
{
    const auto [centres, counts] = histogramBins(std::move(values), bins);
    FigureTable t;
    t.columns = {"bin_centre", "count"};
    for (std::size_t i = 0; i < centres.size(); ++i) t.add("trials", {centres[i], counts[i]});
    if (std::isfinite(marker)) t.add("median", {marker, NAN});
    return t;
}

FigureTable heatMapTable(const Matrix& matrix, const QStringList& rows)
{
    FigureTable t;
    t.labelColumn = "row_A";
    for (const QString& r : rows) t.columns.push_back(r.toStdString());
    for (Eigen::Index a = 0; a < matrix.rows(); ++a) {
        std::vector<double> values;
        for (Eigen::Index b = 0; b < matrix.cols(); ++b) values.push_back(matrix(a, b));
        t.add(a < rows.size() ? rows[int(a)].toStdString() : std::to_string(a), values);
    }
    return t;
}

}  // namespace cl::ui::schedule
