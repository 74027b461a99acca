#pragma once
// Layer 3: arrows of the bracket R(L1, L2) (Figure 1c) on a coarse lattice of grid points.
// Length grows with √|R| relative to the 95th percentile, so both the weak field near the
// minima and the strong field far away stay visible; the legend says so.

#include "LandscapeItem.h"

namespace cl::ui {

class BracketArrowsItem : public LandscapeItem {
public:
    static BracketArrowsItem* New();
    vtkTypeMacro(BracketArrowsItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

    /// Arrows per side of the plot (the lattice stride follows from the grid size).
    static constexpr int arrowsPerSide = 19;

protected:
    BracketArrowsItem() = default;
    ~BracketArrowsItem() override = default;
};

}  // namespace cl::ui
