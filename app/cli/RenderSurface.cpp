#include "cli/RenderSurface.h"

#include "ui/SurfaceSamples.h"

#include <memory>

namespace cl::cli {

ui::SurfaceSceneSpec surfaceSceneSpec(const ParsedArgs& args, const FieldGrid& grid, const Target& target,
                                      const ui::LandscapeOptions& options)
{
    const std::string name = args.has("field") ? args.text("field") : "l1";
    ui::SurfaceField field = ui::SurfaceField::L1;
    if (name == "l2")
        field = ui::SurfaceField::L2;
    else if (name == "target")
        field = ui::SurfaceField::Target;
    else if (name != "l1")
        throw UsageError("--field: unknown field '" + name + "' (use l1, l2 or target)");
    ui::SurfaceSceneSpec spec;
    spec.samples = std::make_shared<const ui::SurfaceSamples>(ui::surfaceSamples(grid, field, target));
    spec.valueName = ui::surfaceValueName(field, target);
    spec.colorMap = options.colorMap;
    spec.levelCurves = options.contourCount;
    return spec;
}

}  // namespace cl::cli
