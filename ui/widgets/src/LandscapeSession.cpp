#include "ui/LandscapeSession.h"

namespace cl::ui {

std::optional<LandscapePanel> singlePanelOfLayout(const std::string& layout)
{
    const std::optional<std::string> name = singlePanelNameOfLayout(layout);
    if (!name) return std::nullopt;
    return landscapePanelFromName(*name);  // core accepts exactly the names this knows
}

}  // namespace cl::ui
