#pragma once
// A narrow panel's legend in a band below the plot (figure/LegendBand.h): level curves and
// arrows, region colours and the overlays' flows, in as many columns as fit; under the P map's
// horizontal colour bar. Replaces the legend column when landscapeLayout puts legends below.

#include "LandscapeItem.h"

namespace cl::ui {

class LegendBandItem : public LandscapeItem {
public:
    static LegendBandItem* New();
    vtkTypeMacro(LegendBandItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

protected:
    LegendBandItem() = default;
    ~LegendBandItem() override = default;
};

}  // namespace cl::ui
