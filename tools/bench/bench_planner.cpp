// Planner cost against K (must grow linearly: K Hessian-vector products, O(K) dot products) and
// brute-force cost against K (K! curricula). Usage: bench_planner [--dim N] [--brute-dim N].

#include "core/WeightedSumLoss.h"
#include "core/experiments/RandomQuadraticModel.h"
#include "core/planner/CurriculumRanking.h"
#include "core/planner/TournamentPlanner.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <cstdlib>

using Clock = std::chrono::steady_clock;

int main(int argc, char** argv)
{
    int dim = 1000, bruteDim = 100;
    for (int k = 1; k + 1 < argc; ++k) {
        if (std::strcmp(argv[k], "--dim") == 0) dim = std::atoi(argv[++k]);
        else if (std::strcmp(argv[k], "--brute-dim") == 0) bruteDim = std::atoi(argv[++k]);
    }
    // One model with 64 domains; the first K of them serve every K, so only the planner varies.
    const cl::QuadraticModel model = cl::sampleQuadraticModel({dim, 64, 0.7, 7});
    std::printf("planner at n = %d (seconds per plan, and per domain)\n", dim);
    for (int k : {2, 4, 8, 16, 32, 64}) {
        std::vector<cl::LossPtr> domains(model.domains.begin(), model.domains.begin() + k);
        const cl::WeightedSumLoss target(domains, std::vector<double>(k, 1.0 / k));
        const int repeats = 20;
        const auto t0 = Clock::now();
        for (int r = 0; r < repeats; ++r) cl::planTournament(domains, target, model.theta0);
        const double s = std::chrono::duration<double>(Clock::now() - t0).count() / repeats;
        std::printf("  K = %2d: %.3e s per plan, %.3e s per domain\n", k, s, s / k);
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
