#include "PointLabelsPlot.h"

#include "ui/ChartLayout.h"

#include <vtkAxis.h>
#include <vtkContext2D.h>
#include <vtkObjectFactory.h>
#include <vtkTextProperty.h>

#include <algorithm>

namespace cl::ui::logs {

vtkStandardNewMacro(PointLabelsPlot);

namespace {

/// A box in scene pixels.
struct Box {
    double left, bottom, right, top;
    bool overlaps(const Box& o) const { return left < o.right && o.left < right && bottom < o.top && o.bottom < top; }
    bool contains(const Box& o) const
    {
        return o.left >= left && o.right <= right && o.bottom >= bottom && o.top <= top;
    }
};

}  // namespace

PointLabelsPlot::PointLabelsPlot()
{
    SetLegendVisibility(false);
    SetSelectable(false);
}

PointLabelsPlot::~PointLabelsPlot() = default;

void PointLabelsPlot::setLabels(std::vector<double> xs, std::vector<double> ys, std::vector<std::string> texts)
{
    xs_ = std::move(xs);
    ys_ = std::move(ys);
    texts_ = std::move(texts);
    Modified();
}

void PointLabelsPlot::setFont(int size, unsigned char r, unsigned char g, unsigned char b)
{
    fontSize_ = size;
    color_[0] = r;
    color_[1] = g;
    color_[2] = b;
}

bool PointLabelsPlot::Paint(vtkContext2D* painter)
{
    vtkAxis* xAxis = GetXAxis();
    vtkAxis* yAxis = GetYAxis();
    if (!GetVisible() || !xAxis || !yAxis) return true;
    // The plot's box and the data-to-scene map, read from the axes as they are now (after any pan
    // or zoom): labels are placed in scene pixels, where overlaps are judged.
    const double x0 = xAxis->GetPoint1()[0], x1 = xAxis->GetPoint2()[0];
    const double y0 = yAxis->GetPoint1()[1], y1 = yAxis->GetPoint2()[1];
    const double dx = xAxis->GetMaximum() - xAxis->GetMinimum(), dy = yAxis->GetMaximum() - yAxis->GetMinimum();
    if (!(x1 > x0 && y1 > y0 && dx > 0 && dy > 0)) return true;
    auto sceneX = [&](double x) { return x0 + (x - xAxis->GetMinimum()) / dx * (x1 - x0); };
    auto sceneY = [&](double y) { return y0 + (y - yAxis->GetMinimum()) / dy * (y1 - y0); };
    auto dataX = [&](double sx) { return xAxis->GetMinimum() + (sx - x0) / (x1 - x0) * dx; };
    auto dataY = [&](double sy) { return yAxis->GetMinimum() + (sy - y0) / (y1 - y0) * dy; };

    vtkTextProperty* text = painter->GetTextProp();
    text->SetFontSize(fontSize_);
    text->SetColor(color_[0] / 255.0, color_[1] / 255.0, color_[2] / 255.0);
    text->SetJustificationToLeft();
    text->SetVerticalJustificationToBottom();
    text->SetBold(false);
    text->SetItalic(false);
    text->SetOrientation(0);

    const std::size_t n = std::min({xs_.size(), ys_.size(), texts_.size()});
    // Every labelled point's marker is an obstacle too, so a label never hides another's point.
    const double gap = 0.6 * fontSize_, marker = 0.5 * fontSize_, h = textHeight(fontSize_);
    std::vector<Box> taken;
    for (std::size_t i = 0; i < n; ++i) {
        const double ax = sceneX(xs_[i]), ay = sceneY(ys_[i]);
        taken.push_back({ax - marker, ay - marker, ax + marker, ay + marker});
    }
    const Box plot{x0, y0, x1, y1};
    for (std::size_t i = 0; i < n; ++i) {
        const double ax = sceneX(xs_[i]), ay = sceneY(ys_[i]);
        if (!plot.contains({ax, ay, ax, ay})) continue;
        const double w = textWidth(QString::fromStdString(texts_[i]), fontSize_);
        // Right of the point (the paper's place), then left, above, below; else the label is left
        // out (the point keeps its tooltip and its row in the figure's CSV).
        const Box candidates[] = {{ax + gap, ay - h / 2, ax + gap + w, ay + h / 2},
                                  {ax - gap - w, ay - h / 2, ax - gap, ay + h / 2},
                                  {ax - w / 2, ay + gap, ax + w / 2, ay + gap + h},
                                  {ax - w / 2, ay - gap - h, ax + w / 2, ay - gap}};
        for (const Box& c : candidates) {
            if (!plot.contains(c)) continue;
            bool free = true;
            for (std::size_t k = 0; k < taken.size() && free; ++k)
                free = (k == i) || !c.overlaps(taken[k]);  // its own marker is where it points
            if (!free) continue;
            taken.push_back(c);
            painter->DrawString(float(dataX(c.left)), float(dataY(c.bottom)), texts_[i].c_str());
            break;
        }
    }
    return true;
}

void PointLabelsPlot::GetBounds(double bounds[4])
{
    if (xs_.empty()) {
        bounds[0] = bounds[2] = 0;
        bounds[1] = bounds[3] = -1;  // empty: min > max, ignored by the chart's autoscaling
        return;
    }
    bounds[0] = *std::min_element(xs_.begin(), xs_.end());
    bounds[1] = *std::max_element(xs_.begin(), xs_.end());
    bounds[2] = *std::min_element(ys_.begin(), ys_.end());
    bounds[3] = *std::max_element(ys_.begin(), ys_.end());
}

}  // namespace cl::ui::logs
