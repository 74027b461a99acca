#pragma once
// What a landscape panel shows and how: the panel kind, drawing options, and the overlays the
// user adds by clicking (flows from a point, descent paths). Shared by LandscapeView, the
// figure export (LandscapeFigure.h) and `commutelab render`, so all three draw the same thing.

#include "core/flow/FlowIntegrator.h"
#include "core/landscape/ColorScale.h"
#include "core/landscape/LandscapeOptions.h"
#include "core/landscape/OrderEffect.h"
#include "core/landscape/PointFlows.h"

#include <optional>
#include <string>
#include <vector>

namespace cl::ui {

/// Figure 1's panels: (a) L1 and (b) L2 (level curves, −∇L arrows), (c) the bracket R(L1, L2)
/// over the region shading, and the map of P(L1, L2; target).
enum class LandscapePanel { L1, L2, Bracket, PMap };

// The drawing options are plain data in core (kept in sessions); ui/ draws them.
using cl::LandscapeOptions;

/// `options` with any colour map name ColorMap::named does not know replaced by the default's,
/// so a stale setting or a hand-edited session draws instead of failing.
LandscapeOptions withKnownColorMaps(LandscapeOptions options);

/// Drawn on top of every panel, in data coordinates.
struct LandscapeOverlays {
    struct Clicked {
        double x = 0, y = 0, dt = 0;
        std::optional<PointFlows> flows;    // empty while computing or when the flow failed
        std::string error;                  // why flows is empty (shown next to the point), if it failed
        std::optional<OrderEffect> effect;  // core's read-out of flows (with the target's excess loss)
    };
    std::vector<Clicked> points;
    std::vector<Trajectory> descentPaths;
};

/// Parses "l1", "l2", "bracket", "pmap" (any case); nullopt otherwise.
std::optional<LandscapePanel> landscapePanelFromName(const std::string& name);
const char* landscapePanelName(LandscapePanel panel);

}  // namespace cl::ui
