#pragma once
// Every panel: its title (and a smaller subtitle) centred above the plot. Also the heading of a
// multi-panel figure, with a layout spanning the whole scene.

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

private:
    void drawFitted(vtkContext2D* painter, double centre, double y, const std::string& text);
};

}  // namespace cl::ui
