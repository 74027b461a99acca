#pragma once
// The 3-D surface as a figure file with the camera the window shows. SVG and PDF (and a PNG
// without OpenGL, for the command line) are painted with QPainter through writePaintedFigure:
// the surface's triangles projected with the VTK camera, sorted back to front, flat-shaded,
// with the level curves, the θ₁/θ₂/loss axes, the colour bar and the title as real Unicode text
// (embedded DejaVu in the PDF). The window's own PNG export is its OpenGL frame
// (SurfaceView::exportFigure); docs/figures.md says why vector output does not use VTK's GL2PS.

#include "ui/FigureExport.h"
#include "ui/SurfaceSamples.h"

#include <memory>
#include <string>

class vtkCamera;

namespace cl::ui {

/// What the surface shows; the window and every export are drawn from one of these.
struct SurfaceSceneSpec {
    std::shared_ptr<const SurfaceSamples> samples;  // null: an empty scene
    std::string valueName = "L₁";                   // the z axis and the colour bar
    std::string colorMap = "viridis";
    int levelCurves = 7;  // level curves at evenly spaced quantiles; 0 for none
};

/// Vector output draws the surface at no more than this many nodes a side (evenly spread, both
/// edges kept; cells next to an undefined node stay at full resolution, so holes keep their shape).
inline constexpr int vectorSurfaceMaxSide = 96;

/// The size a surface figure is written at unless the user gives one: 960×720 px at 96 dpi (the
/// window's export dialog starts from it; `commutelab render --view surface` uses it).
FigureOptions surfaceFigureDefaults(const QString& title = {});

/// Writes the surface as PNG, SVG or PDF (by suffix) at options.width × options.height, seen
/// through `camera` (null: the default view, SurfaceScene::resetCamera). The camera's window
/// centre is set for the figure's size as on screen. Throws std::invalid_argument for a spec
/// without samples, an unknown colour map, or what writeFigure refuses.
void writeSurfaceFigure(const SurfaceSceneSpec& spec, vtkCamera* camera, const QString& path,
                        const FigureOptions& options);

}  // namespace cl::ui
