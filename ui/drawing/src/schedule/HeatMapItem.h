#pragma once
// A K×K matrix as coloured cells (diverging blue–white–red, white at 0, symmetric range
// ±max|entry|), the values printed in the cells, and a colour bar. Drawn with vtkContext2D
// primitives only, so SVG/PDF export keeps it as vector rectangles and text.

#include "core/Loss.h"

#include <vtkContextItem.h>

#include <string>
#include <vector>

namespace cl::ui::schedule {

class HeatMapItem : public vtkContextItem {
public:
    static HeatMapItem* New();
    vtkTypeMacro(HeatMapItem, vtkContextItem);

    void setData(std::string title, Matrix matrix, std::vector<std::string> labels);
    /// Text, margins and lines scale with the figure's DPI (dpi / 96).
    void setScale(double scale) { scale_ = scale; }
    bool Paint(vtkContext2D* painter) override;

    /// The diverging colour of `value` on [-range, range] (RGB 0..255).
    static void colourOf(double value, double range, unsigned char rgb[3]);

protected:
    HeatMapItem() = default;
    ~HeatMapItem() override = default;

private:
    HeatMapItem(const HeatMapItem&) = delete;
    void operator=(const HeatMapItem&) = delete;

    double scale_ = 1;
    std::string title_;
    Matrix matrix_;
    std::vector<std::string> labels_;
};

}  // namespace cl::ui::schedule
