#include "ui/logs/PredictionScene.h"

#include "ui/logs/ParetoScene.h"

#include "ChartStyle.h"

#include "../figure/ChartFrame.h"

#include "core/logs/PredictionScatter.h"

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
bool hasStdError(const PredictionPoint& p)
{
    return p.stdError >= 0 && std::isfinite(p.stdError);
}
}  // namespace

std::vector<double> errorBarEnds(const std::vector<PredictionPoint>& points, bool horizontal)
{
    std::vector<double> ends;
    for (const PredictionPoint& p : points) {
        if (!hasStdError(p)) continue;
        if (horizontal) {
            ends.push_back(p.predicted - p.stdError);
            ends.push_back(p.predicted + p.stdError);
        } else {
            ends.push_back(p.observed);
            ends.push_back(p.observed);
        }
    }
    return ends;
}

QString predictionFitLabel(double slope)
{
    return QStringLiteral("fit through 0: y = %1 x").arg(QString::number(slope, 'g', 3));
}

void populatePredictionScene(vtkContextScene* scene, const std::vector<PredictionPoint>& points, const QString& xTitle,
                             const QString& title, int width, int height, double scale, bool grid)
{
    vtkNew<vtkChartXY> chart;
    scene->AddItem(chart);
    chart->SetTitle(title.toStdString());

    // Each axis its own range, symmetric about 0 (core's predictionScatterAxes): predictions far
    // smaller than the observations still spread across the plot, and the sign quadrants keep
    // equal sizes. The scale between the axes is the fitted slope in the legend.
    std::vector<double> xs, ys, ses;
    for (const PredictionPoint& p : points) {
        xs.push_back(p.predicted);
        ys.push_back(p.observed);
        ses.push_back(hasStdError(p) ? p.stdError : -1.0);
    }
    const cl::logs::PredictionScatterAxes axes = cl::logs::predictionScatterAxes(xs, ys, ses);
    const double X = axes.xExtent, Y = axes.yExtent;
    for (int side : {vtkAxis::BOTTOM, vtkAxis::LEFT}) {
        vtkAxis* axis = chart->GetAxis(side);
        styleChartAxis(axis, side == vtkAxis::BOTTOM ? xTitle : QStringLiteral("observed excess loss EL_k^ab"), scale,
                       grid);
        axis->SetBehavior(vtkAxis::FIXED);
        axis->SetRange(side == vtkAxis::BOTTOM ? -X : -Y, side == vtkAxis::BOTTOM ? X : Y);
    }

    auto* zeroX = addXYSeries(chart, vtkChart::LINE, {-X, X}, {0, 0}, "predicted", "observed");
    auto* zeroY = addXYSeries(chart, vtkChart::LINE, {0, 0}, {-Y, Y}, "predicted", "observed");
    for (vtkPlot* zero : {zeroX, zeroY}) {
        zero->SetColor(150, 150, 150, 255);
        zero->SetWidth(static_cast<float>(scale));
        zero->SetLegendVisibility(false);
    }
    // A line y = b·x through the origin, cut where it leaves the plot.
    auto throughOrigin = [&](double b) {
        const double x = b != 0 ? std::min(X, Y / std::abs(b)) : X;
        return addXYSeries(chart, vtkChart::LINE, {-x, x}, {-b * x, b * x}, "predicted", "observed");
    };
    auto* diagonal = throughOrigin(1.0);
    diagonal->SetColor(40, 40, 40, 255);
    diagonal->SetWidth(static_cast<float>(1.2 * scale));
    diagonal->GetPen()->SetLineType(vtkPen::DASH_LINE);
    diagonal->SetLabel("y = x");
    if (axes.slope) {
        auto* fit = throughOrigin(*axes.slope);
        fit->SetColor(0, 114, 178, 255);
        fit->SetWidth(static_cast<float>(1.2 * scale));
        fit->GetPen()->SetLineType(vtkPen::DOT_LINE);
        fit->SetLabel(predictionFitLabel(*axes.slope).toStdString());
    }

    // Error bars first, so the markers sit on top: one series of separate segments (not a
    // polyline), whatever the number of bars.
    const std::vector<double> barX = errorBarEnds(points, true), barY = errorBarEnds(points, false);
    if (!barX.empty()) {
        auto* bars = vtkPlotLine::SafeDownCast(addXYSeries(chart, vtkChart::LINE, barX, barY, "predicted", "observed"));
        bars->SetPolyLine(false);
        bars->SetMarkerStyle(vtkPlotPoints::NONE);
        bars->SetColor(90, 90, 90, 255);
        bars->SetWidth(static_cast<float>(1.5 * scale));
        bars->SetLabel(kErrorBarLabel);
    }

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

    finishChart(scene, chart, width, height, scale, {});
}

}  // namespace cl::ui::logs
