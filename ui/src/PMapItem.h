#pragma once
// P-map panel, bottom layer: P(L1, L2; target) at every grid point as one image, coloured with
// the diverging map centred on 0 over [−pLimit, pLimit] (values beyond are clipped to the ends;
// the colour bar says so).

#include "LandscapeItem.h"

class vtkImageData;

namespace cl::ui {

class PMapItem : public LandscapeItem {
public:
    static PMapItem* New();
    vtkTypeMacro(PMapItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

protected:
    PMapItem();
    ~PMapItem() override;

private:
    vtkImageData* image_ = nullptr;
    const FieldGrid* imageGrid_ = nullptr;
};

}  // namespace cl::ui
