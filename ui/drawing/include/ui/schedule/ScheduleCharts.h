#pragma once
// Populators (cl::ui::ScenePopulator) for the Schedule lab's figures, built from plain data so
// that a figure on screen and its export are made by the same function.

#include "ui/FigureExport.h"

#include "core/Loss.h"

#include <QColor>
#include <QString>
#include <QStringList>

#include <vector>

namespace cl::ui::schedule {

/// One curve (or point set) of an XY chart.
struct Series {
    QString name;
    std::vector<double> x, y;
    QColor colour;
    double width = 2.0;
    int lineType = 1;     // vtkPen: 1 solid, 2 dash, 3 dot, 4 dash-dot
    bool points = false;  // markers instead of a line
    bool inLegend = true;
};

struct ChartLabels {
    QString title, x, y;
    /// Where the legend goes: top right, or bottom right (for curves that start top right).
    bool legendAtBottom = false;
};

/// Lines and point sets on linear axes, with a legend for the series that ask for one.
ScaledScenePopulator xyChart(const ChartLabels& labels, std::vector<Series> series);

/// A histogram of `values` (NaNs skipped) in `bins` equal bins, with a line at `marker` (if finite).
ScaledScenePopulator histogramChart(const ChartLabels& labels, std::vector<double> values, int bins, double marker);

/// An antisymmetric K×K matrix as a heat map, diverging colours centred on 0, with a colour bar.
/// `rows` label both axes (the matrix entry (a, b) is drawn in row a, column b).
ScaledScenePopulator heatMapChart(const QString& title, const Matrix& matrix, const QStringList& rows);

/// The P-matrix figure's title: "P-matrix along run R at t = T" (run counts from 1).
QString pMatrixTitle(int run, double time);

/// The numbers behind each chart, for the CSV next to an export.
FigureTable xyChartTable(const std::vector<Series>& series);
FigureTable histogramTable(std::vector<double> values, int bins, double marker);
FigureTable heatMapTable(const Matrix& matrix, const QStringList& rows);

}  // namespace cl::ui::schedule
