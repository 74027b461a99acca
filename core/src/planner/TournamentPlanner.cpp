#include "core/planner/TournamentPlanner.h"

#include "core/LieBracket.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

namespace cl {

namespace {

void checkDomains(const std::vector<LossPtr>& domains, const Loss& target, const Vector& theta0)
{
    if (domains.size() < 2) throw std::invalid_argument("planner: needs at least 2 domains");
    for (std::size_t k = 0; k < domains.size(); ++k)
        if (!domains[k] || domains[k]->dimension() != theta0.size())
            throw std::invalid_argument("planner: domain " + std::to_string(k + 1) +
                                        " is missing or does not match θ0's dimension " +
                                        std::to_string(theta0.size()));
    if (target.dimension() != theta0.size())
        throw std::invalid_argument("planner: the target does not match θ0's dimension");
}

}  // namespace

TournamentPlan planTournament(const std::vector<LossPtr>& domains, const Loss& target, const Vector& theta0)
{
    checkDomains(domains, target, theta0);
    const std::size_t k = domains.size();
    const Vector gT = target.gradient(theta0);
    std::vector<Vector> g(k), u(k);
    Vector U = Vector::Zero(theta0.size()), G = Vector::Zero(theta0.size());
    for (std::size_t s = 0; s < k; ++s) {
        g[s] = domains[s]->gradient(theta0);
        // Hessian symmetry: <g_T, H_B g_A> = <H_B g_T, g_A>, so one HVP per domain serves every edge.
        u[s] = domains[s]->hessianVectorProduct(theta0, gT);
        U += u[s];
        G += g[s];
    }
    TournamentPlan plan;
    plan.scores.resize(k);
    for (std::size_t a = 0; a < k; ++a) plan.scores[a] = U.dot(g[a]) - u[a].dot(G);
    plan.order.resize(k);
    std::iota(plan.order.begin(), plan.order.end(), 0);
    std::stable_sort(plan.order.begin(), plan.order.end(),
                     [&](int a, int b) { return plan.scores[a] < plan.scores[b]; });
    return plan;
}

Matrix pairwiseOrderMatrix(const std::vector<LossPtr>& domains, const Loss& target, const Vector& theta0)
{
    checkDomains(domains, target, theta0);
    const int k = static_cast<int>(domains.size());
    Matrix e = Matrix::Zero(k, k);
    for (int a = 0; a < k; ++a)
        for (int b = a + 1; b < k; ++b) {
            e(a, b) = criterionP(*domains[a], *domains[b], target, theta0);
            e(b, a) = -e(a, b);
        }
    return e;
}

}  // namespace cl
