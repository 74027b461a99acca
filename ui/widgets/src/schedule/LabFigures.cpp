#include "ui/schedule/LabFigures.h"

#include "core/Progress.h"
#include "core/planner/TournamentPlanner.h"

#include <algorithm>
#include <stdexcept>

namespace cl::ui::schedule {

namespace {

// Run r is drawn solid, dashed, dotted, dash-dotted, then again.
int lineTypeOf(int run)
{
    return 1 + run % 4;
}

LabFigure xyFigure(const ChartLabels& labels, std::vector<Series> series)
{
    LabFigure f;
    f.title = labels.title;
    f.data = xyChartTable(series);
    if (!series.empty()) f.populate = xyChart(labels, series);
    f.series = std::move(series);
    return f;
}

}  // namespace

const std::vector<std::string>& labFigureViews()
{
    static const std::vector<std::string> views{"loss", "plane", "pmatrix", "histogram", "schedule"};
    return views;
}

LabFigure lossFigure(const std::vector<std::shared_ptr<RunRecord>>& runs)
{
    std::vector<Series> series;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const RunRecord& run = *runs[r];
        if (!run.visible) continue;
        const QString prefix = QString("run %1: ").arg(r + 1);
        const Trajectory& p = run.primary;
        for (std::size_t k = 0; k < p.domainLosses.size(); ++k)
            series.push_back({prefix + QString("L%1").arg(k + 1), p.times, p.domainLosses[k], domainColour(int(k)), 2.0,
                              lineTypeOf(int(r)), false, r == 0});
        series.push_back(
            {prefix + "mean", p.times, run.targetLosses, QColor(20, 20, 20), 3.0, lineTypeOf(int(r)), false, true});
    }
    return xyFigure({"Domain losses and mean over time", "t", "loss"}, std::move(series));
}

LabFigure planeFigure(const std::vector<std::shared_ptr<RunRecord>>& runs, int i, int j)
{
    std::vector<Series> series;
    std::size_t firstVisible = 0;
    while (firstVisible < runs.size() && !runs[firstVisible]->visible) ++firstVisible;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const RunRecord& run = *runs[r];
        if (!run.visible) continue;
        const QString prefix = QString("run %1: ").arg(r + 1);
        // θ0's trajectory, then the extra starts, all in the run's colour; start points marked.
        const QColor colour = domainColour(int(r) + 4);
        std::vector<double> sx, sy;
        auto addPath = [&](const Trajectory& t, bool legend) {
            if (t.domainLosses.size() <= std::size_t(std::max(i, j))) return;
            series.push_back({prefix + run.name, t.domainLosses[std::size_t(i)], t.domainLosses[std::size_t(j)], colour,
                              legend ? 2.5 : 1.5, lineTypeOf(int(r)), false, legend});
            sx.push_back(t.domainLosses[std::size_t(i)].front());
            sy.push_back(t.domainLosses[std::size_t(j)].front());
        };
        addPath(run.primary, true);
        for (const Trajectory& t : run.extraStarts) addPath(t, false);
        // Every run starts from the same points: mark them once, in ink.
        if (r == firstVisible) series.push_back({"starts", sx, sy, QColor(30, 30, 30), 4.0, 1, true, true});
    }
    const QString li = QString("L%1").arg(i + 1), lj = QString("L%1").arg(j + 1);
    return xyFigure({QString("Trajectories in the (%1, %2) plane").arg(li, lj), li, lj, true}, std::move(series));
}

LabFigure pmatrixFigure(const Matrix& matrix, int run, double time)
{
    QStringList names;
    for (Eigen::Index k = 0; k < matrix.rows(); ++k) names << QString("L%1").arg(k + 1);
    LabFigure f;
    f.title = pMatrixTitle(run, time);
    f.populate = heatMapChart(f.title, matrix, names);
    f.data = heatMapTable(matrix, names);
    return f;
}

LabFigure histogramFigure(const Table1Cell& cell)
{
    constexpr int bins = 24;
    const ChartLabels labels{
        QString("Ratio distribution at t = %1, Δt = %2 (%3 trials)").arg(cell.t).arg(cell.dt).arg(cell.ratios.size()),
        "observed / predicted", "trials"};
    LabFigure f;
    f.title = labels.title;
    f.populate = histogramChart(labels, cell.ratios, bins, cell.median);
    f.data = histogramTable(cell.ratios, bins, cell.median);
    return f;
}

LabFigure scheduleFigure(const Schedule& schedule, double horizon)
{
    // Each domain's weight as a step function on [0, T]: the heights of the editor's bands.
    std::vector<Series> series;
    const auto& segments = schedule.segments();
    for (int k = 0; k < schedule.domainCount(); ++k) {
        std::vector<double> x, y;
        for (std::size_t s = 0; s < segments.size() && segments[s].start < horizon; ++s) {
            const double end = s + 1 < segments.size() ? std::min(segments[s + 1].start, horizon) : horizon;
            x.insert(x.end(), {std::max(segments[s].start, 0.0), end});
            y.insert(y.end(), 2, segments[s].weights[std::size_t(k)]);
        }
        series.push_back({QString("L%1").arg(k + 1), x, y, domainColour(k), 2.5, 1 + k % 4, false, true});
    }
    return xyFigure({"Schedule: weight of each domain over time", "t", "weight w_k(t)"}, std::move(series));
}

Table1Spec table1SpecOf(const LabTable1Spec& spec)
{
    Table1Spec s;
    s.dimension = spec.dimension;
    s.trials = spec.trials;
    s.seed = spec.seed;
    s.q = spec.q;
    s.times = spec.times;
    s.steps = spec.steps;
    return s;
}

std::vector<std::shared_ptr<RunRecord>> computeLabRuns(const LabModel& model, const LabFile& lab,
                                                       ProgressSink* progress)
{
    std::vector<std::shared_ptr<RunRecord>> runs;
    for (std::size_t r = 0; r < lab.runs.size(); ++r) {
        const LabRunSpec& spec = lab.runs[r];
        const Schedule schedule(spec.segments, model.domainCount());
        auto run = computeRun(model, schedule, spec.horizon, spec.extraStarts, nullptr);
        if (progress) {
            if (progress->cancelRequested()) throw Cancelled();
            progress->setProgress(double(r + 1) / double(lab.runs.size()));
        }
        run->name = QString::fromStdString(spec.name);
        run->visible = spec.visible;
        runs.push_back(std::move(run));
    }
    return runs;
}

LabResults computeLab(const LabFile& lab, bool withTable1)
{
    LabResults results;
    results.model = buildLabModel(lab.model);
    results.runs = computeLabRuns(*results.model, lab);
    if (withTable1 && lab.table1.computed) results.table1 = runTable1(table1SpecOf(lab.table1));
    return results;
}

LabFigure labFigure(const LabResults& results, const LabFile& lab, const std::string& view)
{
    const LabViews& v = lab.views;
    if (view == "loss") return lossFigure(results.runs);
    if (view == "plane") return planeFigure(results.runs, v.pairI - 1, v.pairJ - 1);
    if (view == "pmatrix") {
        if (results.runs.empty()) throw std::invalid_argument("the P-matrix is drawn along a run: the lab has none");
        const RunRecord& run = *results.runs.at(std::size_t(v.pmatrixRun - 1));
        const auto i = std::size_t(std::clamp(v.pmatrixSample, 0, int(run.primary.times.size()) - 1));
        const Matrix m = pairwiseOrderMatrix(results.model->losses, *results.model->target, run.primary.states[i]);
        return pmatrixFigure(m, v.pmatrixRun, run.primary.times[i]);
    }
    if (view == "histogram") {
        if (!results.table1) throw std::invalid_argument("Table 1 was not run in this lab (table1.computed is false)");
        return histogramFigure(results.table1->cell(std::size_t(v.table1Row - 1), std::size_t(v.table1Column - 1)));
    }
    if (view == "schedule") return scheduleFigure(Schedule(lab.editor.segments, lab.model.domains), lab.editor.horizon);
    throw std::invalid_argument("unknown lab view '" + view + "' (use loss, plane, pmatrix, histogram or schedule)");
}

}  // namespace cl::ui::schedule
