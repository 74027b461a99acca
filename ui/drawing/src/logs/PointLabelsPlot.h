#pragma once
// Text labels at data points inside a vtkChartXY (step numbers on the base trajectory, Δw on
// interventions, as in paper Figs. 2, 3). A vtkPlot so the chart applies its data-to-scene
// transform (and pan/zoom) to the anchor while the text itself stays at screen size.

#include <vtkPlot.h>

#include <string>
#include <vector>

namespace cl::ui::logs {

class PointLabelsPlot : public vtkPlot {
public:
    static PointLabelsPlot* New();
    vtkTypeMacro(PointLabelsPlot, vtkPlot);

    /// Labels in this order of precedence: each goes right of its point, or left, above or below
    /// when that would overlap a label already placed, a labelled point or the plot's edge, and
    /// is left out when no side is free.
    void setLabels(std::vector<double> xs, std::vector<double> ys, std::vector<std::string> texts);
    void setFont(int size, unsigned char r, unsigned char g, unsigned char b);

    bool Paint(vtkContext2D* painter) override;
    void GetBounds(double bounds[4]) override;
    // Labels are not data: they have no legend entry and never answer hover queries.
    bool PaintLegend(vtkContext2D*, const vtkRectf&, int) override { return true; }

protected:
    PointLabelsPlot();
    ~PointLabelsPlot() override;

private:
    PointLabelsPlot(const PointLabelsPlot&) = delete;
    void operator=(const PointLabelsPlot&) = delete;

    std::vector<double> xs_, ys_;
    std::vector<std::string> texts_;
    int fontSize_ = 10;
    unsigned char color_[3] = {60, 60, 60};
};

}  // namespace cl::ui::logs
