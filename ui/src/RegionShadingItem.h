#pragma once
// Bracket panel, bottom layer: the region of every grid point (Figure 1c's shading) as one
// image, a texel per point.

#include "LandscapeItem.h"

class vtkImageData;

namespace cl::ui {

class RegionShadingItem : public LandscapeItem {
public:
    static RegionShadingItem* New();
    vtkTypeMacro(RegionShadingItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

    /// Scene rectangle covered by the grid's cells (each grid point at the centre of its texel):
    /// x, y, width, height. Shared with the P map.
    static void gridRect(const FieldGrid& grid, const PlotLayout& l, float rect[4]);

protected:
    RegionShadingItem();
    ~RegionShadingItem() override;

private:
    vtkImageData* image_ = nullptr;
    const FieldGrid* imageGrid_ = nullptr;  // the grid the image was built from
};

}  // namespace cl::ui
