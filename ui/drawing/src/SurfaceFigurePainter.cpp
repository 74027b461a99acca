// The vector surface painted with QPainter: flat triangles, level-curve pieces and axis lines in
// the painter's order, then what VTK draws as overlay on screen (tick labels, axis titles, the
// colour bar, the title and subtitle) at the sizes and places SurfaceLayout gives both.

#include "SurfaceLayout.h"
#include "SurfacePicture.h"
#include "figure/FigureFont.h"
#include "ui/ChartLayout.h"

#include "ui/FigureStyle.h"

#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPaintDevice>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <vector>

namespace cl::ui {
namespace {

QColor colour(Rgb c, double opacity = 1)
{
    return QColor(c.r, c.g, c.b, int(std::lround(255 * opacity)));
}

// The style's font at `pixels` (VTK's font size: the em in pixels), as PainterDevice sets it.
QFont styleFont(const QPainter& painter, double pixels, bool bold = false)
{
    return figureFont(pixels, bold, painter.device());
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

void paintAxis(QPainter& painter, const SurfaceAxis& axis, int width, double s)
{
    using namespace surfaceLayout;
    const double tick = 6 * s, gap = 4 * s;
    painter.setPen(QPen(colour(palette::ink), 1.0 * s));
    painter.setFont(styleFont(painter, tickLabelPx * s));
    const QFontMetricsF labels(painter.font(), painter.device());
    // Every tick gets its mark; labels are thinned to every k-th, with the smallest k at which
    // neighbours keep a gap (a short loss axis in a small figure would stack "7 6 5 4" otherwise).
    double widest = 0;
    std::vector<QRectF> boxes;
    std::vector<QString> texts;
    for (const SurfaceTick& t : axis.ticks) {
        const QPointF at(t.at[0], t.at[1]), out(axis.outward[0], axis.outward[1]);
        painter.drawLine(at, at + tick * out);
        const QString label = text(t.label);
        const double w = labels.horizontalAdvance(label), h = labels.ascent() + labels.descent();
        const double extent = halfExtent(w, h, axis.outward);
        widest = std::max(widest, 2 * extent);
        QPointF centre = at + (tick + gap + extent) * out;
        // A label at the page's edge moves in, as VTK's do.
        centre.setX(std::clamp(centre.x(), 2 * s + w / 2, std::max(2 * s + w / 2, width - 2 * s - w / 2)));
        boxes.emplace_back(centre.x() - w / 2, centre.y() - h / 2, w, h);
        texts.push_back(label);
    }
    std::size_t stride = 1;
    const auto apart = [&](std::size_t k) {
        for (std::size_t i = k; i < boxes.size(); i += k)
            if (boxes[i - k].adjusted(-gap / 2, -gap / 4, gap / 2, gap / 4).intersects(boxes[i])) return false;
        return true;
    };
    while (stride + 1 < boxes.size() && !apart(stride)) ++stride;
    for (std::size_t i = 0; i < boxes.size(); i += stride) centredText(painter, texts[i], boxes[i].center());
    painter.setFont(styleFont(painter, axisTitlePx * s));
    const QFontMetricsF titles(painter.font(), painter.device());
    const QString title = text(axis.title);
    const double h = titles.ascent() + titles.descent();
    if (axis.vertical) {  // above the top of the axis, as on screen, moved sideways to stay on the page
        const QPointF top(axis.to[0], axis.to[1]);
        const double half = titles.horizontalAdvance(title) / 2, margin = 4 * s;
        const double x = std::clamp(top.x(), margin + half, std::max(margin + half, width - margin - half));
        centredText(painter, title, QPointF(x, top.y() - verticalTitleGap * s - h / 2));
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
    // Centred over the bar's block, but kept on the page: a long name ("target (0.3 L₁ + 0.7 L₂)")
    // ends at the right margin, and one wider than a third of the figure is cut with "…".
    const double margin = 4 * s;
    const QString name =
        titleMetrics.elidedText(text(picture.valueName), Qt::ElideRight, std::max(40.0 * s, width / 3.0));
    const double centre = std::min(left + blockWidth / 2, width - margin - titleMetrics.horizontalAdvance(name) / 2);
    centredText(painter, name, QPointF(centre, top + titleHeight / 2));

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
    for (const SurfaceAxis& axis : picture.axes) paintAxis(painter, axis, width, s);
    paintColourBar(painter, picture, width, height, s);

    // Title and subtitle fit the page's width as every chart's do (ChartLayout's fitText: smaller
    // down to 7 pt, then cut with "…"); 3 % spare for the painter's own metrics.
    const double room = 0.97 * (width - 2 * textLeft * s);
    const auto line = [&](const std::string& content, double pixels, bool bold, double top) {
        const FittedText fit = fitText(text(content), pixels * 72.0 / 96.0 / s, room, s, bold);
        painter.setFont(styleFont(painter, fit.pixels, bold));
        painter.drawText(QPointF(textLeft * s, top + QFontMetricsF(painter.font(), painter.device()).ascent()),
                         fit.text);
    };
    painter.setPen(colour(palette::ink));
    line(picture.title, titlePx * s, true, titleTop * s);
    painter.setPen(colour(palette::detailInk));
    line(picture.subtitle, subtitlePx * s, false, subtitleTop * s);
}

}  // namespace cl::ui
