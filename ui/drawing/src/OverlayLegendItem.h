#pragma once
// Every panel with overlays: a few legend rows at the foot of the side column naming the flow
// colours, the hollow predicted end points and descent paths.

#include "LandscapeItem.h"

namespace cl::ui {

class OverlayLegendItem : public LandscapeItem {
public:
    static OverlayLegendItem* New();
    vtkTypeMacro(OverlayLegendItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

    static double rowHeight(double scale) { return 17 * scale; }
    /// How many rows the overlays need (0 without overlays): the colour bar leaves room for them.
    static int rowCount(const LandscapeOverlays* overlays)
    {
        if (!overlays) return 0;
        return (overlays->points.empty() ? 0 : 4) + (overlays->descentPaths.empty() ? 0 : 1);
    }

protected:
    OverlayLegendItem() = default;
    ~OverlayLegendItem() override = default;
};

}  // namespace cl::ui
