#include "ui/PointOverlays.h"

#include "core/landscape/OrderEffect.h"
#include "core/landscape/PointFlows.h"

#include <array>
#include <utility>

namespace cl::ui {

std::shared_ptr<LandscapeOverlays> computePointOverlays(const LossPtr& l1, const LossPtr& l2, const LossPtr& target,
                                                        const std::vector<ClickedPointSpec>& points, bool descentL1,
                                                        bool descentL2)
{
    auto overlays = std::make_shared<LandscapeOverlays>();
    for (const ClickedPointSpec& p : points) {
        LandscapeOverlays::Clicked clicked;
        clicked.x = p.x;
        clicked.y = p.y;
        clicked.dt = p.dt;
        const Vector theta0 = Vector::Map(std::array<double, 2>{p.x, p.y}.data(), 2);
        try {
            clicked.flows = computePointFlows(l1, l2, theta0, p.dt);
            clicked.effect = orderEffect(*clicked.flows, l1, l2, target, theta0, p.dt);
        } catch (const std::exception& e) {
            clicked.error = e.what();
        }
        overlays->points.push_back(std::move(clicked));
        for (const auto& [wanted, loss] : {std::pair{descentL1, l1}, std::pair{descentL2, l2}}) {
            if (!wanted) continue;
            try {
                overlays->descentPaths.push_back(descentPath(loss, theta0));
            } catch (const std::exception&) {
                // An undefined start has no path; the point's own error says why.
            }
        }
    }
    return overlays;
}

}  // namespace cl::ui
