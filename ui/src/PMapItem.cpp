#include "PMapItem.h"

#include "RegionShadingItem.h"

#include <vtkContext2D.h>
#include <vtkImageData.h>
#include <vtkObjectFactory.h>
#include <vtkRect.h>

#include <cmath>

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
    if (!grid || grid->p.size() != grid->spec.size()) return true;
    if (imageGrid_ != grid) {
        const int n = grid->spec.n;
        image_->SetDimensions(n, n, 1);
        image_->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
        auto* pixels = static_cast<unsigned char*>(image_->GetScalarPointer());
        const double limit = model()->data->pLimit > 0 ? model()->data->pLimit : 1.0;
        for (std::size_t k = 0; k < grid->p.size(); ++k) {
            const double p = grid->p[k];
            const Rgb c = std::isfinite(p) ? model()->diverging.at(0.5 + 0.5 * p / limit) : palette::regionUndefined;
            pixels[3 * k] = c.r;
            pixels[3 * k + 1] = c.g;
            pixels[3 * k + 2] = c.b;
        }
        image_->Modified();
        imageGrid_ = grid;
    }
    float rect[4];
    RegionShadingItem::gridRect(*grid, layout(), rect);
    painter->DrawImage(vtkRectf(rect[0], rect[1], rect[2], rect[3]), image_);
    return true;
}

}  // namespace cl::ui
