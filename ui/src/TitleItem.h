#pragma once
// Layer 6: the figure title above the plot.

#include "LandscapeItem.h"

namespace cl::ui {

class TitleItem : public LandscapeItem {
public:
    static TitleItem* New();
    vtkTypeMacro(TitleItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

protected:
    TitleItem() = default;
    ~TitleItem() override = default;
};

}  // namespace cl::ui
