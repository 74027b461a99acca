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

// The first-order data every planner reads: g_S and u_S = H_S g_T for each domain S.
struct GradientsAndHvps {
    std::vector<Vector> g, u;
};

GradientsAndHvps gradientsAndHvps(const std::vector<LossPtr>& domains, const Loss& target, const Vector& theta0)
{
    checkDomains(domains, target, theta0);
    const Vector gT = target.gradient(theta0);
    GradientsAndHvps d;
    for (const LossPtr& domain : domains) {
        d.g.push_back(domain->gradient(theta0));
        // Hessian symmetry: <g_T, H_B g_A> = <H_B g_T, g_A>, so one HVP per domain serves every edge.
        d.u.push_back(domain->hessianVectorProduct(theta0, gT));
    }
    return d;
}

}  // namespace

TournamentPlan planTournament(const std::vector<LossPtr>& domains, const Loss& target, const Vector& theta0)
{
    const GradientsAndHvps d = gradientsAndHvps(domains, target, theta0);
    const std::size_t k = domains.size();
    const auto& g = d.g;
    const auto& u = d.u;
    Vector U = Vector::Zero(theta0.size()), G = Vector::Zero(theta0.size());
    for (std::size_t s = 0; s < k; ++s) {
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

Matrix sequentialCostMatrix(const std::vector<LossPtr>& domains, const Loss& target, const Vector& theta0)
{
    const GradientsAndHvps d = gradientsAndHvps(domains, target, theta0);
    const int k = static_cast<int>(domains.size());
    Matrix c(k, k);
    for (int a = 0; a < k; ++a)
        for (int b = 0; b < k; ++b) c(a, b) = d.u[b].dot(d.g[a]);  // <g_T, H_B g_A>
    return c;
}

double CurriculumPlan::predictedExcess(const std::vector<int>& order, double stageTime) const
{
    return stageTime * stageTime * (orderingObjective(cost, order) - ordering.objective);
}

CurriculumPlan planCurriculum(const std::vector<LossPtr>& domains, const Loss& target, const Vector& theta0,
                              OrderingMethod method)
{
    CurriculumPlan plan;
    plan.cost = sequentialCostMatrix(domains, target, theta0);
    plan.ordering = solveLinearOrdering(plan.cost, method);
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
