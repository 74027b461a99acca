#include "cli/RenderSurface.h"

#include <memory>

namespace cl::cli {

ui::SurfaceField surfaceFieldOption(const ParsedArgs& args)
{
    const std::string name = args.has("field") ? args.text("field") : "l1";
    if (name == "l1") return ui::SurfaceField::L1;
    if (name == "l2") return ui::SurfaceField::L2;
    if (name == "target") return ui::SurfaceField::Target;
    throw UsageError("--field: unknown field '" + name + "' (use l1, l2 or target)");
}

ui::SurfaceSceneSpec surfaceSceneSpec(ui::SurfaceField field, const FieldGrid& grid, const Target& target,
                                      const ui::LandscapeOptions& options)
{
    ui::SurfaceSceneSpec spec;
    spec.samples = std::make_shared<const ui::SurfaceSamples>(ui::surfaceSamples(grid, field, target));
    spec.valueName = ui::surfaceValueName(field, target);
    spec.colorMap = options.colorMap;
    spec.levelCurves = options.contourCount;
    return spec;
}

}  // namespace cl::cli
