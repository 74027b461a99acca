#pragma once
// The planned curriculum from a real log (science page "N domains"): at a checkpoint where the log
// holds P(L_a, L_b; L_k) for every pair of domains, the order in which to train the domains one
// after another so that L_k ends lowest, to second order.
//
// Why e = P(·,·; L_k) alone is enough, although the sequential cost is c(A, B) = <g_k, H_B g_A>,
// which no log holds: in Σ_{A before B} c(A, B) each unordered pair {A, B} contributes exactly one
// of c(A, B), c(B, A), and for the one it contributes, c(A, B) = ½ (c(A, B) + c(B, A)) + ½ e(A, B)
// because e(A, B) = c(A, B) − c(B, A). So
//     Σ_{A before B} c(A, B) = ½ Σ_{pairs {A,B}} (c(A, B) + c(B, A)) + ½ Σ_{A before B} e(A, B),
// and the first sum is the same for every order. The linear ordering problem on W = ½ e therefore
// has the same optimum and the same differences between orders as the one on c.
// (tests/core/test_curriculum_advice.cpp checks the identity over all orders.)

#include "core/logs/RunLog.h"
#include "core/planner/LinearOrdering.h"

#include <vector>

namespace cl::logs {

struct TargetCurriculum {
    int target = 0;
    /// The ordering of W = ½ e with e(a, b) = lr²-scaled P(L_a, L_b; L_target). Its
    /// predictedGain(s) is the predicted drop of L_target against the worst order when each domain
    /// trains s steps in turn (predictedGain(1): one step each).
    LinearOrdering ordering;
};

struct CheckpointCurricula {
    double step = 0;
    /// One entry per target whose P-values cover every pair at this step, by target index.
    std::vector<TargetCurriculum> targets;
};

/// The matrix e(a, b) = lr²-scaled P(L_a, L_b; L_target) at `step` from the log's rows (a row for
/// (b, a) gives −P by antisymmetry; both rows present: their mean). False, and `e` untouched,
/// when some pair has no finite value at that step.
bool orderMatrixAt(const RunLog& log, double step, int target, Matrix& e);

/// One entry per step with at least one complete target, in increasing step order. Auto: exact for
/// up to 20 domains, local search above. Needs at least 2 domains (otherwise returns nothing).
std::vector<CheckpointCurricula> planCurriculaFromLog(const RunLog& log, OrderingMethod method = OrderingMethod::Auto);

}  // namespace cl::logs
