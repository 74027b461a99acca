#include "ShadedGridItem.h"

#include <vtkContext2D.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkRect.h>
#include <vtkTransform2D.h>

#include <cstring>

namespace cl::ui {

vtkStandardNewMacro(ShadedGridItem);

ShadedGridItem::ShadedGridItem() : image_(vtkImageData::New()) {}

ShadedGridItem::~ShadedGridItem()
{
    image_->Delete();
}

bool ShadedGridItem::Paint(vtkContext2D* painter)
{
    const FieldGrid* grid = model() ? model()->grid() : nullptr;
    if (!grid) return true;
    const std::vector<unsigned char>& pixels = (*model()->data).*pixels_;
    const GridSpec& s = grid->spec;
    if (pixels.size() != 3 * s.size()) return true;
    if (imageGrid_ != grid) {  // rows run bottom-up in both, like the grid's j
        image_->SetDimensions(s.n, s.n, 1);
        image_->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
        std::memcpy(image_->GetScalarPointer(), pixels.data(), pixels.size());
        image_->Modified();
        imageGrid_ = grid;
    }
    // The cells around the grid points: the range widened by half a step on every side.
    const PlotLayout& l = layout();
    const double hx = s.n > 1 ? (s.xmax - s.xmin) / (s.n - 1) : 0, hy = s.n > 1 ? (s.ymax - s.ymin) / (s.n - 1) : 0;
    const float x0 = float(l.sceneX(s.xmin - hx / 2)), x1 = float(l.sceneX(s.xmax + hx / 2));
    const float y0 = float(l.sceneY(s.ymin - hy / 2)), y1 = float(l.sceneY(s.ymax + hy / 2));
    if (!drawsThroughOpenGL(painter)) {
        // SVG and PDF write the rectangle overload's image as one picture.
        painter->DrawImage(vtkRectf(x0, y0, x1 - x0, y1 - y0), image_);
        return true;
    }
    // On screen, the texture overload keeps the device's texture until the image changes (the
    // rectangle overload converts and uploads all texels on every frame: ~1 MB per frame at 512²).
    // It draws texel (i, j) at (i, j) · scale and the image n units wide: scale a unit to a texel.
    vtkNew<vtkTransform2D> toCells;
    toCells->Translate(x0, y0);
    toCells->Scale((x1 - x0) / s.n, (y1 - y0) / s.n);
    painter->PushMatrix();
    painter->AppendTransform(toCells);
    painter->DrawImage(0.0f, 0.0f, 1.0f, image_);
    painter->PopMatrix();
    return true;
}

}  // namespace cl::ui
