#pragma once
// The Lie-Bracket Tournament planner (arXiv 2606.24993; science page "N domains"): order K
// domains for a sequential curriculum from first-order information at one reference point.

#include "core/Loss.h"
#include "core/planner/LinearOrdering.h"

#include <vector>

namespace cl {

struct TournamentPlan {
    /// Domain indices (0-based) in the planned training order: first trained first.
    std::vector<int> order;
    /// Borda score per domain: score(A) = Σ_{B≠A} e(A, B); the order sorts them ascending.
    std::vector<double> scores;
};

/// Row-sum planner: one Hessian-vector product u_S = H_S g_T per domain, then
/// score(A) = <U, g_A> − <u_A, G> with U = Σ u_S and G = Σ g_S. Never forms the K×K matrix:
/// O(K) HVPs and dot products plus an O(K log K) sort. Ties keep the lower index first.
/// Throws std::invalid_argument for fewer than 2 domains or mismatched dimensions.
TournamentPlan planTournament(const std::vector<LossPtr>& domains, const Loss& target, const Vector& theta0);

/// The second-order cost of each ordered pair, c(A, B) = <g_T, H_B g_A> = <u_B, g_A>: training the K
/// domains one after another for τ each changes L_T, up to order-independent terms, by
/// τ² Σ_{A before B} c(A, B), and c(A, B) − c(B, A) = e(A, B) (science page "N domains").
/// The same K HVPs u_S = H_S g_T as planTournament, plus K² dot products.
Matrix sequentialCostMatrix(const std::vector<LossPtr>& domains, const Loss& target, const Vector& theta0);

struct CurriculumPlan {
    Matrix cost;  // c(A, B), from sequentialCostMatrix
    LinearOrdering ordering;
    /// τ² Σ_{A before B} c(A, B) of `order` minus that of the planned order: the predicted
    /// second-order difference of L_T after the curriculum `order` (> 0: worse than planned).
    double predictedExcess(const std::vector<int>& order, double stageTime) const;
};

/// The curriculum that minimises τ² Σ_{A before B} c(A, B): the linear ordering problem on c,
/// solved by `method` (Auto: exact up to kMaxExactOrderingSize domains).
CurriculumPlan planCurriculum(const std::vector<LossPtr>& domains, const Loss& target, const Vector& theta0,
                              OrderingMethod method = OrderingMethod::Auto);

/// The explicit edge matrix e(A, B) = P(L_A, L_B; L_T)(θ0) (antisymmetric): training A then B
/// instead of B then A changes L_T by Δt² e(A, B) + O(Δt³). Through criterionP, independently of
/// the HVPs above: for tests and the P-matrix view.
Matrix pairwiseOrderMatrix(const std::vector<LossPtr>& domains, const Loss& target, const Vector& theta0);

}  // namespace cl
