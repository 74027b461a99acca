#pragma once
// Where a landscape panel draws the magnified non-commuting parallelogram of a clicked point: a
// square inset inside the plot that maps core's insetSquare (OrderEffect.h) onto scene pixels,
// with the magnification against the plot and a 1-2-5 scale bar. One pure function of the
// panel's layout and the overlays, so the live views, exported figures and tests agree; the
// dock's ParallelogramInset states its scale with the same words.

#include "ui/LandscapeOptions.h"
#include "ui/PlotLayout.h"

#include <optional>
#include <string>

namespace cl::ui {

struct OrderEffectInsetGeometry {
    std::size_t point = 0;                  // index into LandscapeOverlays::points
    InsetSquare square;                     // the data square shown (core's insetSquare of that point's effect)
    double left = 0, bottom = 0, side = 0;  // the inset's frame in scene pixels (origin bottom-left)
    double magnification = 0;               // inset pixels per data unit / plot pixels per data unit
    double barLength = 0;                   // the scale bar, in data units

    double sceneX(double x) const { return left + side / 2 + (x - square.cx) * side / (2 * square.halfSide); }
    double sceneY(double y) const { return bottom + side / 2 + (y - square.cy) * side / (2 * square.halfSide); }
};

/// The inset of the last clicked point that has an order effect, or nullopt when none has. The
/// frame is a third of the plot's shorter side, in the plot corner farthest from that point's
/// θ_base (so the inset never hides the flows it magnifies).
std::optional<OrderEffectInsetGeometry> orderEffectInset(const PlotLayout& plot, const LandscapeOverlays* overlays);

/// 1, 2 or 5 times a power of ten, at most `most` (> 0): the scale bar's length.
double scaleBarLength(double most);

/// "inset 2.3e-03 wide, ×2.6e+03 the view": the side of the square and how much it magnifies a
/// view `viewWidth` data units wide.
std::string insetScaleText(const InsetSquare& square, double viewWidth);

}  // namespace cl::ui
