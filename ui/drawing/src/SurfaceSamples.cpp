#include "ui/SurfaceSamples.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace cl::ui {

SurfaceSamples surfaceSamples(const FieldGrid& grid, SurfaceField field, const Target& target, int maxSide)
{
    const GridSpec& g = grid.spec;
    if (grid.l1.size() != g.size() || grid.l2.size() != g.size())
        throw std::invalid_argument("surface: the grid's L1/L2 do not match its " + std::to_string(g.n) + "² lattice");
    if (field == SurfaceField::Target && target.isMix() && target.mix.size() != 2)
        throw std::invalid_argument("surface: a target mix needs 2 weights, got " + std::to_string(target.mix.size()));
    maxSide = std::max(2, maxSide);
    int stride = 1;
    while ((g.n - 1) / stride + 1 > maxSide) ++stride;
    const int n = (g.n - 1) / stride + 1;

    SurfaceSamples out;
    out.spec = GridSpec{g.xmin, g.x((n - 1) * stride), g.ymin, g.y((n - 1) * stride), n};
    out.values.resize(out.spec.size());
    Vector theta(2);
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i < n; ++i) {
            const std::size_t from = grid.index(i * stride, j * stride);
            double v = 0;
            switch (field) {
                case SurfaceField::L1:
                    v = grid.l1[from];
                    break;
                case SurfaceField::L2:
                    v = grid.l2[from];
                    break;
                case SurfaceField::Target:
                    if (target.isMix()) {
                        v = target.mix[0] * grid.l1[from] + target.mix[1] * grid.l2[from];
                    } else {
                        theta << g.x(i * stride), g.y(j * stride);
                        v = target.custom->value(theta);
                    }
                    break;
            }
            out.values[std::size_t(j) * n + i] = v;
        }
    }
    return out;
}

std::string surfaceValueName(SurfaceField field, const Target& target)
{
    switch (field) {
        case SurfaceField::L1:
            return "L₁";
        case SurfaceField::L2:
            return "L₂";
        case SurfaceField::Target:
            break;
    }
    return "target (" + target.label + ")";
}

}  // namespace cl::ui
