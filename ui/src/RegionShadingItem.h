#pragma once
// Layer 1: the region of every grid point (Figure 1c's shading) as one image, a texel per point.

#include "LandscapeItem.h"

#include <vtkNew.h>

class vtkImageData;

namespace cl::ui {

class RegionShadingItem : public LandscapeItem {
public:
    static RegionShadingItem* New();
    vtkTypeMacro(RegionShadingItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

protected:
    RegionShadingItem();
    ~RegionShadingItem() override;

private:
    void rebuildImage();
    vtkImageData* image_ = nullptr;
    unsigned long imageGeneration_ = 0;  // model generation the image was built from
};

}  // namespace cl::ui
