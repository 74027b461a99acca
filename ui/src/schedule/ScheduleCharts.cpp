#include "ui/schedule/ScheduleCharts.h"

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

vtkChartXY* newChart(vtkContextScene* scene, const ChartLabels& labels)
{
    vtkNew<vtkChartXY> chart;
    scene->AddItem(chart);
    chart->SetTitle(labels.title.toStdString());
    chart->GetTitleProperties()->SetFontSize(15);
    useChartFont(chart->GetTitleProperties(), true);
    chart->GetAxis(vtkAxis::BOTTOM)->SetTitle(labels.x.toStdString());
    chart->GetAxis(vtkAxis::LEFT)->SetTitle(labels.y.toStdString());
    for (int axis : {vtkAxis::BOTTOM, vtkAxis::LEFT}) {
        useChartFont(chart->GetAxis(axis)->GetLabelProperties());
        useChartFont(chart->GetAxis(axis)->GetTitleProperties(), true);
    }
    useChartFont(chart->GetLegend()->GetLabelProperties());
    return chart;  // owned by the scene
}

}  // namespace

ScenePopulator xyChart(const ChartLabels& labels, std::vector<Series> series)
{
    return [labels, series = std::move(series)](vtkContextScene* scene, int, int) {
        vtkChartXY* chart = newChart(scene, labels);
        bool legend = false;
        for (const Series& s : series) {
            if (s.x.empty()) continue;
            vtkPlot* plot = chart->AddPlot(s.points ? vtkChart::POINTS : vtkChart::LINE);
            plot->SetInputData(table(s.x, s.y), 0, 1);
            plot->SetColor(s.colour.red(), s.colour.green(), s.colour.blue(), s.colour.alpha());
            plot->SetWidth(float(s.width));
            plot->SetLabel(s.name.toStdString());
            plot->SetLegendVisibility(s.inLegend);
            if (s.points) static_cast<vtkPlotPoints*>(plot)->SetMarkerStyle(vtkPlotPoints::CIRCLE);
            else plot->GetPen()->SetLineType(s.lineType);
            legend |= s.inLegend;
        }
        chart->SetShowLegend(legend);
        if (legend) {
            chart->GetLegend()->SetHorizontalAlignment(vtkChartLegend::RIGHT);
            chart->GetLegend()->SetVerticalAlignment(labels.legendAtBottom ? vtkChartLegend::BOTTOM : vtkChartLegend::TOP);
        }
    };
}

ScenePopulator histogramChart(const ChartLabels& labels, std::vector<double> values, int bins, double marker)
{
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }),
                 values.end());
    return [labels, values = std::move(values), bins, marker](vtkContextScene* scene, int, int) {
        vtkChartXY* chart = newChart(scene, labels);
        if (values.empty()) return;
        const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        const double a = *lo, b = *hi > *lo ? *hi : *lo + 1e-12, width = (b - a) / bins;
        std::vector<double> centres(static_cast<std::size_t>(bins)), counts(static_cast<std::size_t>(bins), 0.0);
        for (int i = 0; i < bins; ++i) centres[std::size_t(i)] = a + (i + 0.5) * width;
        for (double v : values) counts[std::size_t(std::clamp(int((v - a) / width), 0, bins - 1))] += 1;
        vtkPlot* bars = chart->AddPlot(vtkChart::BAR);
        bars->SetInputData(table(centres, counts), 0, 1);
        bars->SetColor(0x56, 0x8f, 0xc8, 255);
        bars->SetLabel("trials");
        if (std::isfinite(marker)) {
            const double top = *std::max_element(counts.begin(), counts.end());
            vtkPlot* line = chart->AddPlot(vtkChart::LINE);
            line->SetInputData(table({marker, marker}, {0.0, top}), 0, 1);
            line->SetColor(0xc0, 0x20, 0x20, 255);
            line->SetWidth(2.5);
            line->SetLabel("median");
        }
        chart->SetBarWidthFraction(0.95f);
        chart->SetShowLegend(true);
    };
}

ScenePopulator heatMapChart(const QString& title, const Matrix& matrix, const QStringList& rows)
{
    return [title, matrix, rows](vtkContextScene* scene, int, int) {
        vtkNew<HeatMapItem> item;
        item->setData(title.toStdString(), matrix, [&] {
            std::vector<std::string> names;
            for (const QString& r : rows) names.push_back(r.toStdString());
            return names;
        }());
        scene->AddItem(item);
    };
}

}  // namespace cl::ui::schedule
