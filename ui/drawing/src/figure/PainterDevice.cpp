#include "PainterDevice.h"

#include "GeometryClip.h"
#include "ui/FigureStyle.h"

#include <vtkBrush.h>
#include <vtkImageData.h>
#include <vtkMatrix3x3.h>
#include <vtkObjectFactory.h>
#include <vtkPen.h>
#include <vtkRect.h>
#include <vtkRenderingCoreEnums.h>
#include <vtkStdString.h>
#include <vtkTextProperty.h>
#include <vtkUnicodeString.h>

#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <cstring>

namespace cl::ui {

vtkStandardNewMacro(PainterDevice);

namespace {

QColor rgbaColor(const unsigned char* c, int components)
{
    if (components >= 4) return QColor(c[0], c[1], c[2], c[3]);
    if (components == 3) return QColor(c[0], c[1], c[2]);
    if (components == 1) return QColor(c[0], c[0], c[0]);
    return QColor(0, 0, 0);
}

QColor penColor(vtkPen* pen)
{
    const vtkColor4ub c = pen->GetColorObject();  // GetColor(unsigned char*) fills only RGB
    return QColor(c[0], c[1], c[2], c[3]);
}

QColor brushColor(vtkBrush* brush)
{
    const vtkColor4ub c = brush->GetColorObject();
    return QColor(c[0], c[1], c[2], c[3]);
}

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

QVector<qreal> PainterDevice::dashPattern(int lineType, double width) const
{
    const std::vector<double> pattern = cl::ui::dashPattern(dashOfVtkLineType(lineType));
    // Patterns are in multiples of the line width but never shorter than for a 1-point line, so a
    // hairline's dots stay dots after rasterisation.
    const double unit = std::max(width, painter_->device()->logicalDpiX() / 72.0);
    QVector<qreal> out;
    for (double v : pattern) out << v * unit / width;
    return out;
}

void PainterDevice::strokePolyline(const std::vector<QPointF>& points, const unsigned char* rgba)
{
    const int type = Pen->GetLineType();
    if (points.size() < 2 || type == vtkPen::NO_PEN) return;
    const double width = std::max(0.01f, Pen->GetWidth());
    QPen pen(rgba ? rgbaColor(rgba, 4) : penColor(Pen), width);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    if (type != vtkPen::SOLID_LINE) {
        pen.setDashPattern(dashPattern(type, width));
        pen.setCapStyle(Qt::FlatCap);
    }
    painter_->setPen(pen);
    painter_->setBrush(Qt::NoBrush);
    if (!clip_) {
        painter_->drawPolyline(points.data(), int(points.size()));
        return;
    }
    for (const std::vector<QPointF>& piece : clipPolyline(points, *clip_))
        if (piece.size() >= 2) painter_->drawPolyline(piece.data(), int(piece.size()));
}

void PainterDevice::fillPolygon(const std::vector<QPointF>& points, const unsigned char* rgba)
{
    const QColor color = rgba ? rgbaColor(rgba, 4) : brushColor(Brush);
    if (points.size() < 3 || color.alpha() == 0) return;
    painter_->setPen(Qt::NoPen);
    painter_->setBrush(color);
    if (!clip_) {
        painter_->drawPolygon(points.data(), int(points.size()));
        return;
    }
    const std::vector<QPointF> clipped = clipPolygon(points, *clip_);
    if (clipped.size() >= 3) painter_->drawPolygon(clipped.data(), int(clipped.size()));
}

void PainterDevice::DrawPoly(float* points, int n, unsigned char* colors, int nc_comps)
{
    if (!colors) {
        // A NaN breaks the line (as a missing value does in a chart).
        std::vector<QPointF> run;
        for (int i = 0; i < n; ++i) {
            const float x = points[2 * i], y = points[2 * i + 1];
            if (std::isfinite(x) && std::isfinite(y)) {
                run.push_back(toPage(x, y));
                continue;
            }
            strokePolyline(run, nullptr);
            run.clear();
        }
        strokePolyline(run, nullptr);
        return;
    }
    for (int i = 0; i + 1 < n; ++i) {  // one colour per vertex: each segment in its start colour
        unsigned char rgba[4] = {0, 0, 0, 255};
        const QColor c = rgbaColor(colors + std::size_t(i) * nc_comps, nc_comps);
        rgba[0] = c.red(), rgba[1] = c.green(), rgba[2] = c.blue(), rgba[3] = c.alpha();
        strokePolyline(pagePoints(points + 2 * i, 2), rgba);
    }
}

void PainterDevice::DrawLines(float* f, int n, unsigned char* colors, int nc_comps)
{
    for (int i = 0; i + 1 < n; i += 2) {
        unsigned char rgba[4] = {0, 0, 0, 255};
        if (colors) {
            const QColor c = rgbaColor(colors + std::size_t(i) * nc_comps, nc_comps);
            rgba[0] = c.red(), rgba[1] = c.green(), rgba[2] = c.blue(), rgba[3] = c.alpha();
        }
        strokePolyline(pagePoints(f + 2 * i, 2), colors ? rgba : nullptr);
    }
}

void PainterDevice::DrawPoints(float* points, int n, unsigned char* colors, int nc_comps)
{
    DrawMarkers(VTK_MARKER_SQUARE, false, points, n, colors, nc_comps);
}

void PainterDevice::DrawPointSprites(vtkImageData*, float* points, int n, unsigned char* colors, int nc_comps)
{
    // Sprites are VTK's way of drawing markers on OpenGL; a vector file gets the shape itself.
    DrawMarkers(VTK_MARKER_CIRCLE, false, points, n, colors, nc_comps);
}

void PainterDevice::DrawMarkers(int shape, bool highlight, float* points, int n, unsigned char* colors, int nc_comps)
{
    // Markers are sized in device pixels (the pen width, as VTK's OpenGL device does) and placed
    // at the transformed point: never scaled by the data transform.
    const double size = std::max(1.0f, Pen->GetWidth()) * (highlight ? 1.5 : 1.0);
    const double r = size / 2;
    for (int i = 0; i < n; ++i) {
        const float x = points[2 * i], y = points[2 * i + 1];
        if (!std::isfinite(x) || !std::isfinite(y)) continue;
        const QPointF c = toPage(x, y);
        if (clip_ && !clip_->contains(c)) continue;
        const QColor color = colors ? rgbaColor(colors + std::size_t(i) * nc_comps, nc_comps) : penColor(Pen);
        if (shape == VTK_MARKER_CROSS || shape == VTK_MARKER_PLUS) {
            QPen pen(color, std::max(1.0, size / 5));
            pen.setCapStyle(Qt::FlatCap);
            painter_->setPen(pen);
            if (shape == VTK_MARKER_CROSS) {
                painter_->drawLine(c + QPointF(-r, -r), c + QPointF(r, r));
                painter_->drawLine(c + QPointF(-r, r), c + QPointF(r, -r));
            } else {
                painter_->drawLine(c + QPointF(-r, 0), c + QPointF(r, 0));
                painter_->drawLine(c + QPointF(0, -r), c + QPointF(0, r));
            }
            continue;
        }
        painter_->setPen(Qt::NoPen);
        painter_->setBrush(color);
        if (shape == VTK_MARKER_SQUARE) {
            painter_->drawRect(QRectF(c.x() - r, c.y() - r, size, size));
        } else if (shape == VTK_MARKER_DIAMOND) {
            const QPointF d[4] = {c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r), c + QPointF(-r, 0)};
            painter_->drawPolygon(d, 4);
        } else {
            painter_->drawEllipse(c, r, r);
        }
    }
}

void PainterDevice::DrawQuad(float* points, int n)
{
    for (int q = 0; q + 3 < n; q += 4) fillPolygon(pagePoints(points + 2 * q, 4), nullptr);
}

void PainterDevice::DrawQuadStrip(float* points, int n)
{
    for (int q = 0; q + 3 < n; q += 2) {
        const float* p = points + 2 * q;  // strip order a, b, c, d → polygon a, b, d, c
        const float quad[8] = {p[0], p[1], p[2], p[3], p[6], p[7], p[4], p[5]};
        fillPolygon(pagePoints(quad, 4), nullptr);
    }
}

void PainterDevice::DrawPolygon(float* points, int n)
{
    fillPolygon(pagePoints(points, n), nullptr);
}

void PainterDevice::DrawColoredPolygon(float* points, int n, unsigned char* colors, int nc_comps)
{
    if (!colors) {
        DrawPolygon(points, n);
        return;
    }
    const QColor c = rgbaColor(colors, nc_comps);  // flat: the first vertex's colour
    const unsigned char rgba[4] = {static_cast<unsigned char>(c.red()), static_cast<unsigned char>(c.green()),
                                   static_cast<unsigned char>(c.blue()), static_cast<unsigned char>(c.alpha())};
    fillPolygon(pagePoints(points, n), rgba);
}

namespace {

/// Points of an ellipse's arc, `segments` steps from start to stop (degrees, counter-clockwise).
std::vector<float> arcPoints(float x, float y, float rx, float ry, float start, float stop, int segments)
{
    std::vector<float> out;
    for (int k = 0; k <= segments; ++k) {
        const double a = (start + (stop - start) * k / double(segments)) * M_PI / 180.0;
        out.push_back(float(x + rx * std::cos(a)));
        out.push_back(float(y + ry * std::sin(a)));
    }
    return out;
}

}  // namespace

void PainterDevice::DrawEllipseWedge(float x, float y, float outRx, float outRy, float inRx, float inRy,
                                     float startAngle, float stopAngle)
{
    const int segments = std::max(8, int(std::abs(stopAngle - startAngle) / 4));
    std::vector<float> ring = arcPoints(x, y, outRx, outRy, startAngle, stopAngle, segments);
    if (inRx > 0 || inRy > 0) {
        const std::vector<float> inner = arcPoints(x, y, inRx, inRy, stopAngle, startAngle, segments);
        ring.insert(ring.end(), inner.begin(), inner.end());
    } else {
        ring.insert(ring.end(), {x, y});
    }
    DrawPolygon(ring.data(), int(ring.size() / 2));
}

void PainterDevice::DrawEllipticArc(float x, float y, float rX, float rY, float startAngle, float stopAngle)
{
    const int segments = std::max(8, int(std::abs(stopAngle - startAngle) / 4));
    std::vector<float> arc = arcPoints(x, y, rX, rY, startAngle, stopAngle, segments);
    DrawPolygon(arc.data(), int(arc.size() / 2));  // filled with the brush, outlined with the pen
    DrawPoly(arc.data(), int(arc.size() / 2));
}

QFont PainterDevice::currentFont() const
{
    const std::string file = TextProp->GetFontFile() ? TextProp->GetFontFile() : "";
    const int family = TextProp->GetFontFamily();
    QString name = QString::fromStdString(figureStyle().fontFamily);
    if (family == VTK_COURIER || file.find("Mono") != std::string::npos)
        name = "DejaVu Sans Mono";
    else if (family == VTK_TIMES || file.find("Serif") != std::string::npos)
        name = "DejaVu Serif";
    QFont font(name);
    // VTK's font size is the em in device pixels; Qt wants points of this device's resolution.
    font.setPointSizeF(std::max(1, TextProp->GetFontSize()) * 72.0 / painter_->device()->logicalDpiY());
    font.setBold(TextProp->GetBold() || file.find("Bold") != std::string::npos);
    font.setItalic(TextProp->GetItalic());
    font.setHintingPreference(QFont::PreferNoHinting);  // the same advances in PNG, SVG and PDF
    font.setKerning(false);                             // SVG renderers do not kern Qt's <text>
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
