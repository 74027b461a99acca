#pragma once
// A scalar field on a lattice as a 3-D surface, height = value: the geometry the surface view
// draws, built without a window so tests can check every height.
//
// Heights are scaled: z = heightScale · (v − valueMin), with heightScale chosen so that the
// surface's z range is `heightFraction` of the rectangle's larger side; losses of any magnitude
// then give a surface that is neither flat nor a spike. Axes label z with the loss, not with z.

#include "ui/SurfaceSamples.h"

#include <vtkSmartPointer.h>

#include <cstddef>
#include <vector>

class vtkPolyData;

namespace cl::ui {

struct SurfaceGeometry {
    /// One point (x_i, y_j, height(v)) per finite node and triangles between finite nodes (two
    /// per lattice cell, one when a single corner is undefined, none otherwise). Point data:
    /// scalars "loss" (v itself, for the colour map) and normals from the heights.
    vtkSmartPointer<vtkPolyData> surface;
    /// The point of node (i, j) (index j * n + i) in `surface`, or -1 where v is not finite.
    std::vector<long long> nodePoint;
    double valueMin = 0, valueMax = 0;  // over the finite values (both 0 when there are none)
    double heightScale = 1;
    std::size_t undefinedCount = 0;

    double height(double value) const { return heightScale * (value - valueMin); }
    /// Top of the surface: height(valueMax).
    double top() const { return height(valueMax); }
};

/// Throws std::invalid_argument when values.size() != spec.size() or heightFraction <= 0.
SurfaceGeometry buildSurfaceGeometry(const SurfaceSamples& samples, double heightFraction = 0.5);

/// The level sets {v = level} (core's marching squares) as polylines on the surface, at
/// z = geometry.height(level); cell data "level" holds each polyline's level.
vtkSmartPointer<vtkPolyData> buildSurfaceContours(const SurfaceSamples& samples, const SurfaceGeometry& geometry,
                                                  const std::vector<double>& levels);

}  // namespace cl::ui
