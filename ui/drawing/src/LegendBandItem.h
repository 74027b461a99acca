#pragma once
// A narrow panel's legend in a band below the plot (figure/LegendBand.h): level curves and
// arrows, region colours and the overlays' flows, in as many columns as fit; under the P map's
// horizontal colour bar. Replaces the legend column when landscapeLayout puts legends below.

#include "LandscapeItem.h"
#include "figure/LegendBand.h"

namespace cl::ui {

class LegendBandItem : public LandscapeItem {
public:
    static LegendBandItem* New();
    vtkTypeMacro(LegendBandItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

protected:
    LegendBandItem() = default;
    ~LegendBandItem() override = default;

private:
    /// One entry: its symbol at x, its text after it (elided to `room`), centred on row `mid`.
    void paintEntry(vtkContext2D* painter, const LegendBandEntry& entry, const LegendBandGrid& grid, double x,
                    double mid, double room);
};

}  // namespace cl::ui
