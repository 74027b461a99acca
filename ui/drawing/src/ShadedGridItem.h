#pragma once
// Bottom layer of the bracket and P-map panels: one colour per grid point, drawn as one image
// with each point at the centre of its texel. The bracket panel shows the regions (Figure 1c's
// shading), the P map P(L1, L2; target) on the diverging map; both sets of pixels are coloured
// with the panel data (LandscapeFieldData), off the GUI thread.

#include "LandscapeItem.h"

class vtkImageData;

namespace cl::ui {

class ShadedGridItem : public LandscapeItem {
public:
    static ShadedGridItem* New();
    vtkTypeMacro(ShadedGridItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

    /// Which pixels of the panel data to draw: &LandscapeFieldData::regionPixels or ::pPixels.
    void setPixels(std::vector<unsigned char> LandscapeFieldData::*pixels) { pixels_ = pixels; }

protected:
    ShadedGridItem();
    ~ShadedGridItem() override;

private:
    std::vector<unsigned char> LandscapeFieldData::*pixels_ = &LandscapeFieldData::regionPixels;
    vtkImageData* image_ = nullptr;
    const FieldGrid* imageGrid_ = nullptr;  // the grid the image was filled from
};

}  // namespace cl::ui
