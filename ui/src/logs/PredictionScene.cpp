#include "ui/logs/PredictionScene.h"

#include "ui/logs/ParetoScene.h"

#include <vtkAxis.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkPen.h>
#include <vtkPlotLine.h>
#include <vtkPlotPoints.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>

namespace cl::ui::logs {

namespace {

vtkPlot* addSeries(vtkChartXY* chart, int type, const std::vector<double>& xs, const std::vector<double>& ys)
{
    vtkNew<vtkTable> table;
    vtkNew<vtkDoubleArray> x, y;
    x->SetName("predicted");
    y->SetName("observed");
    for (std::size_t i = 0; i < xs.size(); ++i) {
        x->InsertNextValue(xs[i]);
        y->InsertNextValue(ys[i]);
    }
    table->AddColumn(x);
    table->AddColumn(y);
    vtkPlot* plot = chart->AddPlot(type);
    plot->SetInputData(table, 0, 1);
    return plot;
}

void styleAxis(vtkAxis* axis, const QString& title, double scale, double lo, double hi, bool grid)
{
    axis->SetTitle(title.toStdString());
    axis->GetTitleProperties()->SetFontSize(static_cast<int>(14 * scale));
    axis->GetTitleProperties()->SetBold(false);
    axis->GetLabelProperties()->SetFontSize(static_cast<int>(12 * scale));
    axis->GetGridPen()->SetColorF(0.9, 0.9, 0.9);
    axis->SetGridVisible(grid);
    axis->SetBehavior(vtkAxis::FIXED);
    axis->SetRange(lo, hi);
}

}  // namespace

void populatePredictionScene(vtkContextScene* scene, const std::vector<PredictionPoint>& points,
                             const QString& xTitle, const QString& title, int width, int height, double scale,
                             bool grid)
{
    vtkNew<vtkChartXY> chart;
    scene->AddItem(chart);
    const PlotRect rect = paretoPlotRect(width, height, scale);
    chart->SetLayoutStrategy(vtkChart::AXES_TO_RECT);
    chart->SetSize(vtkRectf(static_cast<float>(rect.left), static_cast<float>(rect.bottom),
                            static_cast<float>(rect.width), static_cast<float>(rect.height)));
    chart->SetTitle(title.toStdString());
    chart->GetTitleProperties()->SetFontSize(static_cast<int>(16 * scale));

    // One symmetric range on both axes: y = x is the diagonal and the quadrants are equal.
    double extent = 0;
    for (const PredictionPoint& p : points)
        extent = std::max({extent, std::abs(p.predicted), std::abs(p.observed)});
    extent = extent > 0 ? extent * 1.12 : 1;
    styleAxis(chart->GetAxis(vtkAxis::BOTTOM), xTitle, scale, -extent, extent, grid);
    styleAxis(chart->GetAxis(vtkAxis::LEFT), QStringLiteral("observed excess loss EL_k^ab"), scale, -extent, extent, grid);

    auto* zeroX = addSeries(chart, vtkChart::LINE, {-extent, extent}, {0, 0});
    auto* zeroY = addSeries(chart, vtkChart::LINE, {0, 0}, {-extent, extent});
    for (vtkPlot* zero : {zeroX, zeroY}) {
        zero->SetColor(150, 150, 150, 255);
        zero->SetWidth(static_cast<float>(scale));
        zero->SetLegendVisibility(false);
    }
    auto* diagonal = addSeries(chart, vtkChart::LINE, {-extent, extent}, {-extent, extent});
    diagonal->SetColor(40, 40, 40, 255);
    diagonal->SetWidth(static_cast<float>(1.2 * scale));
    diagonal->GetPen()->SetLineType(vtkPen::DASH_LINE);
    diagonal->SetLabel("y = x");

    std::vector<double> ax, ay, dx, dy;
    for (const PredictionPoint& p : points) {
        (p.agrees ? ax : dx).push_back(p.predicted);
        (p.agrees ? ay : dy).push_back(p.observed);
    }
    auto* agree = vtkPlotPoints::SafeDownCast(addSeries(chart, vtkChart::POINTS, ax, ay));
    agree->SetColor(31, 120, 80, 255);
    agree->SetMarkerStyle(vtkPlotPoints::CIRCLE);
    agree->SetMarkerSize(static_cast<float>(9 * scale));
    agree->SetLabel("signs agree (" + std::to_string(ax.size()) + ")");
    auto* disagree = vtkPlotPoints::SafeDownCast(addSeries(chart, vtkChart::POINTS, dx, dy));
    disagree->SetColor(215, 110, 0, 255);
    disagree->SetMarkerStyle(vtkPlotPoints::CROSS);
    disagree->SetMarkerSize(static_cast<float>(10 * scale));
    disagree->SetWidth(static_cast<float>(2 * scale));
    disagree->SetLabel("signs differ (" + std::to_string(dx.size()) + ")");

    placeLegendRight(chart, rect, scale);
}

}  // namespace cl::ui::logs
