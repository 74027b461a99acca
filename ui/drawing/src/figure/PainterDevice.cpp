// PainterDevice's state: the painter, the scene → page transform (VTK's matrix stack, flipped
// once) and the clip rectangle. Shapes, text and images are drawn in PainterDeviceShapes.cpp,
// PainterDeviceText.cpp and PainterDeviceImages.cpp.

#include "PainterDevice.h"

#include <vtkMatrix3x3.h>
#include <vtkObjectFactory.h>
#include <vtkPen.h>

#include <cmath>

namespace cl::ui {

vtkStandardNewMacro(PainterDevice);

void PainterDevice::setPainter(QPainter* painter, int width, int height)
{
    painter_ = painter;
    width_ = width;
    height_ = height;
    Geometry[0] = width;
    Geometry[1] = height;
    model_ = QTransform();
    stack_.clear();
    clip_.reset();
    clipEnabled_ = false;
}

QPointF PainterDevice::toPage(float x, float y) const
{
    const QPointF p = model_.map(QPointF(x, y));
    return QPointF(p.x(), height_ - p.y());
}

std::vector<QPointF> PainterDevice::pagePoints(const float* points, int n) const
{
    std::vector<QPointF> out;
    out.reserve(std::size_t(std::max(n, 0)));
    for (int i = 0; i < n; ++i) {
        const float x = points[2 * i], y = points[2 * i + 1];
        if (std::isfinite(x) && std::isfinite(y)) out.push_back(toPage(x, y));
    }
    return out;
}

void PainterDevice::SetColor4(unsigned char color[4])
{
    Pen->SetColor(color);
}

void PainterDevice::SetPointSize(float size)
{
    pointSize_ = size;
}

void PainterDevice::SetLineWidth(float width)
{
    Pen->SetWidth(width);
}

void PainterDevice::SetLineType(int type)
{
    Pen->SetLineType(type);
}

void PainterDevice::SetMatrix(vtkMatrix3x3* m)
{
    // VTK: x' = m00 x + m01 y + m02; Qt: x' = m11 x + m21 y + dx.
    model_ = QTransform(m->GetElement(0, 0), m->GetElement(1, 0), m->GetElement(0, 1), m->GetElement(1, 1),
                        m->GetElement(0, 2), m->GetElement(1, 2));
}

void PainterDevice::GetMatrix(vtkMatrix3x3* m)
{
    m->Identity();
    m->SetElement(0, 0, model_.m11());
    m->SetElement(1, 0, model_.m12());
    m->SetElement(0, 1, model_.m21());
    m->SetElement(1, 1, model_.m22());
    m->SetElement(0, 2, model_.dx());
    m->SetElement(1, 2, model_.dy());
}

void PainterDevice::MultiplyMatrix(vtkMatrix3x3* m)
{
    const QTransform t(m->GetElement(0, 0), m->GetElement(1, 0), m->GetElement(0, 1), m->GetElement(1, 1),
                       m->GetElement(0, 2), m->GetElement(1, 2));
    model_ = t * model_;  // the new matrix acts first, as VTK's right-multiplication does
}

void PainterDevice::PushMatrix()
{
    stack_.push_back(model_);
}

void PainterDevice::PopMatrix()
{
    if (stack_.empty()) return;
    model_ = stack_.back();
    stack_.pop_back();
}

void PainterDevice::SetClipping(int* x)
{
    // VTK gives x, y (from the bottom), width, height in device pixels; the page's y points down.
    clipRequest_ = QRectF(x[0], height_ - (x[1] + x[3]), x[2], x[3]);
    if (clipEnabled_) clip_ = clipRequest_;
}

void PainterDevice::EnableClipping(bool enable)
{
    clipEnabled_ = enable;
    if (enable && !clipRequest_.isNull())
        clip_ = clipRequest_;
    else
        clip_.reset();
}

}  // namespace cl::ui
