#pragma once
// What the landscape scene draws: the sampled fields and the level curves computed from them
// in core. The scene items only read it; LandscapeView replaces it as a whole.

#include "core/Contours.h"
#include "core/FieldGrid.h"
#include "ui/PlotLayout.h"

#include <memory>
#include <string>
#include <vector>

namespace cl::ui {

struct LandscapeModel {
    std::shared_ptr<const FieldGrid> grid;  // null before the first computation finishes
    std::vector<ContourLevel> l1Curves, l2Curves;
    FieldSummary summary;
    std::string title = "Lie bracket R(L1, L2) and where reordering helps both losses";
    std::string subtitle;
    double scale = 1;  // device pixel ratio
    unsigned long generation = 0;  // changes with every new grid, so items can cache per grid

    GridSpec spec() const { return grid ? grid->spec : GridSpec{}; }
    PlotLayout layout(double sceneWidth, double sceneHeight) const
    {
        return PlotLayout::compute(sceneWidth, sceneHeight, spec(), scale);
    }
};

}  // namespace cl::ui
