#pragma once
// Bracket panel: the legend column right of the plot: what each region colour means (and how
// much of the grid it covers), the two level-curve colours and the arrow scale.

#include "LandscapeItem.h"

namespace cl::ui {

class LegendItem : public LandscapeItem {
public:
    static LegendItem* New();
    vtkTypeMacro(LegendItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

    /// "length ∝ √|R|, capped" and the like, for the legends of every arrow panel.
    static std::string arrowScalingText(LandscapeOptions::ArrowScaling scaling, const std::string& field);

protected:
    LegendItem() = default;
    ~LegendItem() override = default;

private:
    /// One entry: a symbol box at the left, a label and a smaller detail line; returns the
    /// y (scene pixels) below the entry.
    float entry(vtkContext2D* painter, float top, const std::string& label, const std::string& detail);
    void swatch(vtkContext2D* painter, float top, Rgb colour);
    void lineSample(vtkContext2D* painter, float top, Rgb colour);
    void arrowSample(vtkContext2D* painter, float top);
    float heading(vtkContext2D* painter, float top, const char* text);

    PlotLayout layout_;
    bool compact_ = false;  // labels only, no detail lines
};

}  // namespace cl::ui
