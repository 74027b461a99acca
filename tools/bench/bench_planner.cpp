// Planner cost against K. The HVP part (K Hessian-vector products, then O(K) dot products for
// Borda's scores or K² for the cost matrix c) must grow linearly in K at n = 1000; the exact
// linear ordering (subset DP) must stay under 50 ms at K = 16 and 2 s at K = 20; the local search
// under 10 ms at K = 64. "local gap": the local search's J above the pairwise lower bound, relative
// to the bound; "local-exact", "Borda-exact": J above the optimum, relative to worst − best.
// Brute force over all K! curricula is shown for scale.
// Usage: bench_planner [--dim N] [--brute-dim N].

#include "core/WeightedSumLoss.h"
#include "core/experiments/RandomQuadraticModel.h"
#include "core/planner/CurriculumRanking.h"
#include "core/planner/LinearOrdering.h"
#include "core/planner/TournamentPlanner.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using Clock = std::chrono::steady_clock;

namespace {

template <class F>
double secondsPerCall(F&& f, double budget = 0.5)
{
    int calls = 0;
    const auto t0 = Clock::now();
    double elapsed = 0;
    do {
        f();
        ++calls;
        elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
    } while (elapsed < budget && calls < 1000);
    return elapsed / calls;
}

// A random cost matrix with entries in [-1, 1) (a cyclic tournament plus a symmetric part).
cl::Matrix randomCost(int k, std::uint64_t seed)
{
    cl::NormalSampler sampler(seed);
    cl::Matrix w(k, k);
    for (int a = 0; a < k; ++a)
        for (int b = 0; b < k; ++b) w(a, b) = 2 * sampler.uniform() - 1;
    return w;
}

}  // namespace

int main(int argc, char** argv)
{
    int dim = 1000, bruteDim = 100;
    for (int k = 1; k + 1 < argc; ++k) {
        if (std::strcmp(argv[k], "--dim") == 0)
            dim = std::atoi(argv[++k]);
        else if (std::strcmp(argv[k], "--brute-dim") == 0)
            bruteDim = std::atoi(argv[++k]);
    }
    // One model with 64 domains; the first K of them serve every K, so only the planner varies.
    const cl::QuadraticModel model = cl::sampleQuadraticModel({dim, 64, 0.7, 7});
    std::printf("HVP part at n = %d: seconds per plan and per domain\n", dim);
    std::printf("  %4s %12s %12s %14s %12s\n", "K", "Borda (O(K))", "per domain", "cost c (K^2)", "per domain");
    for (int k : {2, 4, 8, 16, 32, 64}) {
        std::vector<cl::LossPtr> domains(model.domains.begin(), model.domains.begin() + k);
        const cl::WeightedSumLoss target(domains, std::vector<double>(k, 1.0 / k));
        const double borda = secondsPerCall([&] { cl::planTournament(domains, target, model.theta0); });
        const double cost = secondsPerCall([&] { cl::sequentialCostMatrix(domains, target, model.theta0); });
        std::printf("  %4d %12.3e %12.3e %14.3e %12.3e\n", k, borda, borda / k, cost, cost / k);
    }
    std::printf("ordering a K x K cost matrix (random, cyclic): seconds per solve\n");
    std::printf("  %4s %12s %12s %12s %10s %12s %12s\n", "K", "exact (DP)", "local", "Borda", "local gap",
                "local-exact", "Borda-exact");
    for (int k : {8, 12, 16, 18, 20, 32, 64, 128}) {
        const cl::Matrix w = randomCost(k, 100 + k);
        const double exact = k <= cl::kMaxExactOrderingSize
                                 ? secondsPerCall([&] { cl::exactLinearOrdering(w); }, k >= 18 ? 0.0 : 0.5)
                                 : -1;
        const double local = secondsPerCall([&] { cl::solveLinearOrdering(w, cl::OrderingMethod::LocalSearch); });
        const double borda = secondsPerCall([&] { cl::bordaOrdering(w); });
        const cl::LinearOrdering l = cl::solveLinearOrdering(w, cl::OrderingMethod::LocalSearch);
        char exactText[32] = "-", localExcess[32] = "-", bordaExcess[32] = "-";
        if (exact >= 0) {
            // How far each heuristic's J is above the optimum, relative to the spread worst − best.
            const cl::LinearOrdering x = cl::exactLinearOrdering(w);
            const double spread = x.worstObjective - x.objective;
            std::snprintf(exactText, sizeof exactText, "%.3e", exact);
            std::snprintf(localExcess, sizeof localExcess, "%.2f%%", 100 * (l.objective - x.objective) / spread);
            std::snprintf(bordaExcess, sizeof bordaExcess, "%.2f%%",
                          100 * (cl::bordaOrdering(w).objective - x.objective) / spread);
        }
        // The local search's objective above the pairwise lower bound, relative to the bound's size.
        std::printf("  %4d %12s %12.3e %12.3e %9.1f%% %12s %12s\n", k, exactText, local, borda,
                    100 * l.gapToBound() / std::abs(l.lowerBound), localExcess, bordaExcess);
    }
    std::printf("brute force over all K! orders at n = %d (exact flows)\n", bruteDim);
    for (int k = 2; k <= 7; ++k) {
        const cl::QuadraticModel m = cl::sampleQuadraticModel({bruteDim, k, 0.7, 11});
        const auto domains = m.losses();
        const cl::WeightedSumLoss target(domains, std::vector<double>(k, 1.0 / k));
        const auto t0 = Clock::now();
        const auto ranking = cl::rankAllCurricula(m.exactFlow(), target, m.theta0, 0.1);
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        std::printf("  K = %d: %zu orders, %.3e s\n", k, ranking.size(), s);
    }
    return 0;
}
