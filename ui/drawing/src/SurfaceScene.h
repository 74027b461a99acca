#pragma once
// What the 3-D surface view puts in a renderer: the surface coloured by the loss, level curves
// on it, θ₁/θ₂/loss axes labelled with loss values (not scaled heights), a colour bar and a
// title that says the heights are scaled. The window and the PNG export fill their renderers
// through this one class, so an exported figure is what is on screen.

#include "ui/SurfaceFigure.h"
#include "ui/SurfaceGeometry.h"

#include <memory>
#include <string>

class vtkCamera;
class vtkRenderer;

namespace cl::ui {

class SurfaceScene {
public:
    /// Adds its actors to `renderer`, which must outlive this object.
    explicit SurfaceScene(vtkRenderer* renderer);
    ~SurfaceScene();

    /// Rebuilds the geometry and every actor (throws std::invalid_argument for an unknown map).
    void setSpec(SurfaceSceneSpec spec);
    const SurfaceSceneSpec& spec() const;
    /// Null until a spec with samples was set.
    const SurfaceGeometry* geometry() const;
    /// Text sizes and line widths: 1 at 96 DPI (devicePixelRatio on screen, dpi / 96 in exports).
    void setScale(double scale);

    /// The default view: from azimuth −60° and 30° above the θ plane (matplotlib's), fitted.
    void resetCamera();
    vtkCamera* camera() const;

    static constexpr double heightFraction = 0.5;  // z range / larger side of the rectangle
    static constexpr double defaultAzimuth = -60, defaultElevation = 30;

private:
    void applyScale();
    struct Parts;
    std::unique_ptr<Parts> p_;
};

}  // namespace cl::ui
