#include "ui/schedule/SchedulePresets.h"

namespace cl::ui::schedule {

Segments constantMixPreset(int domains)
{
    return {{0.0, std::vector<double>(std::size_t(domains), 1.0 / domains)}};
}

Segments sequentialBlocksPreset(const std::vector<int>& order, double horizon)
{
    const int k = int(order.size());
    Segments segments;
    for (int s = 0; s < k; ++s) {
        std::vector<double> w(std::size_t(k), 0.0);
        w[std::size_t(order[std::size_t(s)])] = 1.0;
        segments.push_back({horizon * s / k, std::move(w)});
    }
    return segments;
}

Segments interventionPreset(int domains, double w, double t0, double dt, double dw, bool twoThenOne)
{
    if (domains == 2) {
        const auto order = twoThenOne ? InterventionOrder::TwoThenOne : InterventionOrder::OneThenTwo;
        return interventionSchedule(w, t0, dt, dw, order).segments();
    }
    const Schedule base = Schedule::constant(std::vector<double>(std::size_t(domains), 1.0 / domains));
    return perturbedSchedule(base, twoThenOne ? 1 : 0, twoThenOne ? 0 : 1, dw, t0, dt).segments();
}

Segments moreAtEndPreset(int domains, int domain, double delta, double horizon)
{
    const double u = 1.0 / domains, others = domains > 1 ? delta / (domains - 1) : 0.0;
    std::vector<double> early(std::size_t(domains), u + others), late(std::size_t(domains), u - others);
    early[std::size_t(domain)] = u - delta;
    late[std::size_t(domain)] = u + delta;
    return {{0.0, early}, {horizon / 2, late}};
}

}  // namespace cl::ui::schedule
