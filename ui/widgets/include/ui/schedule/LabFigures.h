#pragma once
// The Schedule lab's figures, each built from plain data by one function: the window's plots call
// these, and so does `commutelab render --lab FILE --view NAME`, so a figure on screen, its export
// and the command line's file are drawn by the same code (docs/lab-format.md, "Figures").
//
//   loss      every domain loss and the mean over time, one line style per run   (lossPlot)
//   plane     trajectories in the (L_i, L_j) plane from θ0 and the extra starts    (planePlot)
//   pmatrix   e(A, B) = P(L_A, L_B; mean) at a time along a run                    (pmatrixPlot)
//   histogram the ratio distribution of one Table 1 cell                           (table1Histogram)
//   schedule  the editor's schedule: each domain's weight over [0, T]               (the editor's bands)

#include "ui/schedule/LabTypes.h"
#include "ui/schedule/ScheduleCharts.h"

#include "core/experiments/LabFile.h"
#include "core/experiments/Table1.h"

#include <optional>
#include <string>

namespace cl::ui::schedule {

struct LabFigure {
    QString title;                  // the chart's title, also the SVG/PDF document title
    ScaledScenePopulator populate;  // empty when there is nothing to draw
    FigureTable data;               // the numbers behind it (CSV next to an export)
    std::vector<Series> series;     // the curves as plotted (XY charts)
};

/// The view names `render --lab` accepts, in the order above.
const std::vector<std::string>& labFigureViews();

LabFigure lossFigure(const std::vector<std::shared_ptr<RunRecord>>& runs);
/// i, j 0-based.
LabFigure planeFigure(const std::vector<std::shared_ptr<RunRecord>>& runs, int i, int j);
/// `run` 1-based, the matrix already computed at `time`.
LabFigure pmatrixFigure(const Matrix& matrix, int run, double time);
LabFigure histogramFigure(const Table1Cell& cell);
LabFigure scheduleFigure(const Schedule& schedule, double horizon);

/// What a lab file computes to: the model, its runs (recomputed: they are deterministic given the
/// model's seed and the schedules) and, when the table had been run, Table 1.
struct LabResults {
    std::shared_ptr<const LabModel> model;
    std::vector<std::shared_ptr<RunRecord>> runs;
    std::optional<Table1Result> table1;
};

/// The window's Table 1 spec for the file's table1 section.
Table1Spec table1SpecOf(const LabTable1Spec& spec);
/// Computes the runs of `lab` on `model` (what the window does on open); Cancelled on request.
std::vector<std::shared_ptr<RunRecord>> computeLabRuns(const LabModel& model, const LabFile& lab,
                                                       ProgressSink* progress = nullptr);
/// The model, runs and (when `withTable1` and the file says it was computed) Table 1.
LabResults computeLab(const LabFile& lab, bool withTable1);

/// The figure `view` of a lab file as the window shows it with the file's view choices. Throws
/// std::invalid_argument for an unknown view or one with nothing to draw (no runs, Table 1 not run).
LabFigure labFigure(const LabResults& results, const LabFile& lab, const std::string& view);

}  // namespace cl::ui::schedule
