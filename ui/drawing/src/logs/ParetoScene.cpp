#include "ui/logs/ParetoScene.h"

#include "ChartStyle.h"

#include "../figure/ChartFrame.h"

#include "PointLabelsPlot.h"
#include "RunPalette.h"

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
#include <limits>

namespace cl::ui::logs {

namespace {

// The paper marks budget groups with ●, +, ■, ★; VTK's markers closest to that, in order.
constexpr int kGroupMarkers[] = {vtkPlotPoints::CIRCLE, vtkPlotPoints::PLUS, vtkPlotPoints::SQUARE,
                                 vtkPlotPoints::DIAMOND, vtkPlotPoints::CROSS};

constexpr std::size_t kMaxLegendGroups = 8;
constexpr std::size_t kMaxLegendRuns = 12;

// Run names can be long paths ("sweep/lr-3e-4/version_0"): the legend keeps their ends, where
// runs differ, so it stays inside its margin; the check boxes and hover show the full name.
std::string legendName(const QString& name)
{
    constexpr int kMax = 26;
    return (name.size() <= kMax ? name : QStringLiteral("…") + name.right(kMax - 1)).toStdString();
}

// A run's checkpoints: joined in step order for a trajectory, bare points for a table of runs.
vtkPlot* addRunPlot(vtkChartXY* chart, const std::vector<double>& xs, const std::vector<double>& ys,
                    const ParetoRun& run, const std::string& label, double scale)
{
    const ChartColour c = runColour(run.colour);
    vtkPlotPoints* plot =
        vtkPlotPoints::SafeDownCast(chart->AddPlot(run.connected ? vtkChart::LINE : vtkChart::POINTS));
    plot->SetInputData(makeXYTable(xs, ys, "x", "y"), 0, 1);
    plot->SetColor(c.r, c.g, c.b, 255);
    plot->SetWidth(static_cast<float>(1.5 * scale));
    plot->SetMarkerStyle(vtkPlotPoints::CIRCLE);
    plot->SetMarkerSize(static_cast<float>((run.connected ? 7 : 6) * scale));
    plot->SetLabel(label);
    return plot;
}

// Axis ranges with a margin; with equal scaling both axes get the same data units per pixel.
void setRanges(vtkChartXY* chart, const ParetoData& data, const PlotRect& rect, bool equal)
{
    double x0 = std::numeric_limits<double>::infinity(), x1 = -x0, y0 = x0, y1 = -x0;
    for (const ParetoPoint& p : data.points) {
        if (!data.isVisible(p)) continue;
        x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    if (!(x0 <= x1)) x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    double sx = std::max(x1 - x0, 1e-12 * std::max(1.0, std::abs(x0)));
    double sy = std::max(y1 - y0, 1e-12 * std::max(1.0, std::abs(y0)));
    sx *= 1.14, sy *= 1.08;
    if (equal) {
        const double unit = std::max(sx / rect.width, sy / rect.height);
        sx = unit * rect.width, sy = unit * rect.height;
    }
    // A little more room on the right, where step and Δw labels run past their points.
    const double cx = 0.5 * (x0 + x1) + 0.03 * sx, cy = 0.5 * (y0 + y1);
    chart->GetAxis(vtkAxis::BOTTOM)->SetRange(cx - sx / 2, cx + sx / 2);
    chart->GetAxis(vtkAxis::LEFT)->SetRange(cy - sy / 2, cy + sy / 2);
}

/// The chart's point labels (steps on the base run, Δw on interventions), in the order they
/// are placed: an earlier label keeps its place, a later one that would overlap it moves or goes.
struct PointLabels {
    std::vector<double> xs, ys;
    std::vector<std::string> texts;
    void add(double x, double y, std::string text)
    {
        xs.push_back(x);
        ys.push_back(y);
        texts.push_back(std::move(text));
    }
};

}  // namespace

PlotRect paretoPlotRect(int width, int height, double scale)
{
    return legendRightPlotRect(width, height, scale);
}

namespace {

// The runs, interventions, front and point labels of a log's Pareto chart.
void addParetoPlots(vtkChartXY* chart, const ParetoData& data, const ParetoSceneOptions& options, double scale)
{
    // Labels in near-black, as in the paper (and coloured text does not survive the live host's
    // blending yet).
    const int labelFont = static_cast<int>(10 * scale);
    PointLabels labels;
    // Base trajectory: connected points in the base run's colour, labelled with their steps.
    const ParetoRun& baseRun = data.runs[data.baseRun];
    if (data.baseCount > 0 && baseRun.visible) {
        std::vector<double> xs, ys;
        std::vector<std::string> texts;
        const std::size_t every = std::max<std::size_t>(1, (data.baseCount + 7) / 8);
        std::vector<double> lx, ly;
        for (std::size_t i = 0; i < data.baseCount; ++i) {
            xs.push_back(data.points[i].x);
            ys.push_back(data.points[i].y);
            if (baseRun.connected && (i % every == 0 || i + 1 == data.baseCount)) {
                lx.push_back(xs.back());
                ly.push_back(ys.back());
                texts.push_back(number(data.log->checkpoints.step[data.points[i].row]).toStdString());
            }
        }
        std::string label = data.runs.size() > 1 ? legendName(baseRun.name) + " (base run)"
                                                 : std::string("base run (checkpoints, by step)");
        if (!baseRun.connected) label = legendName(baseRun.name) + ": one point per training run";
        addRunPlot(chart, xs, ys, baseRun, label, scale);
        for (std::size_t k = 0; k < lx.size(); ++k) labels.add(lx[k], ly[k], std::move(texts[k]));
    }
    // The other runs: one series each in their own colour, so 10^5 points stay one draw per run.
    for (int r = 0; r < static_cast<int>(data.runs.size()); ++r) {
        const ParetoRun& run = data.runs[r];
        if (r == data.baseRun || !run.visible || run.points.empty()) continue;
        std::vector<double> xs, ys;
        for (std::size_t index : run.points) {
            xs.push_back(data.points[index].x);
            ys.push_back(data.points[index].y);
        }
        vtkPlot* plot = addRunPlot(chart, xs, ys, run, legendName(run.name), scale);
        if (r >= static_cast<int>(kMaxLegendRuns)) plot->SetLegendVisibility(false);
    }

    // Interventions: red, one marker shape per token-budget group, annotated with Δw.
    std::vector<double> lx, ly;
    std::vector<std::string> texts;
    std::size_t shown = 0;
    for (const ParetoGroup& g : data.groups)
        if (g.visible && baseRun.visible) shown += g.points.size();
    for (std::size_t gi = 0; gi < data.groups.size(); ++gi) {
        const ParetoGroup& g = data.groups[gi];
        if (!g.visible || !baseRun.visible || g.points.empty()) continue;
        // As in the paper, only the mildest intervention of each group carries its Δw: the
        // others continue the same curve outwards.
        double mildest = std::numeric_limits<double>::infinity();
        for (std::size_t index : g.points)
            mildest = std::min(mildest, data.log->interventions.deltaW[data.points[index].row]);
        std::vector<double> xs, ys;
        bool labelled = false;  // one label per group keeps crowded corners readable
        for (std::size_t index : g.points) {
            const ParetoPoint& p = data.points[index];
            xs.push_back(p.x);
            ys.push_back(p.y);
            if (shown <= static_cast<std::size_t>(options.maxLabels) && !labelled &&
                data.log->interventions.deltaW[p.row] == mildest) {
                labelled = true;
                lx.push_back(p.x);
                ly.push_back(p.y);
                texts.push_back("dw " + number(mildest).toStdString());
            }
        }
        auto* points = vtkPlotPoints::SafeDownCast(chart->AddPlot(vtkChart::POINTS));
        points->SetInputData(makeXYTable(xs, ys, "x", "y"), 0, 1);
        const ChartColour red = interventionColour();
        points->SetColor(red.r, red.g, red.b, 255);
        points->SetMarkerStyle(kGroupMarkers[gi % std::size(kGroupMarkers)]);
        points->SetMarkerSize(static_cast<float>(9 * scale));
        points->SetWidth(static_cast<float>(1.5 * scale));
        points->SetLabel(g.label.toStdString());
        // A legend is for reading, not for listing: past a few groups the check boxes say more.
        if (gi >= kMaxLegendGroups) points->SetLegendVisibility(false);
    }
    for (std::size_t k = 0; k < lx.size(); ++k) labels.add(lx[k], ly[k], std::move(texts[k]));

    // The non-dominated front as its attainment staircase: everything above-right is dominated.
    if (!data.front.empty()) {
        std::vector<double> xs, ys;
        for (std::size_t i = 0; i < data.front.size(); ++i) {
            const ParetoPoint& p = data.points[data.front[i]];
            if (i > 0) {
                xs.push_back(p.x);
                ys.push_back(ys.back());
            }
            xs.push_back(p.x);
            ys.push_back(p.y);
        }
        if (xs.size() == 1) {  // a one-point front still needs a (zero-length) line
            xs.push_back(xs.back());
            ys.push_back(ys.back());
        }
        auto* front = vtkPlotLine::SafeDownCast(chart->AddPlot(vtkChart::LINE));
        front->SetInputData(makeXYTable(xs, ys, "x", "y"), 0, 1);
        front->SetColor(40, 40, 40, 255);
        front->SetWidth(static_cast<float>(1.2 * scale));
        front->GetPen()->SetLineType(vtkPen::DASH_LINE);
        front->SetLabel("non-dominated front (" + std::to_string(data.front.size()) + " points)");
    }
    // One set of labels for the whole chart, so base-run steps and Δw labels avoid each other too.
    if (!labels.xs.empty()) {
        vtkNew<PointLabelsPlot> plot;
        plot->setLabels(std::move(labels.xs), std::move(labels.ys), std::move(labels.texts));
        plot->setFont(labelFont, 40, 40, 40);
        chart->AddPlot(plot);
    }
}

}  // namespace

vtkChartXY* populateParetoScene(vtkContextScene* scene, const ParetoData& data, const ParetoSceneOptions& options,
                                int width, int height, double scale)
{
    vtkNew<vtkChartXY> chart;
    scene->AddItem(chart);
    chart->SetTitle(options.title.toStdString());
    for (int side : {vtkAxis::BOTTOM, vtkAxis::LEFT}) {
        vtkAxis* axis = chart->GetAxis(side);
        styleChartAxis(axis, data.axisTitle(side == vtkAxis::BOTTOM), scale, options.grid);
        axis->SetBehavior(vtkAxis::FIXED);  // ranges are set below, so hover and export agree
    }
    if (data.log) addParetoPlots(chart, data, options, scale);
    // The legend's place decides the plot's shape, which equal axes need for their ranges.
    const ChartFrameOptions frame{true};
    const ChartLayout layout = layoutChart(chartTexts(chart, frame), width, height, scale);
    setRanges(chart, data, layout.plot, options.equalAxes);
    applyChartLayout(scene, chart, layout, frame);
    fitAxisTicks(chart->GetAxis(vtkAxis::BOTTOM), layout.plot.width, scale);
    fitAxisTicks(chart->GetAxis(vtkAxis::LEFT), layout.plot.height, scale);
    return chart;
}

long nearestParetoPoint(vtkChartXY* chart, const ParetoData& data, double sx, double sy, double radius)
{
    if (!chart) return -1;
    vtkAxis* ax = chart->GetAxis(vtkAxis::BOTTOM);
    vtkAxis* ay = chart->GetAxis(vtkAxis::LEFT);
    const float* p1 = ax->GetPoint1();
    const float* p2 = ax->GetPoint2();
    const float* q1 = ay->GetPoint1();
    const float* q2 = ay->GetPoint2();
    const double pw = p2[0] - p1[0], ph = q2[1] - q1[1];
    const double dx = ax->GetMaximum() - ax->GetMinimum(), dy = ay->GetMaximum() - ay->GetMinimum();
    if (!(pw > 0 && ph > 0 && dx > 0 && dy > 0)) return -1;
    long best = -1;
    double bestD2 = radius * radius;
    // A linear scan: 10^5 points cost well under a millisecond per mouse move.
    for (std::size_t i = 0; i < data.points.size(); ++i) {
        const ParetoPoint& p = data.points[i];
        if (!data.isVisible(p)) continue;
        const double px = p1[0] + (p.x - ax->GetMinimum()) / dx * pw;
        const double py = q1[1] + (p.y - ay->GetMinimum()) / dy * ph;
        const double d2 = (px - sx) * (px - sx) + (py - sy) * (py - sy);
        if (d2 < bestD2) {
            bestD2 = d2;
            best = static_cast<long>(i);
        }
    }
    return best;
}

}  // namespace cl::ui::logs
