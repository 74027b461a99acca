#include "ui/logs/AdviceScene.h"

#include "ui/FigureStyle.h"

#include "ChartStyle.h"

#include "../figure/ChartFrame.h"

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
#include <vtkStringArray.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>

#include <QString>

#include <algorithm>

namespace cl::ui::logs {

namespace {

/// The checkpoint steps at which the pair (either orientation) has a P-value.
std::vector<double> pairSteps(const cl::logs::RunLog& log, const cl::logs::DomainPair& pair)
{
    std::vector<double> steps;
    for (std::size_t r = 0; r < log.pValues.size(); ++r)
        if (log.pValues.pair(r) == pair || log.pValues.pair(r) == pair.reversed()) steps.push_back(log.pValues.step[r]);
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    return steps;
}

/// A log with P-values at one checkpoint has no curve to draw: one bar per target from 0 to
/// its signed P at that step, in the target's domain colour, with the step and the win-win
/// verdict in the axis title. (A curve's x range would be a single step, which VTK's charts
/// cannot scale, and a lone marker says less than a bar from zero.)
void populateSingleCheckpoint(vtkChartXY* chart, const cl::logs::RunLog& log,
                              const std::vector<cl::logs::CheckpointAdvice>& advice, const cl::logs::DomainPair& pair,
                              double step, double scale)
{
    double lo = 0, hi = 0;
    vtkNew<vtkDoubleArray> positions;
    vtkNew<vtkStringArray> labels;
    for (int k = 0; k < log.domainCount(); ++k) {
        for (std::size_t r = 0; r < log.pValues.size(); ++r) {
            if (log.pValues.target[r] != k || log.pValues.step[r] != step) continue;
            double v = log.scaledP(r);
            if (log.pValues.pair(r) == pair.reversed())
                v = -v;  // antisymmetry
            else if (log.pValues.pair(r) != pair)
                continue;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            const double x = k + 1;
            // An outlined bar: a polyline whose x range is not a single value (VTK's charts
            // cannot scale a plot whose points all share one x).
            auto* bar = vtkPlotLine::SafeDownCast(
                addXYSeries(chart, vtkChart::LINE, {x - 0.3, x - 0.3, x + 0.3, x + 0.3}, {0, v, v, 0}, "target", "P"));
            const Rgb c = domainColor(std::size_t(k));
            bar->SetColor(c.r, c.g, c.b, 255);
            bar->SetWidth(static_cast<float>(2.5 * scale));
            bar->SetMarkerStyle(vtkPlotPoints::NONE);
            bar->SetLabel("target L_" + log.domains[std::size_t(k)]);
            positions->InsertNextValue(x);
            labels->InsertNextValue("L_" + log.domains[std::size_t(k)]);
            break;
        }
    }
    const double left = 0.4, right = log.domainCount() + 0.6;
    auto* zero = addXYSeries(chart, vtkChart::LINE, {left, right}, {0, 0}, "target", "P");
    zero->SetColor(60, 60, 60, 255);
    zero->SetWidth(static_cast<float>(scale));
    zero->SetLegendVisibility(false);

    QString title = QStringLiteral("target loss L_k at step %1, the log's only checkpoint").arg(step);
    for (const auto& entry : advice)
        if (entry.step == step && entry.hasWinWin)
            title += QStringLiteral(": win-win (%1 first, more %2 at the end)")
                         .arg(QString::fromStdString(log.domains[std::size_t(entry.winWin.first)]),
                              QString::fromStdString(log.domains[std::size_t(entry.winWin.second)]));
    vtkAxis* bottom = chart->GetAxis(vtkAxis::BOTTOM);
    bottom->SetTitle(title.toStdString());
    bottom->SetCustomTickPositions(positions, labels);
    bottom->SetBehavior(vtkAxis::FIXED);
    bottom->SetRange(left, right);
    const double pad = 0.08 * std::max(hi - lo, 1e-300);
    chart->GetAxis(vtkAxis::LEFT)->SetBehavior(vtkAxis::FIXED);
    chart->GetAxis(vtkAxis::LEFT)->SetRange(lo - pad, hi + pad);
}

/// The curves (or bars) of the log's first pair, the zero line and the win-win marks.
void addAdvicePlots(vtkChartXY* chart, const cl::logs::RunLog& log,
                    const std::vector<cl::logs::CheckpointAdvice>& advice, double scale)
{
    // The signed criterion of the log's first pair, as the paper's Table 4 lists it: below zero
    // for target k, ordering a→b (more of b at the end) is predicted to lower L_k.
    if (log.pValues.size() == 0) return;
    const cl::logs::DomainPair pair = log.pValues.pair(0);
    const std::string a = log.domains[pair.first], b = log.domains[pair.second];
    chart->GetAxis(vtkAxis::LEFT)->SetTitle("P(L_" + a + ", L_" + b + "; L_k), lr^2-scaled");
    if (const std::vector<double> steps = pairSteps(log, pair); steps.size() == 1) {
        populateSingleCheckpoint(chart, log, advice, pair, steps.front(), scale);
        return;
    }
    double lo = 0, hi = 0, first = 0, last = 0;
    bool any = false;
    for (int k = 0; k < log.domainCount(); ++k) {
        std::vector<double> xs, ys;
        for (std::size_t r = 0; r < log.pValues.size(); ++r) {
            if (log.pValues.target[r] != k) continue;
            double v = log.scaledP(r);
            if (log.pValues.pair(r) == pair.reversed())
                v = -v;  // antisymmetry
            else if (log.pValues.pair(r) != pair)
                continue;
            xs.push_back(log.pValues.step[r]);
            ys.push_back(v);
        }
        if (xs.empty()) continue;
        for (std::size_t i = 0; i < xs.size(); ++i) {
            first = any ? std::min(first, xs[i]) : xs[i];
            last = any ? std::max(last, xs[i]) : xs[i];
            lo = std::min(lo, ys[i]);
            hi = std::max(hi, ys[i]);
            any = true;
        }
        auto* line = vtkPlotLine::SafeDownCast(addXYSeries(chart, vtkChart::LINE, xs, ys, "step", "change"));
        const Rgb c = domainColor(std::size_t(k));  // domain k: the style's colour in every window
        line->SetColor(c.r, c.g, c.b, 255);
        line->SetWidth(static_cast<float>(1.5 * scale));
        line->SetMarkerStyle(vtkPlotPoints::CIRCLE);
        line->SetMarkerSize(static_cast<float>(6 * scale));
        line->SetLabel("target L_" + log.domains[k]);
    }
    if (!any) return;
    auto* zero = addXYSeries(chart, vtkChart::LINE, {first, last}, {0, 0}, "step", "change");
    zero->SetColor(60, 60, 60, 255);
    zero->SetWidth(static_cast<float>(scale));
    zero->SetLegendVisibility(false);

    // Win-win checkpoints sit on the zero line: every target's curve is on the same side there.
    std::vector<double> wx, wy;
    for (const auto& entry : advice)
        if (entry.hasWinWin) {
            wx.push_back(entry.step);
            wy.push_back(0);
        }
    if (!wx.empty()) {
        auto* marks = vtkPlotPoints::SafeDownCast(addXYSeries(chart, vtkChart::POINTS, wx, wy, "step", "change"));
        marks->SetColor(20, 150, 60, 255);
        marks->SetMarkerStyle(vtkPlotPoints::DIAMOND);
        marks->SetMarkerSize(static_cast<float>(14 * scale));
        marks->SetLabel("win-win checkpoint (on 0)");
    }
    const double pad = 0.08 * std::max(hi - lo, 1e-300);
    chart->GetAxis(vtkAxis::LEFT)->SetBehavior(vtkAxis::FIXED);
    chart->GetAxis(vtkAxis::LEFT)->SetRange(lo - pad, hi + pad);
    const double xpad = 0.04 * std::max(last - first, 1.0);
    chart->GetAxis(vtkAxis::BOTTOM)->SetBehavior(vtkAxis::FIXED);
    chart->GetAxis(vtkAxis::BOTTOM)->SetRange(first - xpad, last + xpad);
}

}  // namespace

void populateAdviceScene(vtkContextScene* scene, const cl::logs::RunLog& log,
                         const std::vector<cl::logs::CheckpointAdvice>& advice, int width, int height, double scale,
                         bool grid)
{
    vtkNew<vtkChartXY> chart;
    scene->AddItem(chart);
    chart->SetTitle("Criterion P along the run (below 0: that ordering lowers L_k)");
    styleChartAxis(chart->GetAxis(vtkAxis::BOTTOM), "checkpoint step", scale, grid);
    styleChartAxis(chart->GetAxis(vtkAxis::LEFT), "", scale, grid);
    addAdvicePlots(chart, log, advice, scale);
    finishChart(scene, chart, width, height, scale, {});
}

}  // namespace cl::ui::logs
