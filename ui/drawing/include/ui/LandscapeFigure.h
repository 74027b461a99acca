#pragma once
// A landscape figure as data → a populated VTK Context2D scene. The live LandscapeView, the
// figure export and `commutelab render` all go through populateLandscapeFigure, so what is on
// screen and what is written to PNG/SVG/PDF are drawn by the same items.

#include "ui/LandscapeOptions.h"
#include "ui/PlotLayout.h"

#include "core/FieldGrid.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

class vtkContextScene;

namespace cl::ui {

struct DataRect {
    double xmin = 0, xmax = 1, ymin = 0, ymax = 1;
};

struct LandscapeFigureSpec {
    std::shared_ptr<const FieldGrid> grid;  // null: empty axes
    /// One panel, or several side by side (Figure 1 of the paper is L1 | L2 | Bracket).
    std::vector<LandscapePanel> panels{LandscapePanel::Bracket};
    LandscapeOptions options;
    std::shared_ptr<const LandscapeOverlays> overlays;  // may be null
    /// With one panel: replaces that panel's own title. With several: a heading above them all.
    std::string title, subtitle;
    std::string targetLabel = "mean";  // names the target in the P map
    std::optional<DataRect> view;      // the data rectangle shown; default: the grid's
};

/// The panels of a --view name: "l1", "l2", "bracket", "pmap" or "figure1" (L1, L2, Bracket);
/// empty for an unknown name.
std::vector<LandscapePanel> landscapeViewPanels(const std::string& view);

/// Where panel `index` of the figure puts its plot in a width×height scene (scene pixels,
/// origin bottom-left). `scale` multiplies fonts, margins and line widths.
PlotLayout landscapePanelLayout(const LandscapeFigureSpec& spec, std::size_t index, double width, double height,
                                double scale);

/// The height (scene pixels) at which the panels of a `width`-wide figure fill it with no spare
/// band: several panels are limited by the width (equal axis units), so a fixed height would
/// leave empty space. The default height of `commutelab render` and of the GUI's Figure 1 export.
int landscapeFigureHeight(const LandscapeFigureSpec& spec, int width, double scale);

/// Derives what every panel needs from a grid (level curves at options.contourCount quantiles,
/// region shares, the P map's colour limit) and keeps it for populateLandscapeFigure. Safe on
/// any thread: the live views call it on the sampling worker, so the GUI thread only draws.
void prepareLandscapeFigure(const std::shared_ptr<const FieldGrid>& grid, const LandscapeOptions& options);

/// Clears `scene` and fills it with the figure's items. Throws std::invalid_argument for an
/// unknown colour map name.
void populateLandscapeFigure(vtkContextScene* scene, const LandscapeFigureSpec& spec, int width, int height,
                             double scale);

}  // namespace cl::ui
