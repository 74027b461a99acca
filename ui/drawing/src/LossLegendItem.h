#pragma once
// L1/L2 panels: the legend column: each level curve's colour and value, and what the arrows
// show (−∇L, the direction training on that domain moves θ) and how their length scales.

#include "LandscapeItem.h"

namespace cl::ui {

class LossLegendItem : public LandscapeItem {
public:
    static LossLegendItem* New();
    vtkTypeMacro(LossLegendItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

    static constexpr double columnWidth = 150;  // logical pixels

protected:
    LossLegendItem() = default;
    ~LossLegendItem() override = default;
};

}  // namespace cl::ui
