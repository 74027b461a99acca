#include "RegionShadingItem.h"

#include <vtkContext2D.h>
#include <vtkImageData.h>
#include <vtkObjectFactory.h>
#include <vtkRect.h>

namespace cl::ui {

vtkStandardNewMacro(RegionShadingItem);

RegionShadingItem::RegionShadingItem() : image_(vtkImageData::New()) {}

RegionShadingItem::~RegionShadingItem()
{
    image_->Delete();
}

static Rgb regionColour(Region region)
{
    switch (region) {
    case Region::Green: return palette::regionGreen;
    case Region::Purple: return palette::regionPurple;
    case Region::Neutral: return palette::regionNeutral;
    case Region::Undefined: break;
    }
    return palette::regionUndefined;
}

void RegionShadingItem::rebuildImage()
{
    const FieldGrid& grid = *model()->grid;
    const int n = grid.spec.n;
    image_->SetDimensions(n, n, 1);
    image_->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
    auto* pixels = static_cast<unsigned char*>(image_->GetScalarPointer());
    // vtkImageData rows run bottom-up like the grid's j, so the copy is a straight walk.
    for (std::size_t k = 0; k < grid.region.size(); ++k) {
        const Rgb c = regionColour(grid.region[k]);
        pixels[3 * k] = c.r;
        pixels[3 * k + 1] = c.g;
        pixels[3 * k + 2] = c.b;
    }
    image_->Modified();
    imageGeneration_ = model()->generation;
}

bool RegionShadingItem::Paint(vtkContext2D* painter)
{
    if (!model() || !model()->grid || model()->grid->region.size() != model()->grid->spec.size()) return true;
    if (imageGeneration_ != model()->generation) rebuildImage();
    const PlotLayout l = layout();
    painter->DrawImage(vtkRectf(static_cast<float>(l.left), static_cast<float>(l.bottom),
                                static_cast<float>(l.side), static_cast<float>(l.side)),
                       image_);
    return true;
}

}  // namespace cl::ui
