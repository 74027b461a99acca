#include "PointLabelsPlot.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>
#include <vtkTextProperty.h>

#include <algorithm>

namespace cl::ui::logs {

vtkStandardNewMacro(PointLabelsPlot);

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
    if (!GetVisible()) return true;
    vtkTextProperty* text = painter->GetTextProp();
    text->SetFontSize(fontSize_);
    text->SetColor(color_[0] / 255.0, color_[1] / 255.0, color_[2] / 255.0);
    text->SetJustificationToLeft();
    text->SetVerticalJustificationToCentered();
    text->SetBold(false);
    text->SetItalic(false);
    const std::size_t n = std::min({xs_.size(), ys_.size(), texts_.size()});
    // The leading spaces keep the text clear of the marker at every zoom (an offset in data
    // units would not).
    for (std::size_t i = 0; i < n; ++i)
        painter->DrawString(static_cast<float>(xs_[i]), static_cast<float>(ys_[i]), "   " + texts_[i]);
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
