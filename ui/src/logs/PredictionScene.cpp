#include "ui/logs/PredictionScene.h"

#include "ui/logs/ParetoScene.h"

#include "ChartStyle.h"

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

}  // namespace

void populatePredictionScene(vtkContextScene* scene, const std::vector<PredictionPoint>& points,
                             const QString& xTitle, const QString& title, int width, int height, double scale,
                             bool grid)
{
    vtkNew<vtkChartXY> chart;
    scene->AddItem(chart);
    const PlotRect rect = paretoPlotRect(width, height, scale);
    placeChart(chart, rect, title, scale);

    // One symmetric range on both axes: y = x is the diagonal and the quadrants are equal.
    double extent = 0;
    for (const PredictionPoint& p : points)
        extent = std::max({extent, std::abs(p.predicted), std::abs(p.observed)});
    extent = extent > 0 ? extent * 1.12 : 1;
    for (int side : {vtkAxis::BOTTOM, vtkAxis::LEFT}) {
        vtkAxis* axis = chart->GetAxis(side);
        styleChartAxis(axis, side == vtkAxis::BOTTOM ? xTitle : QStringLiteral("observed excess loss EL_k^ab"), scale,
                       grid);
        axis->SetBehavior(vtkAxis::FIXED);
        axis->SetRange(-extent, extent);
    }

    auto* zeroX = addXYSeries(chart, vtkChart::LINE, {-extent, extent}, {0, 0}, "predicted", "observed");
    auto* zeroY = addXYSeries(chart, vtkChart::LINE, {0, 0}, {-extent, extent}, "predicted", "observed");
    for (vtkPlot* zero : {zeroX, zeroY}) {
        zero->SetColor(150, 150, 150, 255);
        zero->SetWidth(static_cast<float>(scale));
        zero->SetLegendVisibility(false);
    }
    auto* diagonal = addXYSeries(chart, vtkChart::LINE, {-extent, extent}, {-extent, extent}, "predicted", "observed");
    diagonal->SetColor(40, 40, 40, 255);
    diagonal->SetWidth(static_cast<float>(1.2 * scale));
    diagonal->GetPen()->SetLineType(vtkPen::DASH_LINE);
    diagonal->SetLabel("y = x");

    std::vector<double> ax, ay, dx, dy;
    for (const PredictionPoint& p : points) {
        (p.agrees ? ax : dx).push_back(p.predicted);
        (p.agrees ? ay : dy).push_back(p.observed);
    }
    auto* agree = vtkPlotPoints::SafeDownCast(addXYSeries(chart, vtkChart::POINTS, ax, ay, "predicted", "observed"));
    agree->SetColor(31, 120, 80, 255);
    agree->SetMarkerStyle(vtkPlotPoints::CIRCLE);
    agree->SetMarkerSize(static_cast<float>(9 * scale));
    agree->SetLabel("signs agree (" + std::to_string(ax.size()) + ")");
    auto* disagree = vtkPlotPoints::SafeDownCast(addXYSeries(chart, vtkChart::POINTS, dx, dy, "predicted", "observed"));
    disagree->SetColor(215, 110, 0, 255);
    disagree->SetMarkerStyle(vtkPlotPoints::CROSS);
    disagree->SetMarkerSize(static_cast<float>(10 * scale));
    disagree->SetWidth(static_cast<float>(2 * scale));
    disagree->SetLabel("signs differ (" + std::to_string(dx.size()) + ")");

    placeLegendRight(chart, rect, scale);
}

}  // namespace cl::ui::logs
