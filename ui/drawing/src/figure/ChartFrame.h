#pragma once
// A vtkChartXY laid out by layoutChart (ui/ChartLayout.h): the texts are read from the chart, the
// layout is computed as data, then applied (axes pinned to the plot rectangle, titles set to fit,
// the legend at the right, inside or below, ticks that do not collide). The log window's charts and
// the Schedule lab's charts all finish here, on screen and in every export.

#include "ui/ChartLayout.h"

class vtkAxis;
class vtkChartXY;
class vtkContextScene;

namespace cl::ui {

struct ChartFrameOptions {
    bool boldTitle = false, boldAxisTitles = false;
    bool legendInside = false, legendAtBottom = false;  // ChartTexts
};

/// The chart's title, axis titles and the labels of the plots its legend lists.
ChartTexts chartTexts(vtkChartXY* chart, const ChartFrameOptions& options);

/// Pins the axes to layout.plot, sets the fitted titles and places the legend (VTK's at the right
/// or inside; below: VTK's hidden and a ChartLegendItem added to `scene`).
void applyChartLayout(vtkContextScene* scene, vtkChartXY* chart, const ChartLayout& layout,
                      const ChartFrameOptions& options);

/// Tick positions whose labels keep apart (legibleTicks) on an axis of fixed range that has no
/// custom ticks of its own, `length` pixels long.
void fitAxisTicks(vtkAxis* axis, double length, double scale);

/// When the x axis's first tick and the y axis's first tick both sit at the plot's lower-left
/// corner and their labels would meet there (large text), the x axis's first tick goes.
void clearCorner(vtkChartXY* chart, double scale);

/// chartTexts, layoutChart, applyChartLayout, fitAxisTicks on both axes and clearCorner (for
/// charts whose ranges do not depend on the plot's shape). Returns the layout.
ChartLayout finishChart(vtkContextScene* scene, vtkChartXY* chart, int width, int height, double scale,
                        const ChartFrameOptions& options);

}  // namespace cl::ui
