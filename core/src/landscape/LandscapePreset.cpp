#include "core/landscape/LandscapePreset.h"

#include "core/landscape/QuadraticParameters.h"

#include <stdexcept>

namespace cl {

const std::vector<LandscapePreset>& landscapePresets()
{
    static const std::vector<LandscapePreset> presets = [] {
        std::vector<LandscapePreset> list;
        list.push_back({"figure1", "Figure 1 pair",
                        "A quadratic and a log-barrier bowl with a ripple: green and purple regions both appear, "
                        "as in the paper's Figure 1.",
                        "0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y",
                        "log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)", GridSpec{-3, 3, -3, 3, 200}});
        list.push_back({"rotated-quadratics", "Two rotated quadratics",
                        "The paper's toy model (§3.1) in 2-D: two elongated bowls at 60° to each other; their "
                        "Hessians do not commute, so R is affine in θ.",
                        quadraticExpression({2.0, 0.25, 20, 1.0, 0.5}),
                        quadraticExpression({1.5, 0.2, 80, -1.0, -0.5}), GridSpec{-3, 3, -3, 3, 200}});
        list.push_back({"quadratic-nonconvex", "Quadratic and non-convex",
                        "A round bowl against a double well with a wavy floor: the bracket changes sign across "
                        "the wells.",
                        "0.5*((x-0.5)^2 + (y-0.5)^2)", "(x^2 - 1)^2 + 0.5*y^2 + 0.3*sin(3*y)*x",
                        GridSpec{-2, 2, -2, 2, 200}});
        return list;
    }();
    return presets;
}

const LandscapePreset& findLandscapePreset(const std::string& name)
{
    std::string known;
    for (const auto& p : landscapePresets()) {
        if (p.name == name) return p;
        known += (known.empty() ? "" : ", ") + p.name;
    }
    throw std::invalid_argument("unknown preset '" + name + "' (known: " + known + ")");
}

}  // namespace cl
