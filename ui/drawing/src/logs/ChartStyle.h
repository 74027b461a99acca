#pragma once
// The look shared by the log window's charts (Pareto, prediction, advice, RMS): axis fonts and
// how a series of points is handed to VTK. Where the chart sits is figure/ChartFrame.h's job.

#include "ui/logs/ParetoScene.h"

#include <QString>

#include <vtkSmartPointer.h>

#include <vector>

class vtkAxis;
class vtkChartXY;
class vtkPlot;
class vtkTable;

namespace cl::ui::logs {

/// Title and tick fonts scaled with the figure, a light grid when `grid` is set.
void styleChartAxis(vtkAxis* axis, const QString& title, double scale, bool grid);

/// The two columns of a series as a VTK table.
vtkSmartPointer<vtkTable> makeXYTable(const std::vector<double>& xs, const std::vector<double>& ys, const char* xName,
                                      const char* yName);

/// Adds a plot of `type` (vtkChart::LINE, POINTS, …) for the points (xs[i], ys[i]); the column
/// names show in VTK's tooltips.
vtkPlot* addXYSeries(vtkChartXY* chart, int type, const std::vector<double>& xs, const std::vector<double>& ys,
                     const char* xName, const char* yName);

}  // namespace cl::ui::logs
