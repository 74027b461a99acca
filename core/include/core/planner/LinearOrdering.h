#pragma once
// The linear ordering problem behind a sequential curriculum (science page "N domains"): given a
// K×K cost matrix W, find the order σ of 0..K-1 that minimises J(σ) = Σ_{A before B in σ} W(A, B).
//
// For the planner W is c(A, B) = <g_T, H_B g_A>: training the K domains one after another for τ
// each changes L_T, up to order-independent terms, by τ² J(σ). Only the pairs matter, so
// J(reverse σ) = S − J(σ) with S = Σ_{A≠B} W(A, B): the worst order is always the reverse of the
// best one, and any W gives the same orders as its antisymmetric part ½ (W − Wᵀ).

#include "core/Loss.h"

#include <string>
#include <vector>

namespace cl {

enum class OrderingMethod {
    Exact,        // dynamic programming over subsets, K ≤ kMaxExactOrderingSize
    Borda,        // the paper's row sums: ascending Σ_B (W(A,B) − W(B,A))
    LocalSearch,  // Borda's order improved by insertion moves until none helps
    Auto,         // Exact up to kMaxExactOrderingSize domains, LocalSearch above
};

/// Largest K the exact solver takes: 2^20 subsets, about 18 MB and well under a second.
constexpr int kMaxExactOrderingSize = 20;

/// "exact", "borda", "local", "auto".
const char* orderingMethodName(OrderingMethod method);
/// The inverse of orderingMethodName; throws std::invalid_argument naming the text otherwise.
OrderingMethod parseOrderingMethod(const std::string& text);

struct LinearOrdering {
    /// 0-based indices, first trained first.
    std::vector<int> order;
    /// The method that produced the order (never Auto).
    OrderingMethod method = OrderingMethod::Exact;
    /// J(order) = Σ_{A before B} W(A, B).
    double objective = 0;
    /// J of the worst order. Exact: the maximum over all orders, found by the same dynamic
    /// programme on the negated problem. Borda and LocalSearch: J(reverse order) = S − J(order), a
    /// lower estimate of the maximum (equal to it when the order is optimal).
    double worstObjective = 0;
    /// The order worstObjective belongs to (the reverse of `order` for the heuristics).
    std::vector<int> worstOrder;
    bool worstIsExact = false;
    /// Σ over pairs of min(W(A, B), W(B, A)): no order can do better (each pair pays one of its
    /// two costs). On a cyclic tournament even the optimum stays above it.
    double lowerBound = 0;

    /// objective − lowerBound ≥ 0; 0 proves the order optimal.
    double gapToBound() const { return objective - lowerBound; }
    /// Predicted second-order gain over the worst order when each domain trains for stageTime:
    /// τ² (J(worst) − J(order)) (a lower estimate for the heuristics, see worstObjective).
    double predictedGain(double stageTime) const { return stageTime * stageTime * (worstObjective - objective); }
};

/// J(order) for a square W; the diagonal never counts (it must still be finite). Throws std::invalid_argument when the
/// order is not a permutation of 0..K-1.
double orderingObjective(const Matrix& w, const std::vector<int>& order);

/// Σ over unordered pairs of min(W(A, B), W(B, A)).
double pairwiseLowerBound(const Matrix& w);

/// The optimum (lowest J) and the worst order by dynamic programming over subsets:
/// f(S) = min_{j ∈ S} f(S \ {j}) + Σ_{i ∈ S \ {j}} W(i, j), with the column sums read from two
/// half-width tables, so O(2^K K) time and O(2^K) memory. Ties go to the order whose last
/// element has the lowest index. Throws std::invalid_argument for K > kMaxExactOrderingSize.
LinearOrdering exactLinearOrdering(const Matrix& w);

/// Sorted by Σ_B (W(A,B) − W(B,A)) ascending, ties keep the lower index first: for W = c these
/// are the Borda scores of the tournament e = c − cᵀ, the same order as planTournament.
LinearOrdering bordaOrdering(const Matrix& w);

/// Starting from `start`, moves one element to the position that lowers J most (an insertion;
/// adjacent swaps are the insertions by one place) and repeats until no move lowers J.
/// O(K²) per sweep over all elements. The result is never worse than `start`.
LinearOrdering localSearchOrdering(const Matrix& w, std::vector<int> start);

/// Dispatch: Auto is Exact for K ≤ kMaxExactOrderingSize, LocalSearch (from Borda's order) above.
/// Throws std::invalid_argument for a non-square W, a non-finite entry (naming it) or K < 1.
LinearOrdering solveLinearOrdering(const Matrix& w, OrderingMethod method);

}  // namespace cl
