// PainterDevice's images: VTK image data as QImage, placed in page units and cropped by the clip.

#include "PainterColors.h"
#include "PainterDevice.h"

#include <vtkImageData.h>
#include <vtkRect.h>

#include <QImage>
#include <QPainter>

namespace cl::ui {

namespace {

/// VTK's image (rows from the bottom, 1–4 unsigned-char components) as a QImage (rows from the top).
QImage toQImage(vtkImageData* image)
{
    int dims[3];
    image->GetDimensions(dims);
    const int components = image->GetNumberOfScalarComponents();
    if (dims[0] <= 0 || dims[1] <= 0 || image->GetScalarType() != VTK_UNSIGNED_CHAR || components < 1 || components > 4)
        return {};
    QImage out(dims[0], dims[1], QImage::Format_RGBA8888);
    const auto* pixels = static_cast<const unsigned char*>(image->GetScalarPointer());
    for (int row = 0; row < dims[1]; ++row) {
        const unsigned char* in = pixels + std::size_t(row) * dims[0] * components;
        unsigned char* line = out.scanLine(dims[1] - 1 - row);
        for (int col = 0; col < dims[0]; ++col, in += components, line += 4) {
            const QColor c = rgbaColor(in, components);
            line[0] = static_cast<unsigned char>(c.red());
            line[1] = static_cast<unsigned char>(c.green());
            line[2] = static_cast<unsigned char>(c.blue());
            line[3] = static_cast<unsigned char>(c.alpha());
        }
    }
    return out;
}

}  // namespace

void PainterDevice::drawImageInRect(QRectF pageRect, vtkImageData* image)
{
    const QImage picture = toQImage(image);
    if (picture.isNull() || pageRect.isEmpty()) return;
    QRectF source(0, 0, picture.width(), picture.height());
    QRectF target = pageRect;
    if (clip_) {  // crop the picture with the clip, so every format shows the same part
        target = pageRect.intersected(*clip_);
        if (target.isEmpty()) return;
        const double sx = picture.width() / pageRect.width(), sy = picture.height() / pageRect.height();
        source = QRectF((target.left() - pageRect.left()) * sx, (target.top() - pageRect.top()) * sy,
                        target.width() * sx, target.height() * sy);
    }
    // Nearest-neighbour: cells stay cells in PNG, in poppler and in librsvg alike.
    painter_->setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter_->drawImage(target, picture, source);
}

void PainterDevice::DrawImage(float p[2], float scale, vtkImageData* image)
{
    int dims[3];
    image->GetDimensions(dims);
    const QPointF a = toPage(p[0], p[1]), b = toPage(p[0] + dims[0] * scale, p[1] + dims[1] * scale);
    drawImageInRect(QRectF(a, b).normalized(), image);
}

void PainterDevice::DrawImage(const vtkRectf& pos, vtkImageData* image)
{
    const QPointF a = toPage(pos.GetX(), pos.GetY()),
                  b = toPage(pos.GetX() + pos.GetWidth(), pos.GetY() + pos.GetHeight());
    drawImageInRect(QRectF(a, b).normalized(), image);
}

}  // namespace cl::ui
