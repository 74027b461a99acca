#pragma once
// A chart's title, drawn where ChartLayout puts it: centred over the plot (moved sideways to stay
// on the page) and clear of the top tick label, which VTK's own chart title is not at large text
// sizes (it sits on the plot's top edge).

#include "ui/ChartLayout.h"

#include <vtkContextItem.h>

namespace cl::ui {

class ChartTitleItem : public vtkContextItem {
public:
    static ChartTitleItem* New();
    vtkTypeMacro(ChartTitleItem, vtkContextItem);

    /// `title` centred at x, its box's bottom at y (scene pixels).
    void setTitle(const FittedText& title, double x, double y, bool bold);
    bool Paint(vtkContext2D* painter) override;

protected:
    ChartTitleItem() = default;
    ~ChartTitleItem() override = default;

private:
    ChartTitleItem(const ChartTitleItem&) = delete;
    void operator=(const ChartTitleItem&) = delete;

    FittedText title_;
    double x_ = 0, y_ = 0;
    bool bold_ = false;
};

}  // namespace cl::ui
