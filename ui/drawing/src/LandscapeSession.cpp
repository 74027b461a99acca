#include "ui/LandscapeSession.h"

namespace cl::ui {

std::optional<LandscapePanel> singlePanelOfLayout(const std::string& layout)
{
    const std::optional<std::string> name = singlePanelNameOfLayout(layout);
    if (!name) return std::nullopt;
    return landscapePanelFromName(*name);  // core accepts exactly the names this knows
}

LandscapeFigureSpec sessionFigureSpec(const LandscapeSession& session, std::vector<LandscapePanel> panels,
                                      std::shared_ptr<const FieldGrid> grid,
                                      std::shared_ptr<const LandscapeOverlays> overlays)
{
    LandscapeFigureSpec spec;
    spec.panels =
        panels.empty()
            ? std::vector<LandscapePanel>{singlePanelOfLayout(session.layout).value_or(LandscapePanel::Bracket)}
            : std::move(panels);
    spec.grid = std::move(grid);
    spec.overlays = std::move(overlays);
    spec.options = withKnownColorMaps(session.options);
    spec.targetLabel = targetDisplayLabel(session.target);
    const GridSpec& g = session.grid;
    spec.view = DataRect{g.xmin, g.xmax, g.ymin, g.ymax};
    return spec;
}

}  // namespace cl::ui
