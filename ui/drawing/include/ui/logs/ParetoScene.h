#pragma once
// The Pareto figure (paper Figs. 2, 3) as a VTK Context2D chart, built by one function that
// both the live view and the PNG/SVG/PDF export call. Points go in one vtkPlotPoints per
// series (one per run, one per budget group), never one item per point, so 10^5 points stay
// fluid. Runs take the colour-blind-safe palette of RunPalette.h, interventions its vermillion.

#include "ui/ChartLayout.h"
#include "ui/logs/ParetoData.h"

#include <QString>

class vtkChartXY;
class vtkContextScene;

namespace cl::ui::logs {

struct ParetoSceneOptions {
    bool equalAxes = false;  // one data unit is as long on both axes
    bool grid = true;        // light grid lines at the ticks
    int maxLabels = 150;     // label points (steps, Δw) only when a series has at most this many
    QString title;
};

using cl::ui::PlotRect;
/// The plot rectangle (scene pixels, origin bottom-left) the log charts' axes are pinned to when
/// their legend fits in the right margin (their usual sizes; layoutChart in ui/ChartLayout.h
/// moves a legend that does not fit below the plot).
PlotRect paretoPlotRect(int width, int height, double scale);

/// Adds the chart to `scene` and returns it (owned by the scene).
vtkChartXY* populateParetoScene(vtkContextScene* scene, const ParetoData& data, const ParetoSceneOptions& options,
                                int width, int height, double scale);

/// Nearest visible point to scene position (sx, sy) within `radius` scene pixels, reading the
/// chart's current axis ranges (after any pan or zoom); -1 when none.
long nearestParetoPoint(vtkChartXY* chart, const ParetoData& data, double sx, double sy, double radius);

}  // namespace cl::ui::logs
