#include "core/planner/LinearOrdering.h"

#include "CostMatrixCheck.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace cl {

namespace detail {

void checkCostMatrix(const Matrix& w, const char* who)
{
    if (w.rows() != w.cols())
        throw std::invalid_argument(std::string(who) + ": the cost matrix is " + std::to_string(w.rows()) + "×" +
                                    std::to_string(w.cols()) + ", not square");
    if (w.rows() < 1) throw std::invalid_argument(std::string(who) + ": the cost matrix is empty");
    for (Eigen::Index i = 0; i < w.rows(); ++i)
        for (Eigen::Index j = 0; j < w.cols(); ++j)
            if (!std::isfinite(w(i, j)))
                throw std::invalid_argument(std::string(who) + ": cost (" + std::to_string(i + 1) + ", " +
                                            std::to_string(j + 1) + ") is not a finite number");
}

void checkPermutation(const std::vector<int>& order, int k, const char* who)
{
    std::vector<bool> seen(k, false);
    bool ok = static_cast<int>(order.size()) == k;
    for (int x : order) {
        if (!ok) break;
        ok = x >= 0 && x < k && !seen[x];
        if (ok) seen[x] = true;
    }
    if (!ok)
        throw std::invalid_argument(std::string(who) + ": the order is not a permutation of the " + std::to_string(k) +
                                    " domains");
}

}  // namespace detail

const char* orderingMethodName(OrderingMethod method)
{
    switch (method) {
        case OrderingMethod::Exact:
            return "exact";
        case OrderingMethod::Borda:
            return "borda";
        case OrderingMethod::LocalSearch:
            return "local";
        case OrderingMethod::Auto:
            return "auto";
    }
    return "?";
}

OrderingMethod parseOrderingMethod(const std::string& text)
{
    for (OrderingMethod m :
         {OrderingMethod::Exact, OrderingMethod::Borda, OrderingMethod::LocalSearch, OrderingMethod::Auto})
        if (text == orderingMethodName(m)) return m;
    throw std::invalid_argument("unknown ordering method '" + text + "' (expected exact, borda, local or auto)");
}

double orderingObjective(const Matrix& w, const std::vector<int>& order)
{
    const int k = static_cast<int>(w.rows());
    detail::checkPermutation(order, k, "ordering objective");
    double sum = 0;
    for (int p = 0; p < k; ++p)
        for (int q = p + 1; q < k; ++q) sum += w(order[p], order[q]);
    return sum;
}

double pairwiseLowerBound(const Matrix& w)
{
    double sum = 0;
    for (Eigen::Index a = 0; a < w.rows(); ++a)
        for (Eigen::Index b = a + 1; b < w.cols(); ++b) sum += std::min(w(a, b), w(b, a));
    return sum;
}

namespace {

// J(reverse σ) = Σ_{A≠B} W(A, B) − J(σ): every pair pays the cost the order did not.
double reverseObjective(const Matrix& w, double objective)
{
    return w.sum() - w.trace() - objective;
}

}  // namespace

LinearOrdering bordaOrdering(const Matrix& w)
{
    detail::checkCostMatrix(w, "Borda ordering");
    const int k = static_cast<int>(w.rows());
    // Row sums of the antisymmetric part (the tournament's Borda scores, science page "N domains").
    const Eigen::VectorXd score = (w - w.transpose()).rowwise().sum();
    LinearOrdering result;
    result.method = OrderingMethod::Borda;
    result.order.resize(k);
    std::iota(result.order.begin(), result.order.end(), 0);
    std::stable_sort(result.order.begin(), result.order.end(), [&](int a, int b) { return score[a] < score[b]; });
    result.objective = orderingObjective(w, result.order);
    result.worstOrder.assign(result.order.rbegin(), result.order.rend());
    result.worstObjective = reverseObjective(w, result.objective);
    result.lowerBound = pairwiseLowerBound(w);
    return result;
}

LinearOrdering localSearchOrdering(const Matrix& w, std::vector<int> order)
{
    detail::checkCostMatrix(w, "local search ordering");
    const int k = static_cast<int>(w.rows());
    detail::checkPermutation(order, k, "local search ordering");
    // Moves must gain more than rounding noise, so the search cannot cycle on ties.
    const double tolerance = 1e-12 * std::max(w.cwiseAbs().maxCoeff() * k, 1e-300);
    for (bool improved = true; improved;) {
        improved = false;
        for (int p = 0; p < k; ++p) {
            const int x = order[p];
            // Moving x left past y turns the pair (y, x) into (x, y): J changes by W(x,y) − W(y,x);
            // moving it right past y does the opposite. Accumulate along each direction.
            double bestDelta = 0, delta = 0;
            int bestPosition = p;
            for (int q = p - 1; q >= 0; --q) {
                delta += w(x, order[q]) - w(order[q], x);
                if (delta < bestDelta) bestDelta = delta, bestPosition = q;
            }
            delta = 0;
            for (int q = p + 1; q < k; ++q) {
                delta += w(order[q], x) - w(x, order[q]);
                if (delta < bestDelta) bestDelta = delta, bestPosition = q;
            }
            if (bestDelta < -tolerance) {
                if (bestPosition < p)
                    std::rotate(order.begin() + bestPosition, order.begin() + p, order.begin() + p + 1);
                else
                    std::rotate(order.begin() + p, order.begin() + p + 1, order.begin() + bestPosition + 1);
                improved = true;
            }
        }
    }
    LinearOrdering result;
    result.method = OrderingMethod::LocalSearch;
    result.order = std::move(order);
    result.objective = orderingObjective(w, result.order);
    result.worstOrder.assign(result.order.rbegin(), result.order.rend());
    result.worstObjective = reverseObjective(w, result.objective);
    result.lowerBound = pairwiseLowerBound(w);
    return result;
}

LinearOrdering solveLinearOrdering(const Matrix& w, OrderingMethod method)
{
    detail::checkCostMatrix(w, "linear ordering");
    if (method == OrderingMethod::Auto)
        method = w.rows() <= kMaxExactOrderingSize ? OrderingMethod::Exact : OrderingMethod::LocalSearch;
    switch (method) {
        case OrderingMethod::Exact:
            return exactLinearOrdering(w);
        case OrderingMethod::Borda:
            return bordaOrdering(w);
        default:
            return localSearchOrdering(w, bordaOrdering(w).order);
    }
}

}  // namespace cl
