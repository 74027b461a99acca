#pragma once
// The sampled fields as VTK image data (.vti): opens in ParaView with every field as a point
// array on the grid (vectors for the gradients and the bracket).

#include "core/FieldGrid.h"

#include <QString>

namespace cl::ui {

/// Writes `grid` as XML image data (origin xmin, ymin; spacing of the grid; z = 0). Arrays: l1,
/// l2, p (scalars), grad_l1, grad_l2, bracket (3-component vectors with z = 0), region (-1
/// purple, 0 neutral, 1 green, 2 undefined). Throws std::runtime_error naming the path on failure.
void writeFieldsVti(const FieldGrid& grid, const QString& path);

}  // namespace cl::ui
