#include "PMapItem.h"

#include "RegionShadingItem.h"

#include "GridImage.h"

#include <vtkContext2D.h>
#include <vtkImageData.h>
#include <vtkObjectFactory.h>


namespace cl::ui {

vtkStandardNewMacro(PMapItem);

PMapItem::PMapItem() : image_(vtkImageData::New()) {}

PMapItem::~PMapItem()
{
    image_->Delete();
}

bool PMapItem::Paint(vtkContext2D* painter)
{
    const FieldGrid* grid = model() ? model()->grid() : nullptr;
    if (!grid || model()->data->pPixels.size() != 3 * grid->spec.size()) return true;
    if (imageGrid_ != grid) {
        fillGridImage(image_, grid->spec.n, model()->data->pPixels);
        imageGrid_ = grid;
    }
    float rect[4];
    RegionShadingItem::gridRect(*grid, layout(), rect);
    drawGridImage(painter, rect, image_);
    return true;
}

}  // namespace cl::ui
