#pragma once
// The 3-D surface as flat pieces for a vector figure: the surface's triangles (at most
// vectorSurfaceMaxSide nodes a side), the level curves in short pieces and the axis lines, each
// projected to figure pixels with one depth, sorted back to front; plus the axes' ticks, the
// colour bar's range and the title as data. Built from the same geometry SurfaceScene draws, so
// only the painting differs (SurfaceFigurePainter.cpp).

#include "ui/LandscapeColors.h"
#include "ui/SurfaceFigure.h"
#include "ui/SurfaceProjection.h"

#include <array>
#include <string>
#include <vector>

class QPainter;

namespace cl::ui {

struct SurfaceGeometry;

/// A flat-shaded triangle (lineWidth 0) or a polyline (lineWidth > 0), in figure pixels.
struct SurfaceShape {
    std::vector<std::array<double, 2>> points;
    Rgb colour{0, 0, 0};
    double opacity = 1;
    double lineWidth = 0;
    double depth = 0;  // its distance from the camera, for the painter's order
};

struct SurfaceTick {
    std::array<double, 2> at{};  // on the axis line, pixels
    std::string label;
};

/// One axis as drawn in the figure: its line's ends, the direction (unit, pixels) in which its
/// ticks, labels and title stand away from the box, its ticks and its title.
struct SurfaceAxis {
    std::array<double, 2> from{}, to{};
    std::array<double, 2> outward{};
    std::vector<SurfaceTick> ticks;
    std::string title;
    bool vertical = false;  // the loss axis: its title goes above its top end
};

struct SurfacePicture {
    std::vector<SurfaceShape> shapes;  // back to front
    std::size_t triangleCount = 0;
    std::array<SurfaceAxis, 3> axes;  // θ₁, θ₂, loss
    ColorMap map;
    double lo = 0, hi = 1;         // the colour bar's range
    std::vector<double> barTicks;  // values on the colour bar
    std::string valueName, title, subtitle;
};

/// Projects `geometry` (built by buildSurfaceGeometry from spec.samples) with `projection`.
/// `scale` sets line widths (dpi / 96). Throws std::invalid_argument for an unknown colour map.
SurfacePicture buildSurfacePicture(const SurfaceSceneSpec& spec, const SurfaceGeometry& geometry,
                                   const SurfaceProjection& projection, double scale,
                                   int maxSide = vectorSurfaceMaxSide);

/// Paints `picture` on a width×height figure (SurfaceFigurePainter.cpp): the shapes in order, then
/// ticks, labels and titles over them, the colour bar and the title, text in the style's DejaVu Sans.
void paintSurfacePicture(QPainter& painter, const SurfacePicture& picture, int width, int height, double scale);

/// "%.3g" with a real minus sign.
std::string surfaceTickLabel(double value);

}  // namespace cl::ui
