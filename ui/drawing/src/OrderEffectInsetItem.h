#pragma once
// Every panel: the magnified non-commuting parallelogram of the newest clicked point, in a
// square inside the plot (OrderEffectInset.h says where and at what scale): the flows' last
// stretch, θ_base, θ_{1→2}, θ_{2→1}, the predictions θ_base ± ½Δt²R, a scale bar and the
// magnification. Drawn by the same scene in the window and in exported figures.

#include "LandscapeItem.h"

namespace cl::ui {

class OrderEffectInsetItem : public LandscapeItem {
public:
    static OrderEffectInsetItem* New();
    vtkTypeMacro(OrderEffectInsetItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

protected:
    OrderEffectInsetItem() = default;
    ~OrderEffectInsetItem() override = default;
};

}  // namespace cl::ui
