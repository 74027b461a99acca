#pragma once
// Where one landscape panel puts things, in scene pixels (origin bottom-left, as VTK's context
// scene). One pure function of the panel's cell, so the scene items, the hover read-out and the
// tests all map data to pixels the same way.

namespace cl::ui {

struct PlotLayout {
    double scale = 1;  // device pixels per logical pixel: fonts, margins and lines grow with it
    // The plot area and the data range it shows. Both axes have the same units, so
    // width / height = (xmax − xmin) / (ymax − ymin).
    double left = 0, bottom = 0, width = 0, height = 0;
    double xmin = 0, xmax = 1, ymin = 0, ymax = 1;
    // Top-left corner and width of the column right of the plot (legend or colour bar).
    double columnLeft = 0, columnTop = 0, columnWidth = 0;
    double titleY = 0;  // baseline of the panel title (narrow panels: of its lowest line)

    // A narrow panel (the legend column would leave the plot less than the style's
    // minPlotShare of the width the two share) puts its legend in a band below the plot and
    // sizes its text and margins from the style's points (FigureStyle) instead of the screen's
    // logical pixels. The band's top-left corner and size, scene pixels.
    bool legendBelow = false;
    bool subtitleWrapped = false;  // narrow: the subtitle did not fit one line at minTextPt
    double bandLeft = 0, bandTop = 0, bandWidth = 0, bandHeight = 0;
    // The panel's cell across the figure: titles fit its width.
    double cellLeft = 0, cellWidth = 0;
    // Text sizes (scene pixels) and the tick length; compute() fills the wide panel's.
    double titlePx = 15, subtitlePx = 11.5, tickPx = 13, axisTitlePx = 16, legendPx = 12, tickLength = 6;

    // Fixed parts of a panel's width and height around the plot, in units of `scale`.
    static constexpr double marginLeft = 70, marginBottom = 58, marginTop = 62, marginRight = 14, gap = 18;

    /// The plot fitted into the cell (left, bottom, width, height in scene pixels) with a
    /// column of `columnWidth` (already scaled) at its right, centred in what is left over.
    static PlotLayout compute(double cellLeft, double cellBottom, double cellWidth, double cellHeight, double xmin,
                              double xmax, double ymin, double ymax, double columnWidth, double scale);

    double sceneX(double x) const { return left + (x - xmin) / (xmax - xmin) * width; }
    double sceneY(double y) const { return bottom + (y - ymin) / (ymax - ymin) * height; }
    double dataX(double sx) const { return xmin + (sx - left) / width * (xmax - xmin); }
    double dataY(double sy) const { return ymin + (sy - bottom) / height * (ymax - ymin); }
    bool insidePlot(double sx, double sy) const
    {
        return sx >= left && sx <= left + width && sy >= bottom && sy <= bottom + height;
    }
};

}  // namespace cl::ui
