#pragma once
// The vector surface's geometry steps as plain functions: a world point projected to figure
// pixels with the VTK camera's composite projection, the painter's order (back to front) and the
// nodes kept for vector output. Presentation code, testable without a window: the projection is
// checked against vtkRenderer::WorldToDisplay in tests/ui/test_surface_vector.cpp.

#include <array>
#include <cstddef>
#include <vector>

class vtkCamera;

namespace cl::ui {

/// A camera seen as data: world → normalised device coordinates (VTK's composite projection,
/// row-major 4×4, for the figure's aspect and z in [−1, 1]), where the camera is and where it
/// looks (unit vector), and the figure's size in pixels.
struct SurfaceProjection {
    std::array<double, 16> composite{};
    std::array<double, 3> eye{}, direction{};
    double width = 1, height = 1;
};

/// `camera`'s projection for a width×height figure: vtkCamera::GetCompositeProjectionTransformMatrix
/// (width / height, −1, 1), as a renderer filling that figure uses it.
SurfaceProjection surfaceProjection(vtkCamera* camera, int width, int height);

struct ProjectedPoint {
    double x = 0, y = 0;  // figure pixels, origin top left, y down (QPainter's)
    double depth = 0;     // distance from the camera along its direction: larger is farther
};

/// Where `world` lands in the figure: NDC (x, y) → pixels ((x + 1) / 2 · width, (1 − y) / 2 · height),
/// i.e. VTK's display coordinates with y flipped.
ProjectedPoint projectPoint(const SurfaceProjection& projection, const std::array<double, 3>& world);

/// Indices of `depths` from the farthest to the nearest (painter's algorithm; ties keep their
/// order). Painting in this order hides what is behind, which is exact enough for a height field
/// seen from above, where no two triangles cross.
std::vector<std::size_t> backToFront(const std::vector<double>& depths);

/// At most `maxSide` lattice indices of 0..n−1, evenly spread, the first and the last included
/// (all of them when n <= maxSide).
std::vector<int> keptNodes(int n, int maxSide);

}  // namespace cl::ui
