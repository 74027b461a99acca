#pragma once
// Fills a FieldGrid for two 2-D domains and a target, split over all cores, cancellable.

#include "core/FieldGrid.h"
#include "core/Progress.h"
#include "core/Target.h"

namespace cl {

struct FieldRequest {
    LossPtr l1, l2;
    Target target = Target::mean(2);
    GridSpec grid;
};

/// Memory sampleFields needs, known before it allocates anything.
struct SamplerMemory {
    std::size_t outputBytes = 0;   // the FieldGrid: 9 doubles and a region byte per point
    std::size_t workingBytes = 0;  // every worker's row evaluators and scratch rows
    int workers = 1;
};
/// Limits (docs/workspace.md, "Limits"): a request above either is refused up front.
inline constexpr std::size_t kMaxFieldGridBytes = std::size_t(2) << 30;
inline constexpr std::size_t kMaxSamplerWorkingBytes = std::size_t(1) << 30;
SamplerMemory estimateSamplerMemory(const FieldRequest& request, int threads = 0);

/// Writes into `out` (reusing its storage when the size is unchanged, as the live views do).
/// threads = 0 uses every core. Throws std::invalid_argument for a bad request (including one
/// whose SamplerMemory exceeds a limit, before allocating) and Cancelled when `progress` asks to stop.
void sampleFields(const FieldRequest& request, FieldGrid& out, ProgressSink* progress = nullptr,
                  int threads = 0);

}  // namespace cl
