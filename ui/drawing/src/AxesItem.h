#pragma once
// Every panel: the plot frame, ticks with labels and the axis titles θ₁, θ₂.

#include "LandscapeItem.h"

#include <vector>

namespace cl::ui {

class AxesItem : public LandscapeItem {
public:
    static AxesItem* New();
    vtkTypeMacro(AxesItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

    /// Tick values inside [lo, hi] at a 1-2-5 step giving about `target` ticks.
    static std::vector<double> ticks(double lo, double hi, int target = 7);
    /// A tick's label: shortest form, with a real minus sign.
    static std::string tickLabel(double value);

protected:
    AxesItem() = default;
    ~AxesItem() override = default;
};

}  // namespace cl::ui
