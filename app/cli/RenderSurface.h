#pragma once
// The 3-D surface's part of `commutelab render --preset/--session … --view surface`: the same
// surface the workspace's View ▸ 3-D surface… shows (ui/SurfaceFigure.h), from the sampled grid,
// seen from the window's default camera, written as PNG, SVG or PDF.

#include "cli/CommandRegistry.h"
#include "core/FieldGrid.h"
#include "core/Target.h"
#include "ui/LandscapeOptions.h"
#include "ui/SurfaceFigure.h"

namespace cl::cli {

/// What `--field l1|l2|target` (default l1) asks to be the height, named as the window names it,
/// coloured and contoured as the landscape options say. Throws UsageError for another field.
ui::SurfaceSceneSpec surfaceSceneSpec(const ParsedArgs& args, const FieldGrid& grid, const Target& target,
                                      const ui::LandscapeOptions& options);

}  // namespace cl::cli
