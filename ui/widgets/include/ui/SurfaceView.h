#pragma once
// A loss as a 3-D surface (height = loss, scaled; see SurfaceGeometry.h) that the user turns with
// the mouse: drag rotates (VTK's trackball camera), the wheel zooms, R or resetCamera() returns to
// the default view. Drawn by SurfaceScene inside a VtkOpenGLHost; exports its OpenGL frame as PNG
// and the projected surface as SVG or PDF (writeSurfaceFigure), both with the current camera.

#include "ui/FigureExport.h"
#include "ui/SurfaceSamples.h"
#include "ui/VtkOpenGLHost.h"

#include <memory>
#include <string>

namespace cl::ui {

class SurfaceScene;
struct SurfaceGeometry;

class SurfaceView : public VtkOpenGLHost {
    Q_OBJECT

public:
    explicit SurfaceView(QWidget* parent = nullptr);
    ~SurfaceView() override;

    /// Shows `samples` (null clears) under the name `valueName` (z axis, colour bar, title). The
    /// camera stays where the user turned it; it is reset for the first surface and when the
    /// rectangle changes.
    void setSurface(std::shared_ptr<const SurfaceSamples> samples, const std::string& valueName);
    /// A sequential map of ColorMap::named (throws std::invalid_argument for an unknown name).
    void setColorMap(const std::string& name);
    /// Level curves on the surface at `count` quantiles of the loss; 0 for none.
    void setLevelCurves(int count);
    int levelCurves() const;

    /// The surface drawn (null when empty): heights, scale, value range.
    const SurfaceGeometry* geometry() const;
    std::shared_ptr<const SurfaceSamples> samples() const;

    void resetCamera();
    /// Where the camera looks from, seen from its focal point, in degrees: azimuth from +θ₁
    /// towards +θ₂, elevation above the θ plane.
    struct CameraAngles {
        double azimuth = 0, elevation = 0;
    };
    CameraAngles cameraAngles() const;
    /// Distance from the camera to its focal point (the wheel changes it).
    double cameraDistance() const;

    /// Writes the surface at options.width × options.height with the current camera, text scaled
    /// by dpi / 96: .png renders it off screen with OpenGL and records options.dpi; .svg and .pdf
    /// paint the projected triangles (writeSurfaceFigure: vector, Unicode text). Throws
    /// std::invalid_argument for a bad size, DPI or suffix, or when no surface is shown, and
    /// std::runtime_error naming the path when it cannot be written.
    void exportFigure(const QString& path, const FigureOptions& options) const;

private:
    void rebuild(bool keepCamera);

    struct Vtk;
    std::unique_ptr<Vtk> vtk_;
};

}  // namespace cl::ui
