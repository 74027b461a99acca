// The exact linear ordering by dynamic programming over subsets (Held–Karp style).
//
// best(S) is the lowest cost of placing the domains of S first, in some order; putting j last after
// S \ {j} adds Σ_{i ∈ S\{j}} W(i, j) = colSum_S(j) − W(j, j). The column sums of S come from two
// tables over the low and the high half of the bits (2·2^{K/2}·K numbers), so each (S, j) costs O(1)
// and the whole programme O(2^K K). worst(S) is the same recursion with max: the optimum of the
// negated problem, computed rather than assumed to be the reverse of the best.

#include "core/planner/LinearOrdering.h"

#include "CostMatrixCheck.h"

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace cl {

namespace {

// Column sums Σ_{i in mask} W(offset + i, j) for every mask over `bits` consecutive domains.
std::vector<double> columnSumTable(const Matrix& w, int offset, int bits)
{
    const int k = static_cast<int>(w.rows());
    std::vector<double> table((std::size_t(1) << bits) * k, 0.0);
    for (std::uint32_t mask = 1; mask < (1u << bits); ++mask) {
        const int low = __builtin_ctz(mask);
        const std::uint32_t rest = mask & (mask - 1);
        for (int j = 0; j < k; ++j) table[mask * k + j] = table[rest * k + j] + w(offset + low, j);
    }
    return table;
}

std::vector<int> unwind(const std::vector<std::uint8_t>& last, int k)
{
    std::vector<int> order(k);
    std::uint32_t set = (1u << k) - 1;
    for (int p = k - 1; p >= 0; --p) {
        order[p] = last[set];
        set &= ~(1u << order[p]);
    }
    return order;
}

}  // namespace

LinearOrdering exactLinearOrdering(const Matrix& w)
{
    detail::checkCostMatrix(w, "exact ordering");
    const int k = static_cast<int>(w.rows());
    if (k > kMaxExactOrderingSize)
        throw std::invalid_argument("exact ordering: " + std::to_string(k) + " domains is more than " +
                                    std::to_string(kMaxExactOrderingSize) + "; use the local search");
    const int lowBits = k / 2;
    const std::uint32_t lowMask = (1u << lowBits) - 1;
    const std::vector<double> lowSums = columnSumTable(w, 0, lowBits);
    const std::vector<double> highSums = columnSumTable(w, lowBits, k - lowBits);
    const std::size_t subsets = std::size_t(1) << k;
    std::vector<double> best(subsets), worst(subsets);
    std::vector<std::uint8_t> bestLast(subsets, 0), worstLast(subsets, 0);
    best[0] = worst[0] = 0;
    for (std::uint32_t set = 1; set < subsets; ++set) {
        const double* low = &lowSums[(set & lowMask) * k];
        const double* high = &highSums[(set >> lowBits) * k];
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        std::uint8_t loLast = 0, hiLast = 0;
        for (std::uint32_t rest = set; rest; rest &= rest - 1) {
            const int j = __builtin_ctz(rest);
            const std::uint32_t before = set & ~(1u << j);
            const double added = low[j] + high[j] - w(j, j);
            const double b = best[before] + added, v = worst[before] + added;
            if (b < lo) lo = b, loLast = static_cast<std::uint8_t>(j);
            if (v > hi) hi = v, hiLast = static_cast<std::uint8_t>(j);
        }
        best[set] = lo;
        worst[set] = hi;
        bestLast[set] = loLast;
        worstLast[set] = hiLast;
    }
    LinearOrdering result;
    result.method = OrderingMethod::Exact;
    result.order = unwind(bestLast, k);
    // Re-summed along the order, so every method reports J the same way (not the DP's rounding).
    result.objective = orderingObjective(w, result.order);
    result.worstOrder = unwind(worstLast, k);
    result.worstObjective = orderingObjective(w, result.worstOrder);
    result.worstIsExact = true;
    result.lowerBound = pairwiseLowerBound(w);
    return result;
}

}  // namespace cl
