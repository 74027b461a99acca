#pragma once
// The overlays of the clicked points: each point's three flows (paper eq. 1's two orders and
// the joint flow), its order effect read off them (the inset square) and, when asked, the
// descent paths of L1 and L2 from it. The workspace computes them off the GUI thread and
// `commutelab render --session` before drawing: one function, so both draw the same.

#include "ui/LandscapeOptions.h"

#include "core/Loss.h"
#include "core/landscape/LandscapeSession.h"

#include <memory>
#include <vector>

namespace cl::ui {

/// A point whose flows fail keeps its marker and carries the reason in `error`; a start where a
/// loss is undefined has no descent path. `target` may be null (no excess loss in the effect).
std::shared_ptr<LandscapeOverlays> computePointOverlays(const LossPtr& l1, const LossPtr& l2, const LossPtr& target,
                                                        const std::vector<ClickedPointSpec>& points, bool descentL1,
                                                        bool descentL2);

}  // namespace cl::ui
