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

/// Writes into `out` (reusing its storage when the size is unchanged, as the live views do).
/// threads = 0 uses every core. Throws std::invalid_argument for a bad request and Cancelled
/// when `progress` asks to stop.
void sampleFields(const FieldRequest& request, FieldGrid& out, ProgressSink* progress = nullptr,
                  int threads = 0);

}  // namespace cl
