#include "ui/logs/AdviceScene.h"

#include "ui/FigureStyle.h"

#include "ChartStyle.h"

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

namespace cl::ui::logs {

namespace {

// Distinct, print-safe colours for up to six targets.

}  // namespace

void populateAdviceScene(vtkContextScene* scene, const cl::logs::RunLog& log,
                         const std::vector<cl::logs::CheckpointAdvice>& advice, int width, int height, double scale,
                         bool grid)
{
    vtkNew<vtkChartXY> chart;
    scene->AddItem(chart);
    const PlotRect rect = paretoPlotRect(width, height, scale);
    placeChart(chart, rect, "Criterion P along the run (below 0: that ordering lowers L_k)", scale);
    styleChartAxis(chart->GetAxis(vtkAxis::BOTTOM), "checkpoint step", scale, grid);
    styleChartAxis(chart->GetAxis(vtkAxis::LEFT), "", scale, grid);

    // The signed criterion of the log's first pair, as the paper's Table 4 lists it: below zero
    // for target k, ordering a→b (more of b at the end) is predicted to lower L_k.
    if (log.pValues.size() == 0) return;
    const cl::logs::DomainPair pair = log.pValues.pair(0);
    const std::string a = log.domains[pair.first], b = log.domains[pair.second];
    chart->GetAxis(vtkAxis::LEFT)->SetTitle("P(L_" + a + ", L_" + b + "; L_k), lr^2-scaled");
    double lo = 0, hi = 0, first = 0, last = 0;
    bool any = false;
    for (int k = 0; k < log.domainCount(); ++k) {
        std::vector<double> xs, ys;
        for (std::size_t r = 0; r < log.pValues.size(); ++r) {
            if (log.pValues.target[r] != k) continue;
            double v = log.scaledP(r);
            if (log.pValues.pair(r) == pair.reversed()) v = -v;  // antisymmetry
            else if (log.pValues.pair(r) != pair) continue;
            xs.push_back(log.pValues.step[r]);
            ys.push_back(v);
        }
        if (xs.empty()) continue;
        if (xs.size() == 1) {  // one checkpoint: a zero-length line still shows its marker
            xs.push_back(xs.back());
            ys.push_back(ys.back());
        }
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
    placeLegendRight(chart, rect, scale);
}

}  // namespace cl::ui::logs
