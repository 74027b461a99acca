#pragma once
// The landscape session is plain data in core (core/landscape/LandscapeSession.h: the model, its
// JSON reading with located errors, and writing). What ui/ adds: the panel its layout names, and
// the figure of a session — the one the workspace exports and `commutelab render --session`
// draws, built here from the session alone so that the two write the same file.

#include "core/landscape/LandscapeSession.h"
#include "ui/LandscapeFigure.h"
#include "ui/LandscapeOptions.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cl::ui {

/// "side-by-side" → nullopt; "single:<panel>" → that panel. Throws std::invalid_argument otherwise
/// (core's singlePanelNameOfLayout).
std::optional<LandscapePanel> singlePanelOfLayout(const std::string& layout);

/// The figure of `session`'s `panels` (empty: the panel its layout shows, the bracket when it
/// is side by side), over `grid` sampled on session.grid, with the clicked points' `overlays`:
/// exactly what the workspace shows. The shown rectangle is session.grid's range (the view the
/// session saved); there is no heading (the window has none; `render --title` adds one); the
/// target is named by targetDisplayLabel. Throws std::invalid_argument for a bad target string.
LandscapeFigureSpec sessionFigureSpec(const LandscapeSession& session, std::vector<LandscapePanel> panels,
                                      std::shared_ptr<const FieldGrid> grid,
                                      std::shared_ptr<const LandscapeOverlays> overlays);

}  // namespace cl::ui
