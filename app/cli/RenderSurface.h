#pragma once
// The 3-D surface's part of `commutelab render --preset/--session … --view surface`: the same
// surface the workspace's View ▸ 3-D surface… shows (ui/SurfaceFigure.h), from the sampled grid,
// seen from the window's default camera, written as PNG, SVG or PDF.

#include "cli/CommandRegistry.h"
#include "core/FieldGrid.h"
#include "core/Target.h"
#include "ui/LandscapeOptions.h"
#include "ui/SurfaceFigure.h"
#include "ui/SurfaceSamples.h"

namespace cl::cli {

/// The field `--field l1|l2|target` asks to be the height (default l1); read before any work is
/// done. Throws UsageError for another field.
ui::SurfaceField surfaceFieldOption(const ParsedArgs& args);

/// The surface of `field` over `grid`, named as the window names it, coloured and contoured as the
/// landscape options say.
ui::SurfaceSceneSpec surfaceSceneSpec(ui::SurfaceField field, const FieldGrid& grid, const Target& target,
                                      const ui::LandscapeOptions& options);

}  // namespace cl::cli
