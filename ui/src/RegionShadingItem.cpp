#include "RegionShadingItem.h"

#include "GridImage.h"

#include <vtkContext2D.h>
#include <vtkImageData.h>
#include <vtkObjectFactory.h>

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

bool RegionShadingItem::Paint(vtkContext2D* painter)
{
    const FieldGrid* grid = model() ? model()->grid() : nullptr;
    const auto& pixels = model() ? model()->data->regionPixels : std::vector<unsigned char>{};
    if (!grid || pixels.size() != 3 * grid->spec.size()) return true;
    if (imageGrid_ != grid) {
        fillGridImage(image_, grid->spec.n, pixels);
        imageGrid_ = grid;
    }
    float rect[4];
    gridRect(*grid, layout(), rect);
    drawGridImage(painter, rect, image_);
    return true;
}

}  // namespace cl::ui
