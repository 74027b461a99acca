#include "OverlayItem.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>

#include <cmath>

namespace cl::ui {

vtkStandardNewMacro(OverlayItem);

void OverlayItem::drawDot(vtkContext2D* painter, double x, double y, double r, Rgb colour, bool hollow,
                          double scale)
{
    // A polygon rather than DrawEllipse: it exports to SVG/PDF as one clean path.
    constexpr int sides = 20;
    float points[2 * sides];
    for (int k = 0; k < sides; ++k) {
        const double a = 2 * M_PI * k / sides;
        points[2 * k] = float(x + r * std::cos(a));
        points[2 * k + 1] = float(y + r * std::sin(a));
    }
    setPen(painter, colour, float(1.5 * scale));
    setBrush(painter, hollow ? palette::background : colour, hollow ? 0 : 255);
    painter->DrawPolygon(points, sides);
    float loop[2 * sides + 2];
    std::copy(points, points + 2 * sides, loop);
    loop[2 * sides] = points[0];
    loop[2 * sides + 1] = points[1];
    painter->DrawPoly(loop, sides + 1);
}

void OverlayItem::drawTrajectory(vtkContext2D* painter, const Trajectory& path, Rgb colour, float width)
{
    const PlotLayout& l = layout();
    std::vector<float> points;
    for (const Vector& state : path.states) {
        if (state.size() < 2 || !std::isfinite(state[0]) || !std::isfinite(state[1])) continue;
        points.push_back(float(l.sceneX(state[0])));
        points.push_back(float(l.sceneY(state[1])));
    }
    if (points.size() < 4) return;
    setPen(painter, colour, width);
    painter->DrawPoly(points.data(), int(points.size() / 2));
}

bool OverlayItem::Paint(vtkContext2D* painter)
{
    if (!model() || !model()->overlays) return true;
    const PlotLayout& l = layout();
    const double s = l.scale;
    for (const Trajectory& path : model()->overlays->descentPaths) {
        drawTrajectory(painter, path, palette::descentPath, float(2.0 * s));
        if (!path.states.empty() && path.states.back().size() >= 2)
            drawDot(painter, l.sceneX(path.states.back()[0]), l.sceneY(path.states.back()[1]), 3 * s,
                    palette::descentPath, false, s);
    }
    for (const LandscapeOverlays::Clicked& point : model()->overlays->points) {
        const double px = l.sceneX(point.x), py = l.sceneY(point.y);
        if (point.flows) {
            const PointFlows& f = *point.flows;
            const struct {
                const Trajectory& path;
                Rgb colour;
            } flows[] = {{f.mixed, palette::flowMixed},
                         {f.oneThenTwo, palette::flowOneThenTwo},
                         {f.twoThenOne, palette::flowTwoThenOne}};
            for (const auto& flow : flows) drawTrajectory(painter, flow.path, flow.colour, float(1.8 * s));
            // Predicted ends first (hollow, larger), so the observed ends sit visibly inside or
            // beside them.
            auto at = [&](const Vector& v, Rgb colour, bool hollow, double r) {
                if (v.size() >= 2 && std::isfinite(v[0]) && std::isfinite(v[1]))
                    drawDot(painter, l.sceneX(v[0]), l.sceneY(v[1]), r, colour, hollow, s);
            };
            at(f.predictedOneThenTwo, palette::flowOneThenTwo, true, 5.5 * s);
            at(f.predictedTwoThenOne, palette::flowTwoThenOne, true, 5.5 * s);
            for (const auto& flow : flows)
                if (!flow.path.states.empty()) at(flow.path.states.back(), flow.colour, false, 3 * s);
        }
        // The start: a white-filled black dot, visible on every background.
        drawDot(painter, px, py, 3.5 * s, palette::background, false, s);
        drawDot(painter, px, py, 3.5 * s, palette::ink, true, s);
        if (!point.error.empty()) {  // a red cross: this point has no flows
            setPen(painter, {0xc0, 0x00, 0x00}, float(2 * s));
            const float d = float(5 * s);
            painter->DrawLine(float(px) - d, float(py) - d, float(px) + d, float(py) + d);
            painter->DrawLine(float(px) - d, float(py) + d, float(px) + d, float(py) - d);
        }
    }
    return true;
}

}  // namespace cl::ui
