#include "OrderEffectInsetItem.h"

#include "OverlayItem.h"
#include "figure/GeometryClip.h"
#include "ui/OrderEffectInset.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>

#include <cmath>
#include <cstdio>

namespace cl::ui {

vtkStandardNewMacro(OrderEffectInsetItem);

namespace {

std::string number(double v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", v);
    return text;
}

}  // namespace

bool OrderEffectInsetItem::Paint(vtkContext2D* painter)
{
    if (!model()) return true;
    const auto inset = orderEffectInset(layout(), model()->overlays.get());
    if (!inset) return true;
    const OrderEffectInsetGeometry& g = *inset;
    const LandscapeOverlays::Clicked& point = model()->overlays->points[g.point];
    const OrderEffect& e = *point.effect;
    const double s = layout().scale;

    // The page under the inset, framed, so the parallelogram reads on any panel's shading.
    setPen(painter, palette::ink, float(1.2 * s));
    setBrush(painter, palette::background);
    painter->DrawRect(float(g.left), float(g.bottom), float(g.side), float(g.side));

    // The flows' last stretch, cut to the square on the coordinates (same in PNG, SVG and PDF).
    const QRectF frame(g.left, g.bottom, g.side, g.side);
    if (point.flows) {
        const std::pair<const Trajectory*, Rgb> paths[] = {{&point.flows->mixed, palette::flowMixed},
                                                           {&point.flows->oneThenTwo, palette::flowOneThenTwo},
                                                           {&point.flows->twoThenOne, palette::flowTwoThenOne}};
        for (const auto& [path, colour] : paths) {
            std::vector<QPointF> line;
            for (const Vector& state : path->states)
                if (state.size() >= 2 && state.allFinite()) line.emplace_back(g.sceneX(state[0]), g.sceneY(state[1]));
            setPen(painter, colour, float(1.5 * s));
            for (const auto& piece : clipPolyline(line, frame)) {
                std::vector<float> xy;
                for (const QPointF& p : piece) xy.insert(xy.end(), {float(p.x()), float(p.y())});
                if (xy.size() >= 4) painter->DrawPoly(xy.data(), int(xy.size() / 2));
            }
        }
    }
    // The predicted diagonal θ_{2→1}^pred → θ_{1→2}^pred, thin grey.
    const std::vector<QPointF> diagonal{{g.sceneX(e.predictedTwoThenOne[0]), g.sceneY(e.predictedTwoThenOne[1])},
                                        {g.sceneX(e.predictedOneThenTwo[0]), g.sceneY(e.predictedOneThenTwo[1])}};
    setPen(painter, {0x66, 0x66, 0x66}, float(1.0 * s));
    for (const auto& piece : clipPolyline(diagonal, frame))
        painter->DrawLine(float(piece.front().x()), float(piece.front().y()), float(piece.back().x()),
                          float(piece.back().y()));
    // Predicted ends hollow and larger, observed ends filled (as in the panel itself).
    auto dot = [&](const Vector& v, Rgb colour, bool hollow, double r) {
        const double x = g.sceneX(v[0]), y = g.sceneY(v[1]);
        if (v.allFinite() && frame.contains(x, y)) OverlayItem::drawDot(painter, x, y, r * s, colour, hollow, s);
    };
    dot(e.predictedOneThenTwo, palette::flowOneThenTwo, true, 6);
    dot(e.predictedTwoThenOne, palette::flowTwoThenOne, true, 6);
    dot(e.base, palette::flowMixed, false, 4);
    dot(e.oneThenTwo, palette::flowOneThenTwo, false, 4);
    dot(e.twoThenOne, palette::flowTwoThenOne, false, 4);

    // Scale bar (a 1-2-5 length in data units) bottom left, the magnification top left.
    const double unit = g.side / (2 * g.square.halfSide);
    const double x0 = g.left + 8 * s, x1 = x0 + g.barLength * unit, y = g.bottom + 8 * s;
    setPen(painter, palette::ink, float(2 * s));
    painter->DrawLine(float(x0), float(y), float(x1), float(y));
    painter->DrawLine(float(x0), float(y - 3 * s), float(x0), float(y + 3 * s));
    painter->DrawLine(float(x1), float(y - 3 * s), float(x1), float(y + 3 * s));
    setFont(painter, 11 * s, palette::ink, 0, 0);
    drawText(painter, x0, y + 4 * s, number(g.barLength));
    setFont(painter, 11 * s, palette::ink, 0, 2);
    drawText(painter, g.left + 4 * s, g.bottom + g.side - 3 * s, "\u00d7" + number(g.magnification));
    return true;
}

}  // namespace cl::ui
