#pragma once
// Clipping of page geometry to a rectangle, done on the coordinates themselves so a clipped
// figure is the same in PNG, SVG and PDF (Qt 6.4's SVG generator ignores QPainter clips).

#include <QPointF>
#include <QRectF>

#include <vector>

namespace cl::ui {

/// The parts of a polyline inside `clip` (Liang–Barsky on each segment; consecutive inside
/// segments stay one polyline so dashes and joins continue).
std::vector<std::vector<QPointF>> clipPolyline(const std::vector<QPointF>& points, const QRectF& clip);

/// A polygon cut to `clip` (Sutherland–Hodgman); empty when nothing is inside.
std::vector<QPointF> clipPolygon(const std::vector<QPointF>& points, const QRectF& clip);

}  // namespace cl::ui
