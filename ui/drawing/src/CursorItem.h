#pragma once
// The linked cursor: thin cross hairs through the point the mouse is over in any of the linked
// views, drawn over everything else. It lives outside the figure (populateLandscapeFigure never
// adds it, so exports do not show it) and moves without a rebuild of the scene.

#include "ui/PlotLayout.h"

#include <vtkContextItem.h>

#include <optional>
#include <utility>

namespace cl::ui {

class CursorItem : public vtkContextItem {
public:
    static CursorItem* New();
    vtkTypeMacro(CursorItem, vtkContextItem);
    bool Paint(vtkContext2D* painter) override;

    void setLayout(const PlotLayout& layout) { layout_ = layout; }
    /// The data point to mark; nullopt hides the cursor.
    void setPoint(std::optional<std::pair<double, double>> point) { point_ = point; }
    std::optional<std::pair<double, double>> point() const { return point_; }

protected:
    CursorItem() = default;
    ~CursorItem() override = default;

private:
    CursorItem(const CursorItem&) = delete;
    void operator=(const CursorItem&) = delete;
    PlotLayout layout_;
    std::optional<std::pair<double, double>> point_;
};

}  // namespace cl::ui
