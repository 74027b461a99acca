// The vector surface painted with QPainter: flat triangles, level-curve pieces and axis lines in
// the painter's order, then what VTK draws as overlay on screen (tick labels, axis titles, the
// colour bar, the title and subtitle) at the sizes and places SurfaceLayout gives both.

#include "SurfaceLayout.h"
#include "SurfacePicture.h"

#include "ui/FigureStyle.h"

#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPaintDevice>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace cl::ui {
namespace {

QColor colour(Rgb c, double opacity = 1)
{
    return QColor(c.r, c.g, c.b, int(std::lround(255 * opacity)));
}

// The style's font at `pixels` (VTK's font size: the em in pixels), as PainterDevice sets it.
QFont styleFont(const QPainter& painter, double pixels, bool bold = false)
{
    QFont font(QString::fromStdString(figureStyle().fontFamily));
    font.setPointSizeF(std::max(1.0, pixels) * 72.0 / painter.device()->logicalDpiY());
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);  // the same advances in PNG, SVG and PDF
    font.setKerning(false);                             // SVG renderers do not kern Qt's <text>
    // No ligatures: "undefined" stays searchable in the PDF (poppler reads the fi ligature as U+FB01).
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

/// Draws `s` with its box's centre at `centre`, turned by `degrees` about it.
void centredText(QPainter& painter, const QString& s, QPointF centre, double degrees = 0)
{
    const QFontMetricsF metrics(painter.font(), painter.device());
    const double w = metrics.horizontalAdvance(s), h = metrics.ascent() + metrics.descent();
    painter.save();
    painter.translate(centre);
    if (degrees != 0) painter.rotate(degrees);
    painter.drawText(QPointF(-w / 2, metrics.ascent() - h / 2), s);
    painter.restore();
}

/// Half the extent of a w×h box along the unit direction `d`.
double halfExtent(double w, double h, const std::array<double, 2>& d)
{
    return 0.5 * (std::abs(d[0]) * w + std::abs(d[1]) * h);
}

void paintShapes(QPainter& painter, const SurfacePicture& picture)
{
    for (const SurfaceShape& shape : picture.shapes) {
        QPolygonF polygon;
        for (const auto& p : shape.points) polygon << QPointF(p[0], p[1]);
        if (shape.lineWidth > 0) {
            QPen pen(colour(shape.colour, shape.opacity), shape.lineWidth);
            pen.setCapStyle(Qt::FlatCap);
            pen.setJoinStyle(Qt::RoundJoin);
            painter.setPen(pen);
            painter.setBrush(Qt::NoBrush);
            painter.drawPolyline(polygon);
        } else {
            // Outlined in its own colour: anti-aliased neighbours would otherwise leave light
            // seams between them in every renderer.
            QPen pen(colour(shape.colour), 0.75);
            pen.setJoinStyle(Qt::RoundJoin);
            painter.setPen(pen);
            painter.setBrush(colour(shape.colour));
            painter.drawPolygon(polygon);
        }
    }
}

void paintAxis(QPainter& painter, const SurfaceAxis& axis, double s)
{
    using namespace surfaceLayout;
    const double tick = 6 * s, gap = 4 * s;
    painter.setPen(QPen(colour(palette::ink), 1.0 * s));
    painter.setFont(styleFont(painter, tickLabelPx * s));
    const QFontMetricsF labels(painter.font(), painter.device());
    double widest = 0;
    for (const SurfaceTick& t : axis.ticks) {
        const QPointF at(t.at[0], t.at[1]), out(axis.outward[0], axis.outward[1]);
        painter.drawLine(at, at + tick * out);
        const QString label = text(t.label);
        const double w = labels.horizontalAdvance(label), h = labels.ascent() + labels.descent();
        const double extent = halfExtent(w, h, axis.outward);
        widest = std::max(widest, 2 * extent);
        centredText(painter, label, at + (tick + gap + extent) * out);
    }
    painter.setFont(styleFont(painter, axisTitlePx * s));
    const QFontMetricsF titles(painter.font(), painter.device());
    const QString title = text(axis.title);
    const double h = titles.ascent() + titles.descent();
    if (axis.vertical) {  // above the top of the axis, as on screen
        const QPointF top(axis.to[0], axis.to[1]);
        centredText(painter, title, top - QPointF(0, verticalTitleGap * s + h / 2));
        return;
    }
    // Along the axis, upright enough to read, beyond the widest label.
    double degrees = std::atan2(axis.to[1] - axis.from[1], axis.to[0] - axis.from[0]) * 180 / M_PI;
    if (degrees > 90) degrees -= 180;
    if (degrees <= -90) degrees += 180;
    const QPointF middle((axis.from[0] + axis.to[0]) / 2, (axis.from[1] + axis.to[1]) / 2);
    const double rad = degrees * M_PI / 180;
    // The title's height across the axis direction, measured in the turned frame.
    const double across =
        std::abs(-std::sin(rad) * axis.outward[0] + std::cos(rad) * axis.outward[1]) * h +
        std::abs(std::cos(rad) * axis.outward[0] + std::sin(rad) * axis.outward[1]) * titles.horizontalAdvance(title);
    const QPointF out(axis.outward[0], axis.outward[1]);
    centredText(painter, title, middle + (tick + gap + widest + gap + across / 2) * out, degrees);
}

void paintColourBar(QPainter& painter, const SurfacePicture& picture, int width, int height, double s)
{
    using namespace surfaceLayout;
    const auto box = colourBarBox(width, height, s);
    const double left = box[0] * width, bottom = height - box[1] * height, top = bottom - box[3] * height;
    const double blockWidth = box[2] * width;
    painter.setFont(styleFont(painter, barTitlePx * s));
    const QFontMetricsF titleMetrics(painter.font(), painter.device());
    const double titleHeight = titleMetrics.ascent() + titleMetrics.descent();
    painter.setPen(colour(palette::ink));
    centredText(painter, text(picture.valueName), QPointF(left + blockWidth / 2, top + titleHeight / 2));

    const double barTop = top + 1.5 * titleHeight, barLeft = left, barWidth = barRatio * blockWidth;
    const double barHeight = std::max(1.0, bottom - barTop);
    // The map as a one-pixel-wide image of 256 rows, top (hi) to bottom (lo), stretched over the
    // bar: one object in the file and no seams between bands in any renderer.
    QImage strip(1, 256, QImage::Format_RGB32);
    for (int k = 0; k < 256; ++k) strip.setPixelColor(0, k, colour(picture.map.at((255 - k) / 255.0)));
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QRectF(barLeft, barTop, barWidth, barHeight), strip);
    painter.setPen(colour(palette::ink));
    painter.setFont(styleFont(painter, barLabelPx * s));
    const QFontMetricsF labels(painter.font(), painter.device());
    for (double v : picture.barTicks) {
        const double t = picture.hi > picture.lo ? (v - picture.lo) / (picture.hi - picture.lo) : 0.5;
        const QString label = text(surfaceTickLabel(v));
        const double y = bottom - t * barHeight;
        painter.drawText(QPointF(barLeft + barWidth + 4 * s, y + (labels.ascent() - labels.descent()) / 2), label);
    }
}

}  // namespace

void paintSurfacePicture(QPainter& painter, const SurfacePicture& picture, int width, int height, double s)
{
    using namespace surfaceLayout;
    painter.fillRect(QRectF(0, 0, width, height), colour(palette::background));
    paintShapes(painter, picture);
    for (const SurfaceAxis& axis : picture.axes) paintAxis(painter, axis, s);
    paintColourBar(painter, picture, width, height, s);

    painter.setPen(colour(palette::ink));
    painter.setFont(styleFont(painter, titlePx * s, true));
    painter.drawText(QPointF(textLeft * s, titleTop * s + QFontMetricsF(painter.font(), painter.device()).ascent()),
                     text(picture.title));
    painter.setPen(colour(palette::detailInk));
    painter.setFont(styleFont(painter, subtitlePx * s));
    painter.drawText(QPointF(textLeft * s, subtitleTop * s + QFontMetricsF(painter.font(), painter.device()).ascent()),
                     text(picture.subtitle));
}

}  // namespace cl::ui
