#pragma once
// Every panel, on top of the fields: the user's clicked points with their three flows (mixed,
// L1 then L2, L2 then L1) as polylines with filled end points, the bracket's predicted end
// points θ_base ± ½Δt²R as hollow circles next to them, and gradient-descent paths.

#include "LandscapeItem.h"

namespace cl::ui {

class OverlayItem : public LandscapeItem {
public:
    static OverlayItem* New();
    vtkTypeMacro(OverlayItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

    /// Shared with the legend: a filled (or hollow) dot of radius r scene pixels.
    static void drawDot(vtkContext2D* painter, double x, double y, double r, Rgb colour, bool hollow, double scale);

protected:
    OverlayItem() = default;
    ~OverlayItem() override = default;

private:
    void drawTrajectory(vtkContext2D* painter, const Trajectory& path, Rgb colour, float width);
};

}  // namespace cl::ui
