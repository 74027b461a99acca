#pragma once
// Where the landscape figure puts things, in scene pixels (origin bottom-left, as VTK's context
// scene). One pure function of the scene size, so the scene items, the hover read-out and the
// tests all map data to pixels the same way.

#include "core/FieldGrid.h"

namespace cl::ui {

struct PlotLayout {
    double sceneWidth = 0, sceneHeight = 0;
    double scale = 1;  // device pixels per logical pixel: fonts and margins grow with it
    // The square plot area and the data range it shows.
    double left = 0, bottom = 0, side = 0;
    double xmin = 0, xmax = 1, ymin = 0, ymax = 1;
    // Top-left corner of the legend column.
    double legendLeft = 0, legendTop = 0, legendWidth = 0;
    double titleY = 0;

    /// The shown range is the grid's range widened by half a step on every side, so each grid
    /// point sits at the centre of its shading cell.
    static PlotLayout compute(double sceneWidth, double sceneHeight, const GridSpec& spec, double scale);

    double sceneX(double x) const { return left + (x - xmin) / (xmax - xmin) * side; }
    double sceneY(double y) const { return bottom + (y - ymin) / (ymax - ymin) * side; }
    double dataX(double sx) const { return xmin + (sx - left) / side * (xmax - xmin); }
    double dataY(double sy) const { return ymin + (sy - bottom) / side * (ymax - ymin); }
    bool insidePlot(double sx, double sy) const
    {
        return sx >= left && sx <= left + side && sy >= bottom && sy <= bottom + side;
    }
};

}  // namespace cl::ui
