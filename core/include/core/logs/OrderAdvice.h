#pragma once
// What the logged P-values suggest along a run (paper Cor. 3.2, §4.2): for each target domain,
// which domain to put more of at the end of the next window; and the "win-win" checkpoints
// where one reordering is predicted to lower every domain's loss at once.
//
// Ordering ab (more of a first, more of b at the end) changes L_k by about P(L_a, L_b; L_k),
// so the better ordering for L_k ends with b when P(L_a, L_b; L_k) < 0. For two domains the
// paper's win-win case is P(L2,L1;L1) < 0 and P(L2,L1;L2) < 0 (ordering 21, ending with more
// of domain 1); by antisymmetry both > 0 makes ordering 12 a win-win, reported the same way.

#include "core/logs/RunLog.h"

#include <vector>

namespace cl::logs {

/// Shown with any advice: the criterion is the paper's local, first-order prediction.
extern const char* const kOrderAdviceCaveat;

struct TargetAdvice {
    int target = 0;
    /// The recommended ordering: more of `order.first` early, more of `order.second` at the
    /// end of the next window. Meaningless when `predictedChange` is 0 (no preference).
    DomainPair order;
    double predictedChange = 0;  // lr²-scaled P(L_a, L_b; L_target) of that ordering (≤ 0)
};

struct CheckpointAdvice {
    double step = 0;
    std::vector<TargetAdvice> targets;  // one per domain that has a P-value at this step
    /// An ordering predicted to lower the loss of every domain; hasWinWin false when none.
    bool hasWinWin = false;
    DomainPair winWin;
};

/// One entry per step that has P-values, in increasing step order.
std::vector<CheckpointAdvice> adviseOrder(const RunLog& log);

/// The steps of adviseOrder's entries that have a win-win ordering.
std::vector<CheckpointAdvice> winWinCheckpoints(const RunLog& log);

}  // namespace cl::logs
