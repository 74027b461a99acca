#pragma once
// What the Pareto view plots (paper Figs. 2, 3), computed from one or more runs for one choice of
// axes: each run's checkpoints (one point per checkpoint, a colour per run), the base run's
// intervention points grouped by equal token budget (same start t0 and length Δt, so the same
// tokens per domain whatever Δw and the order), and the non-dominated front over every visible
// point of every visible run (core's paretoFront). Plain data, no VTK: the scene, the hover
// read-out, the front table and the tests all read this.

#include "core/logs/RunLog.h"

#include <QString>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace cl::ui::logs {

/// One run handed to the Pareto view.
struct ParetoRunInput {
    QString name;
    std::shared_ptr<const cl::logs::RunLog> log;
    /// A per-run table (RegMix): every checkpoint is a separate training run, so its points are
    /// not joined by a line; `rowLabels` (when as many as checkpoints) name them.
    bool table = false;
    std::vector<std::string> rowLabels;
};

struct ParetoPoint {
    double x = 0, y = 0;
    bool base = true;     // a checkpoint of run `run`, or an intervention of the base run
    std::size_t row = 0;  // row in that run's RunLog::checkpoints or RunLog::interventions
    int group = -1;       // index into ParetoData::groups (interventions only)
    int run = 0;          // index into ParetoData::runs
};

struct ParetoGroup {
    double start = 0, length = 0;
    QString label;  // "t0 8000, Δt 4000" and the token budget per domain
    bool visible = true;
    std::vector<std::size_t> points;  // indices into ParetoData::points
};

struct ParetoRun {
    QString name;
    std::shared_ptr<const cl::logs::RunLog> log;
    int colour = 0;  // index for runColour(): the run's place in the input, stable when the base changes
    bool visible = true;
    bool connected = true;  // a trajectory (joined in step order) or a table of runs
    std::vector<std::string> rowLabels;
    int xDomain = -1, yDomain = -1;   // the axes' domains in this run's log; -1: the run lacks one
    std::vector<std::size_t> points;  // its checkpoints, indices into ParetoData::points
};

/// What to leave out, by name and key, so that it survives a reload and a change of axes.
struct ParetoHidden {
    std::vector<std::pair<double, double>> groups;  // (start, length) of budget groups
    std::vector<QString> runs;                      // run names
};

struct ParetoData {
    std::shared_ptr<const cl::logs::RunLog> log;  // the base run's log
    int baseRun = 0;
    std::vector<ParetoRun> runs;
    std::string xName, yName;      // the axes' domain names
    int xDomain = 0, yDomain = 1;  // the axes' domains in the base log (-1 when it lacks one)
    /// The base run's checkpoints first (in log order), then its interventions, then the other
    /// runs' checkpoints run by run.
    std::vector<ParetoPoint> points;
    std::size_t baseCount = 0;        // the base run's checkpoints: points[0, baseCount)
    std::vector<ParetoGroup> groups;  // ordered by start, then length
    /// Indices into `points` of the non-dominated visible points, by increasing x.
    std::vector<std::size_t> front;
    /// Interventions that could not be placed: no reached loss, no base loss and no checkpoint
    /// at t0 + 2Δt to add their excess loss to (the paper's tables are like that).
    int unplaced = 0;

    bool isVisible(const ParetoPoint& p) const
    {
        return runs[p.run].visible && (p.group < 0 || groups[p.group].visible);
    }
    QString axisTitle(int domain) const;
    /// "L_en (loss of domain 1)" for the horizontal or the vertical axis.
    QString axisTitle(bool horizontal) const;
};

/// Builds the plot data for several runs; `baseRun` indexes `runs`. The axes are domain names, so
/// runs with other domain sets overlay where they share the two domains.
ParetoData buildParetoData(const std::vector<ParetoRunInput>& runs, int baseRun, const std::string& xName,
                           const std::string& yName, const ParetoHidden& hidden = {});

/// One log (the single-run window): its domains `xDomain`, `yDomain` on the axes.
ParetoData buildParetoData(std::shared_ptr<const cl::logs::RunLog> log, int xDomain, int yDomain,
                           const std::vector<std::pair<double, double>>& hiddenGroups = {});

/// Where an intervention row lands on the two axes, or false when it cannot be placed.
bool interventionPosition(const cl::logs::RunLog& log, std::size_t row, int xDomain, int yDomain, double& x, double& y);

/// Every number of one point, one line each, for the hover read-out and tooltips: the run, its
/// step and losses, and for another run's checkpoint its difference from the base run at the
/// same step.
QString describePoint(const ParetoData& data, std::size_t index);

/// Compact number text: 4 significant digits, exponent for very small or large values.
QString number(double value);

}  // namespace cl::ui::logs
