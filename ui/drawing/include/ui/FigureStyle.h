#pragma once
// The one figure style of CommuteLab, declared once (ui/drawing/src/figure/FigureStyle.cpp, in the spirit
// of a LabPlot theme): fonts in points, line widths in points, the Okabe–Ito domain palette
// (domain k has one colour in every window), the sequential and diverging maps with one sign
// convention for P, marker shapes and dash patterns. Sizes are physical: a figure is W×H inches
// at a DPI, as in matplotlib; a scene of W·dpi × H·dpi pixels draws a p-point font at p·dpi/72
// pixels. The landscape items, the log charts and the schedule charts all read it.

#include "ui/LandscapeColors.h"

#include <string>
#include <vector>

class vtkTextProperty;

namespace cl::ui {

enum class DashStyle { Solid, Dash, Dot, DashDot, DashDotDot };
enum class MarkerShape { Circle, Square, Diamond, Cross, Plus };

struct FigureStyle {
    std::string fontFamily;  // DejaVu Sans: has θ, ∇, ⟨⟩, −, ½, Δ, subscripts
    std::string regularFontFile, boldFontFile;
    // Font sizes, points.
    double titlePt, subtitlePt, axisTitlePt, tickPt, legendPt, annotationPt;
    // Line widths, points.
    double axisLinePt, dataLinePt, gridLinePt, contourLinePt, arrowLinePt;
    double markerPt;  // marker diameter
    Rgb ink, secondaryInk, grid, background;
    /// Okabe–Ito, in the order domains are numbered: domain k (0-based) is domainColors[k % 8].
    std::vector<Rgb> domainColors;
    /// Marker of domain / series k: markers[k % size].
    std::vector<MarkerShape> markers;
    /// Series k's dash: dashes[k % size]; patterns are on/off lengths in multiples of the
    /// line width (at least 1 pt), so they stay distinct at every width and in every format.
    std::vector<DashStyle> dashes;
    std::string sequentialMap;  // level curves, histograms
    /// P's map. Sign convention (everywhere: P map, P matrix, advice): P > 0 is the map's high
    /// end (blue in RdBu), P < 0 its low end (red); 0 is white.
    std::string divergingMap;
    // Default figure size, inches, and PNG resolution.
    double widthInches, heightInches, wideWidthInches, wideHeightInches;
    int dpi;
    /// Narrow figures (a paper column): titles shrink to fit their width down to minTextPt
    /// before they are elided; a legend column that would leave the plot less than
    /// minPlotShare of the width plot and column share goes below the plot instead.
    double minTextPt, minPlotShare;
};

/// The style (one instance for the whole program).
const FigureStyle& figureStyle();

/// Pixels of `points` at `scale` = dpi / 96 (the scale every populator receives): p · dpi / 72.
double pointsToPixels(double points, double scale);

/// Domain k's colour (0-based, wraps after 8).
Rgb domainColor(std::size_t k);

/// On/off lengths of a dash style, in multiples of the line width; empty for solid.
std::vector<double> dashPattern(DashStyle dash);

/// The VTK line type (vtkPen::SOLID_LINE, …) of a dash style, and back.
int vtkLineType(DashStyle dash);
DashStyle dashOfVtkLineType(int lineType);

/// The VTK marker (VTK_MARKER_CIRCLE, …) of a shape.
int vtkMarker(MarkerShape shape);

/// The style's font face (DejaVu Sans, regular or bold) on a VTK text property: on screen VTK
/// draws it from the file, in exports PainterDevice uses the same family through Qt.
void useStyleFont(vtkTextProperty* text, bool bold = false);
/// The same, sized `points` at `scale` (dpi / 96).
void useStyleFont(vtkTextProperty* text, double points, double scale, bool bold = false);

}  // namespace cl::ui
