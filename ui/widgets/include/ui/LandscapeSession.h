#pragma once
// The landscape session is plain data in core (core/landscape/LandscapeSession.h: the model, its
// JSON reading with located errors, and writing). What ui/ adds is the panel its layout names.

#include "core/landscape/LandscapeSession.h"
#include "ui/LandscapeOptions.h"

#include <optional>
#include <string>

namespace cl::ui {

/// "side-by-side" → nullopt; "single:<panel>" → that panel. Throws std::invalid_argument otherwise
/// (core's singlePanelNameOfLayout).
std::optional<LandscapePanel> singlePanelOfLayout(const std::string& layout);

}  // namespace cl::ui
