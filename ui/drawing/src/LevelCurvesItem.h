#pragma once
// Level curves (Figure 1a, 1b): on the L1 or L2 panel that loss's curves coloured by level with
// the sequential colour map (low levels dark); on the bracket panel both losses, one colour each.

#include "LandscapeItem.h"

namespace cl::ui {

class LevelCurvesItem : public LandscapeItem {
public:
    static LevelCurvesItem* New();
    vtkTypeMacro(LevelCurvesItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

    /// Colour of level k of `count` on the L1/L2 panels (shared with their legend): the map
    /// from 0 to 0.85, so the top level is not too pale on white.
    static Rgb levelColour(const ColorMap& map, std::size_t k, std::size_t count);

protected:
    LevelCurvesItem() = default;
    ~LevelCurvesItem() override = default;

private:
    void drawLevel(vtkContext2D* painter, const ContourLevel& level);
};

}  // namespace cl::ui
