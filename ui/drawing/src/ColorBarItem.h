#pragma once
// P-map panel: the colour bar right of the plot, as vector rectangles (so SVG/PDF keep it
// sharp), with ticks at 1-2-5 steps over [−pLimit, pLimit], pointed ends when values beyond
// the limit were clipped, and the label P(L1, L2; target). Under a narrow plot it lies
// horizontally across the top of the legend band.

#include "LandscapeItem.h"

namespace cl::ui {

class ColorBarItem : public LandscapeItem {
public:
    static ColorBarItem* New();
    vtkTypeMacro(ColorBarItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

    static constexpr double columnWidth = 140;  // logical pixels

protected:
    ColorBarItem() = default;
    ~ColorBarItem() override = default;

private:
    /// Narrow panels: horizontal, across the top of the legend band below the plot.
    bool paintBelow(vtkContext2D* painter);
};

}  // namespace cl::ui
