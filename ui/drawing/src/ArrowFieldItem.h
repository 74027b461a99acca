#pragma once
// Arrows of the panel's vector field on a lattice over the shown rectangle: −∇L1 or −∇L2 (the
// direction training moves) on the L1/L2 panels, R(L1, L2) on the bracket panel. Length follows
// LandscapeOptions::arrowScaling relative to the 95th percentile of the drawn norms, capped at
// one lattice spacing, so both weak and strong parts of the field stay visible.

#include "LandscapeItem.h"

namespace cl::ui {

class ArrowFieldItem : public LandscapeItem {
public:
    static ArrowFieldItem* New();
    vtkTypeMacro(ArrowFieldItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

    /// Length as a fraction of the maximum for norm / reference = ratio (ratio ≥ 0).
    static double lengthFraction(LandscapeOptions::ArrowScaling scaling, double ratio);

protected:
    ArrowFieldItem() = default;
    ~ArrowFieldItem() override = default;
};

}  // namespace cl::ui
