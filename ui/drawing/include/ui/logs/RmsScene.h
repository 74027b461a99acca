#pragma once
// The bracket-vs-gradient RMS figure (issue 12): a log-log scatter, one point per parameter tensor
// and one colour per domain pair, with the straight line fitted in log space and its slope in the
// legend. The chart plots log10 values on linear axes with ticks labelled at powers of ten, so the
// fitted line is exactly straight and hover, export and tests read plain numbers.

#include "ui/logs/RmsData.h"

class vtkChartXY;
class vtkContextScene;

namespace cl::ui::logs {

/// The legend label of the fitted line starts with this (tests find the series by it).
inline constexpr char kRmsFitLabel[] = "fit in log space";

vtkChartXY* populateRmsScene(vtkContextScene* scene, const RmsData& data, const QString& title, int width, int height,
                             double scale, bool grid = true);

}  // namespace cl::ui::logs
