#pragma once
// Preset schedules the editor offers. Each returns raw segments (the editor validates them
// through cl::Schedule, so a bad parameter shows core's ScheduleError message). Presets that
// core already defines (paper eq. 9/10, Corollary 3.2) are taken from core, not re-derived.

#include "core/flow/Schedule.h"

#include <vector>

namespace cl::ui::schedule {

using Segments = std::vector<Schedule::Segment>;

/// Uniform weights 1/K from time 0.
Segments constantMixPreset(int domains);

/// Domain order[0] alone on [0, T/K), order[1] alone on [T/K, 2T/K), ... (same amount of each
/// domain as the constant mix over [0, T)).
Segments sequentialBlocksPreset(const std::vector<int>& order, double horizon);

/// Paper eq. 9/10 for K = 2 (core's interventionSchedule with base weight w); for K > 2 core's
/// Corollary 3.2 perturbation of the uniform mix between domains 1 and 2 (w is then 1/K).
/// "Order 21" exchanges the two halves. Throws ScheduleError for bad parameters.
Segments interventionPreset(int domains, double w, double t0, double dt, double dw, bool twoThenOne);

/// "More of domain i at the end": the uniform mix, with domain i lowered by δ on [0, T/2) and
/// raised by δ on [T/2, T) (the others compensate equally), so every domain's total amount over
/// [0, T) equals the constant mix's. May return negative weights (the editor reports them).
Segments moreAtEndPreset(int domains, int domain, double delta, double horizon);

}  // namespace cl::ui::schedule
