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

void RegionShadingItem::gridRect(const FieldGrid& grid, const PlotLayout& l, float rect[4])
{
    const GridSpec& s = grid.spec;
    const double hx = s.n > 1 ? (s.xmax - s.xmin) / (s.n - 1) : 0;
    const double hy = s.n > 1 ? (s.ymax - s.ymin) / (s.n - 1) : 0;
    const double x0 = l.sceneX(s.xmin - hx / 2), x1 = l.sceneX(s.xmax + hx / 2);
    const double y0 = l.sceneY(s.ymin - hy / 2), y1 = l.sceneY(s.ymax + hy / 2);
    rect[0] = float(x0);
    rect[1] = float(y0);
    rect[2] = float(x1 - x0);
    rect[3] = float(y1 - y0);
}

void RegionShadingItem::rebuildImage()
{
    const FieldGrid& grid = *model()->grid();
    const int n = grid.spec.n;
    image_->SetDimensions(n, n, 1);
    image_->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
    auto* pixels = static_cast<unsigned char*>(image_->GetScalarPointer());
    auto colour = [this](Region region) {
        switch (region) {
        case Region::Green: return model()->regionGreen;
        case Region::Purple: return model()->regionPurple;
        case Region::Neutral: return palette::regionNeutral;
        case Region::Undefined: break;
        }
        return palette::regionUndefined;
    };
    // vtkImageData rows run bottom-up like the grid's j, so the copy is a straight walk.
    for (std::size_t k = 0; k < grid.region.size(); ++k) {
        const Rgb c = colour(grid.region[k]);
        pixels[3 * k] = c.r;
        pixels[3 * k + 1] = c.g;
        pixels[3 * k + 2] = c.b;
    }
    image_->Modified();
    imageGrid_ = &grid;
}

bool RegionShadingItem::Paint(vtkContext2D* painter)
{
    const FieldGrid* grid = model() ? model()->grid() : nullptr;
    if (!grid || grid->region.size() != grid->spec.size()) return true;
    if (imageGrid_ != grid) rebuildImage();
    float rect[4];
    gridRect(*grid, layout(), rect);
    painter->DrawImage(vtkRectf(rect[0], rect[1], rect[2], rect[3]), image_);
    return true;
}

}  // namespace cl::ui
