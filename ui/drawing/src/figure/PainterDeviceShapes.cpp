// PainterDevice's lines, polygons, markers and arcs: pens in device pixels, dashes from the
// style, geometry clipped by GeometryClip so every format shows the same part.

#include "PainterColors.h"
#include "PainterDevice.h"

#include "GeometryClip.h"
#include "ui/FigureStyle.h"

#include <vtkBrush.h>
#include <vtkPen.h>
#include <vtkRenderingCoreEnums.h>

#include <QPaintDevice>
#include <QPainter>

#include <cmath>

namespace cl::ui {

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

}  // namespace cl::ui
