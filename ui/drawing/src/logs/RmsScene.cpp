#include "ui/logs/RmsScene.h"

#include "ui/logs/ParetoData.h"
#include "ui/logs/ParetoScene.h"

#include "ChartStyle.h"
#include "ui/FigureStyle.h"

#include "../figure/ChartFrame.h"
#include "RunPalette.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkPen.h>
#include <vtkPlotPoints.h>
#include <vtkStdString.h>
#include <vtkStringArray.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cl::ui::logs {

namespace {

// Ticks at the powers of ten inside [lo, hi] (log10 units), labelled "1e-3"; at least two ticks.
void decadeTicks(vtkAxis* axis, double lo, double hi, double length, double scale)
{
    vtkNew<vtkDoubleArray> positions;
    vtkNew<vtkStringArray> labels;
    const int first = static_cast<int>(std::ceil(lo)), last = static_cast<int>(std::floor(hi));
    const int stride = std::max(1, (last - first + 1) / 8);  // at most about eight labels
    for (int k = first; k <= last; k += stride) {
        positions->InsertNextValue(k);
        labels->InsertNextValue(k == 0 ? "1" : "1e" + std::to_string(k));
    }
    if (positions->GetNumberOfTuples() < 2) {  // less than a decade: 1, 2 and 5 times powers of ten
        positions->Reset();
        labels->Reset();
        for (int k = static_cast<int>(std::floor(lo)); k <= static_cast<int>(std::ceil(hi)); ++k)
            for (double m : {1.0, 2.0, 5.0}) {
                const double v = k + std::log10(m);
                if (v < lo || v > hi) continue;
                positions->InsertNextValue(v);
                labels->InsertNextValue(QString::number(std::pow(10.0, v), 'g', 2).toStdString());
            }
    }
    if (positions->GetNumberOfTuples() < 2) {  // still fewer than two: the ends, in two digits
        positions->Reset();
        labels->Reset();
        for (double v : {lo, hi}) {
            positions->InsertNextValue(v);
            labels->InsertNextValue(QString::number(std::pow(10.0, v), 'g', 2).toStdString());
        }
    }
    // Keep a label only where it clears the last one kept (the axis is `length` pixels long).
    const int pixels = fontPixels(figureStyle().tickPt, scale);
    const bool vertical = axis->GetPosition() == vtkAxis::LEFT;
    vtkNew<vtkDoubleArray> keptPositions;
    vtkNew<vtkStringArray> keptLabels;
    double lastEdge = -1e300;
    for (vtkIdType i = 0; i < positions->GetNumberOfTuples(); ++i) {
        const double at = (positions->GetValue(i) - lo) / (hi - lo) * length;
        const double half = vertical
                                ? 0.65 * textHeight(pixels)
                                : 0.5 * textWidth(QString::fromStdString(labels->GetValue(i)), pixels) + 0.4 * pixels;
        if (at - half < lastEdge) continue;
        keptPositions->InsertNextValue(positions->GetValue(i));
        keptLabels->InsertNextValue(labels->GetValue(i));
        lastEdge = at + half;
    }
    axis->SetCustomTickPositions(keptPositions, keptLabels);
}

}  // namespace

vtkChartXY* populateRmsScene(vtkContextScene* scene, const RmsData& data, const QString& title, int width, int height,
                             double scale, bool grid)
{
    vtkNew<vtkChartXY> chart;
    scene->AddItem(chart);
    chart->SetTitle(title.toStdString());

    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const RmsPairSeries& s : data.pairs)
        for (std::size_t i = 0; i < s.gradRms.size(); ++i) {
            const double lx = std::log10(s.gradRms[i]), ly = std::log10(s.bracketRms[i]);
            x0 = std::min(x0, lx), x1 = std::max(x1, lx), y0 = std::min(y0, ly), y1 = std::max(y1, ly);
        }
    if (!(x0 <= x1)) x0 = -1, x1 = 0, y0 = -1, y1 = 0;
    const double mx = std::max(0.08 * (x1 - x0), 0.05), my = std::max(0.08 * (y1 - y0), 0.05);
    struct Side {
        int side;
        const char* title;
        double lo, hi;
    };
    for (const Side& s : {Side{vtkAxis::BOTTOM, "gradient RMS per tensor (log scale)", x0 - mx, x1 + mx},
                          Side{vtkAxis::LEFT, "bracket RMS per tensor (log scale)", y0 - my, y1 + my}}) {
        vtkAxis* axis = chart->GetAxis(s.side);
        styleChartAxis(axis, QString::fromUtf8(s.title), scale, grid);
        axis->SetBehavior(vtkAxis::FIXED);
        axis->SetRange(s.lo, s.hi);
    }

    for (std::size_t p = 0; p < data.pairs.size(); ++p) {
        const RmsPairSeries& s = data.pairs[p];
        std::vector<double> xs, ys;
        for (std::size_t i = 0; i < s.gradRms.size(); ++i) {
            xs.push_back(std::log10(s.gradRms[i]));
            ys.push_back(std::log10(s.bracketRms[i]));
        }
        const ChartColour c = runColour(static_cast<int>(p));
        auto* points = vtkPlotPoints::SafeDownCast(
            addXYSeries(chart, vtkChart::POINTS, xs, ys, "log10 gradient RMS", "log10 bracket RMS"));
        points->SetColor(c.r, c.g, c.b, 255);
        points->SetMarkerStyle(vtkPlotPoints::CIRCLE);
        points->SetMarkerSize(static_cast<float>(8 * scale));
        QString label = QStringLiteral("%1, %2 tensors").arg(s.label).arg(xs.size());
        if (s.fit.valid()) label += QStringLiteral(", slope %1").arg(s.fit.slope, 0, 'f', 3);
        points->SetLabel(label.toStdString());
    }

    // The fitted line over every point: log10 y = slope * log10 x + intercept, across the data.
    if (data.fit.valid()) {
        auto* line = addXYSeries(chart, vtkChart::LINE, {x0, x1},
                                 {data.fit.intercept + data.fit.slope * x0, data.fit.intercept + data.fit.slope * x1},
                                 "log10 gradient RMS", "log10 bracket RMS");
        line->SetColor(40, 40, 40, 255);
        line->SetWidth(static_cast<float>(1.5 * scale));
        line->GetPen()->SetLineType(vtkPen::DASH_LINE);
        line->SetLabel(QStringLiteral("%1: slope %2 (R² %3)")
                           .arg(QString::fromUtf8(kRmsFitLabel))
                           .arg(data.fit.slope, 0, 'f', 3)
                           .arg(data.fit.rSquared, 0, 'f', 3)
                           .toStdString());
    }
    const ChartLayout layout = finishChart(scene, chart, width, height, scale, {});
    // Powers of ten (the axes are log10 units), as many as the plot's size leaves legible.
    for (vtkAxis* axis : {chart->GetAxis(vtkAxis::BOTTOM), chart->GetAxis(vtkAxis::LEFT)})
        decadeTicks(axis, axis->GetMinimum(), axis->GetMaximum(),
                    axis == chart->GetAxis(vtkAxis::BOTTOM) ? layout.plot.width : layout.plot.height, scale);
    return chart;
}

}  // namespace cl::ui::logs
