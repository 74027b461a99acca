#pragma once
// What the Pareto view plots (paper Figs. 2, 3), computed from a RunLog for one choice of axes:
// the base trajectory (one point per checkpoint), the intervention points grouped by equal
// token budget (same start t0 and length Δt, so the same tokens per domain whatever Δw and the
// order), and the non-dominated front of the visible points (core's paretoFront). Plain data,
// no VTK: the scene, the hover read-out, the front table and the tests all read this.

#include "core/logs/RunLog.h"

#include <QString>

#include <cstddef>
#include <memory>
#include <vector>

namespace cl::ui::logs {

struct ParetoPoint {
    double x = 0, y = 0;
    bool base = true;     // a base checkpoint, or an intervention
    std::size_t row = 0;  // row in RunLog::checkpoints or RunLog::interventions
    int group = -1;       // index into ParetoData::groups (interventions only)
};

struct ParetoGroup {
    double start = 0, length = 0;
    QString label;  // "t0 8000, Δt 4000" and the token budget per domain
    bool visible = true;
    std::vector<std::size_t> points;  // indices into ParetoData::points
};

struct ParetoData {
    std::shared_ptr<const cl::logs::RunLog> log;
    int xDomain = 0, yDomain = 1;
    std::vector<ParetoPoint> points;  // base checkpoints first (in log order), then interventions
    std::size_t baseCount = 0;
    std::vector<ParetoGroup> groups;  // ordered by start, then length
    /// Indices into `points` of the non-dominated visible points, by increasing x.
    std::vector<std::size_t> front;
    /// Interventions that could not be placed: no reached loss, no base loss and no checkpoint
    /// at t0 + 2Δt to add their excess loss to (the paper's tables are like that).
    int unplaced = 0;

    QString axisTitle(int domain) const;
};

/// Builds the plot data; `hiddenGroups` lists (start, length) pairs to leave out of the
/// points' visibility and of the front (groups keep their index either way).
ParetoData buildParetoData(std::shared_ptr<const cl::logs::RunLog> log, int xDomain, int yDomain,
                           const std::vector<std::pair<double, double>>& hiddenGroups = {});

/// Where an intervention row lands on the two axes, or false when it cannot be placed.
bool interventionPosition(const cl::logs::RunLog& log, std::size_t row, int xDomain, int yDomain, double& x,
                          double& y);

/// Every number of one point, one line each, for the hover read-out and tooltips.
QString describePoint(const ParetoData& data, std::size_t index);

/// Compact number text: 4 significant digits, exponent for very small or large values.
QString number(double value);

}  // namespace cl::ui::logs
