// PainterDevice's text: VTK text properties as DejaVu fonts in device pixels, justified boxes and
// rotation about the anchor; real text in every format (searchable PDF, SVG <text>).

#include "PainterDevice.h"

#include "FigureFont.h"

#include "ui/FigureStyle.h"

#include <vtkStdString.h>
#include <vtkTextProperty.h>
#include <vtkUnicodeString.h>

#include <QFont>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>

#include <cmath>

namespace cl::ui {

QFont PainterDevice::currentFont() const
{
    const std::string file = TextProp->GetFontFile() ? TextProp->GetFontFile() : "";
    const int family = TextProp->GetFontFamily();
    QString name = QString::fromStdString(figureStyle().fontFamily);
    if (family == VTK_COURIER || file.find("Mono") != std::string::npos)
        name = "DejaVu Sans Mono";
    else if (family == VTK_TIMES || file.find("Serif") != std::string::npos)
        name = "DejaVu Serif";
    // VTK's font size is the em in device pixels.
    QFont font = figureFont(TextProp->GetFontSize(), TextProp->GetBold() || file.find("Bold") != std::string::npos,
                            painter_->device(), name);
    font.setItalic(TextProp->GetItalic());
    return font;
}

QRectF PainterDevice::justifiedBox(const QString& text, QPointF anchor) const
{
    const QFontMetricsF metrics(currentFont(), painter_->device());
    const double w = metrics.horizontalAdvance(text), h = metrics.ascent() + metrics.descent();
    double left = anchor.x(), top = anchor.y() - h;  // page y points down: VTK's bottom is the box's bottom
    if (TextProp->GetJustification() == VTK_TEXT_CENTERED)
        left -= w / 2;
    else if (TextProp->GetJustification() == VTK_TEXT_RIGHT)
        left -= w;
    if (TextProp->GetVerticalJustification() == VTK_TEXT_CENTERED)
        top = anchor.y() - h / 2;
    else if (TextProp->GetVerticalJustification() == VTK_TEXT_TOP)
        top = anchor.y();
    return QRectF(left, top, w, h);
}

void PainterDevice::drawText(const float* point, const QString& text)
{
    if (text.isEmpty() || !std::isfinite(point[0]) || !std::isfinite(point[1])) return;
    const QPointF anchor = toPage(point[0], point[1]);
    const QFont font = currentFont();
    const QFontMetricsF metrics(font, painter_->device());
    const QRectF box = justifiedBox(text, QPointF(0, 0));
    double rgb[3];
    TextProp->GetColor(rgb);
    QColor color = QColor::fromRgbF(float(rgb[0]), float(rgb[1]), float(rgb[2]), float(TextProp->GetOpacity()));
    painter_->save();
    painter_->translate(anchor);
    painter_->rotate(-TextProp->GetOrientation());  // VTK turns counter-clockwise, the page's y is down
    // Text backgrounds and frames are not drawn: the items set an opaque page-coloured box only
    // to work around OpenGL texture sampling, and on paper it would cover the data beneath.
    painter_->setFont(font);
    painter_->setPen(color);
    painter_->drawText(QPointF(box.left(), box.top() + metrics.ascent()), text);
    painter_->restore();
}

void PainterDevice::DrawString(float* point, const vtkStdString& string)
{
    drawText(point, QString::fromUtf8(string.c_str()));
}

void PainterDevice::DrawString(float* point, const vtkUnicodeString& string)
{
    drawText(point, QString::fromUtf8(string.utf8_str()));
}

void PainterDevice::DrawMathTextString(float* point, const vtkStdString& string)
{
    drawText(point, QString::fromUtf8(string.c_str()));
}

void PainterDevice::ComputeStringBounds(const vtkStdString& string, float bounds[4])
{
    // Scene units: undo the data transform's scale, as VTK's devices do.
    const QRectF box = justifiedBox(QString::fromUtf8(string.c_str()), QPointF(0, 0));
    const double sx = std::hypot(model_.m11(), model_.m12()), sy = std::hypot(model_.m21(), model_.m22());
    const double angle = TextProp->GetOrientation() * M_PI / 180.0;
    const double c = std::abs(std::cos(angle)), s = std::abs(std::sin(angle));
    const double w = box.width() * c + box.height() * s, h = box.width() * s + box.height() * c;
    bounds[0] = 0;
    bounds[1] = 0;
    bounds[2] = float(w / (sx > 0 ? sx : 1));
    bounds[3] = float(h / (sy > 0 ? sy : 1));
}

void PainterDevice::ComputeStringBounds(const vtkUnicodeString& string, float bounds[4])
{
    ComputeStringBounds(vtkStdString(string.utf8_str()), bounds);
}

void PainterDevice::ComputeJustifiedStringBounds(const char* string, float bounds[4])
{
    ComputeStringBounds(vtkStdString(string ? string : ""), bounds);
    if (TextProp->GetJustification() == VTK_TEXT_CENTERED)
        bounds[0] = -bounds[2] / 2;
    else if (TextProp->GetJustification() == VTK_TEXT_RIGHT)
        bounds[0] = -bounds[2];
    if (TextProp->GetVerticalJustification() == VTK_TEXT_CENTERED)
        bounds[1] = -bounds[3] / 2;
    else if (TextProp->GetVerticalJustification() == VTK_TEXT_TOP)
        bounds[1] = -bounds[3];
}

}  // namespace cl::ui
