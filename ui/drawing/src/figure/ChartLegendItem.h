#pragma once
// A chart's legend below its plot, in the columns LegendLayout gives (VTK's own legend has one
// column and sits only at the side or inside). Each entry is the plot's own legend symbol
// (vtkPlot::PaintLegend, as VTK's legend draws it) and its label in the style's font.

#include "ui/ChartLayout.h"

#include <vtkContextItem.h>
#include <vtkSmartPointer.h>

#include <vector>

class vtkPlot;

namespace cl::ui {

class ChartLegendItem : public vtkContextItem {
public:
    static ChartLegendItem* New();
    vtkTypeMacro(ChartLegendItem, vtkContextItem);

    /// The plots in the legend's order, one per label of `layout`.
    void setEntries(std::vector<vtkSmartPointer<vtkPlot>> plots, const LegendLayout& layout, double scale);
    bool Paint(vtkContext2D* painter) override;

protected:
    ChartLegendItem() = default;
    ~ChartLegendItem() override = default;

private:
    ChartLegendItem(const ChartLegendItem&) = delete;
    void operator=(const ChartLegendItem&) = delete;

    std::vector<vtkSmartPointer<vtkPlot>> plots_;
    LegendLayout layout_;
    double scale_ = 1;
};

}  // namespace cl::ui
