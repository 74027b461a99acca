#include "ui/OrderEffectInset.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cl::ui {

namespace {

std::string number(double v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", v);
    return text;
}

}  // namespace

double scaleBarLength(double most)
{
    const double decade = std::pow(10.0, std::floor(std::log10(most)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * decade <= most) return m * decade;
    return decade;
}

std::string insetScaleText(const InsetSquare& square, double viewWidth)
{
    const double side = 2 * square.halfSide;
    return "inset " + number(side) + " wide, \u00d7" + number(viewWidth / side) + " the view";
}

std::optional<OrderEffectInsetGeometry> orderEffectInset(const PlotLayout& plot, const LandscapeOverlays* overlays)
{
    if (!overlays || plot.width <= 0 || plot.height <= 0) return std::nullopt;
    // The newest point with a read-out: the one the user just clicked (the dock follows it too).
    const auto& points = overlays->points;
    auto it = std::find_if(points.rbegin(), points.rend(), [](const auto& p) { return p.effect.has_value(); });
    if (it == points.rend() || !it->effect->base.allFinite()) return std::nullopt;

    OrderEffectInsetGeometry g;
    g.point = std::size_t(points.rend() - it) - 1;
    g.square = insetSquare(*it->effect);
    const double margin = 8 * plot.scale;
    g.side = std::floor(std::min(plot.width, plot.height) / 3);
    // The corner farthest from θ_base, so the inset does not cover the flows it magnifies.
    const double bx = plot.sceneX(it->effect->base[0]), by = plot.sceneY(it->effect->base[1]);
    const bool right = bx < plot.left + plot.width / 2, top = by < plot.bottom + plot.height / 2;
    g.left = right ? plot.left + plot.width - margin - g.side : plot.left + margin;
    g.bottom = top ? plot.bottom + plot.height - margin - g.side : plot.bottom + margin;
    const double insetPerUnit = g.side / (2 * g.square.halfSide);
    const double plotPerUnit = plot.width / (plot.xmax - plot.xmin);
    g.magnification = insetPerUnit / plotPerUnit;
    g.barLength = scaleBarLength(0.4 * 2 * g.square.halfSide);
    return g;
}

}  // namespace cl::ui
