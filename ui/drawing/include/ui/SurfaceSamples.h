#pragma once
// The one scalar field the 3-D surface view lifts (L1, L2 or the P map's target loss), taken
// from a sampled FieldGrid: plain data, no window, so tests can check it against core.

#include "core/FieldGrid.h"
#include "core/Target.h"

#include <vector>

#include <string>

namespace cl::ui {

/// One scalar field on a lattice, row-major like FieldGrid (index j * n + i). Non-finite values
/// are undefined points.
struct SurfaceSamples {
    GridSpec spec;
    std::vector<double> values;
};

enum class SurfaceField { L1, L2, Target };

/// The chosen field at every stride-th node of `grid`, with the smallest stride that leaves at
/// most `maxSide` nodes a side (a surface of 1024² triangles pairs is slow to turn in software
/// OpenGL and no sharper on screen); the rectangle then ends at the last node taken. The target
/// is the one the grid's P was measured against: a mix is w1·L1 + w2·L2 from the grid's values,
/// a custom target loss is evaluated at the nodes. Throws std::invalid_argument for a mix whose
/// weights are not two, or a grid whose fields do not match its spec.
SurfaceSamples surfaceSamples(const FieldGrid& grid, SurfaceField field, const Target& target = Target::mean(2),
                              int maxSide = 256);

/// How the surface names its height (the z axis and the colour bar): "L₁", "L₂" or
/// "target (<the target's label>)"; the window and `commutelab render --view surface` alike.
std::string surfaceValueName(SurfaceField field, const Target& target);

}  // namespace cl::ui
