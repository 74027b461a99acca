#pragma once
// Layer 2: level curves of L1 and L2 (Figure 1a, 1b), one colour per loss.

#include "LandscapeItem.h"

namespace cl::ui {

class LevelCurvesItem : public LandscapeItem {
public:
    static LevelCurvesItem* New();
    vtkTypeMacro(LevelCurvesItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

protected:
    LevelCurvesItem() = default;
    ~LevelCurvesItem() override = default;

private:
    void drawLevels(vtkContext2D* painter, const std::vector<ContourLevel>& levels, const PlotLayout& l);
};

}  // namespace cl::ui
