// The linear ordering solvers against an independent brute force over all K! orders (the objective
// summed here, not by core), the closed form of transitive tournaments, and the local search's
// promises: never worse than its start, no single insertion left that helps.

#include "Approx.h"
#include "RandomMatrices.h"
#include "core/planner/LinearOrdering.h"

#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace cl;
using cl::testing::TestRandom;

namespace {

// Σ_{p<q} W(σ_p, σ_q), written out here so the test does not trust orderingObjective.
double objective(const Matrix& w, const std::vector<int>& order)
{
    double sum = 0;
    for (std::size_t p = 0; p < order.size(); ++p)
        for (std::size_t q = p + 1; q < order.size(); ++q) sum += w(order[p], order[q]);
    return sum;
}

struct Extremes {
    double min = 0, max = 0;
};

Extremes bruteForce(const Matrix& w)
{
    std::vector<int> order(w.rows());
    std::iota(order.begin(), order.end(), 0);
    Extremes e{objective(w, order), objective(w, order)};
    while (std::next_permutation(order.begin(), order.end())) {
        const double j = objective(w, order);
        e.min = std::min(e.min, j);
        e.max = std::max(e.max, j);
    }
    return e;
}

Matrix randomMatrix(TestRandom& random, int k, bool antisymmetric)
{
    Matrix w(k, k);
    for (int a = 0; a < k; ++a)
        for (int b = 0; b < k; ++b) w(a, b) = random.uniform();
    if (antisymmetric) w = (w - w.transpose()).eval();
    return w;
}

bool isPermutation(std::vector<int> order, int k)
{
    std::sort(order.begin(), order.end());
    for (int i = 0; i < k; ++i)
        if (static_cast<int>(order.size()) != k || order[i] != i) return false;
    return true;
}

}  // namespace

class TestLinearOrdering : public QObject {
    Q_OBJECT

private slots:
    void exactEqualsBruteForceOverAllOrders()
    {
        // K = 1..8, 40 matrices each, antisymmetric (tournaments) and general (the planner's c).
        TestRandom random(17);
        for (int k = 1; k <= 8; ++k)
            for (int trial = 0; trial < 40; ++trial) {
                const Matrix w = randomMatrix(random, k, trial % 2 == 0);
                const Extremes truth = bruteForce(w);
                const LinearOrdering r = exactLinearOrdering(w);
                QVERIFY(isPermutation(r.order, k));
                QVERIFY(isPermutation(r.worstOrder, k));
                QCOMPARE(r.method, OrderingMethod::Exact);
                QVERIFY(r.worstIsExact);
                CL_COMPARE_APPROX(objective(w, r.order), truth.min, 1e-12, 1e-12);
                CL_COMPARE_APPROX(r.objective, truth.min, 1e-12, 1e-12);
                CL_COMPARE_APPROX(objective(w, r.worstOrder), truth.max, 1e-12, 1e-12);
                CL_COMPARE_APPROX(r.worstObjective, truth.max, 1e-12, 1e-12);
                CL_COMPARE_APPROX(r.predictedGain(0.1), 0.01 * (truth.max - truth.min), 1e-14, 1e-12);
                QVERIFY(r.lowerBound <= truth.min + 1e-12);
            }
    }

    void exactHandlesTiesOnIntegerTournaments()
    {
        // Entries in {−1, 0, 1}: many orders tie; the optimum value must still be the brute force's.
        TestRandom random(5);
        for (int trial = 0; trial < 60; ++trial) {
            const int k = 3 + trial % 6;
            Matrix w = Matrix::Zero(k, k);
            for (int a = 0; a < k; ++a)
                for (int b = a + 1; b < k; ++b) {
                    w(a, b) = std::round(random.uniform());
                    w(b, a) = -w(a, b);
                }
            QCOMPARE(exactLinearOrdering(w).objective, bruteForce(w).min);
        }
    }

    void worstOrderIsTheReverseOfTheBest()
    {
        // J(reverse σ) = Σ_{A≠B} W(A,B) − J(σ), so the maximum (found by the DP with max, not by
        // reversing) is the reverse of the optimum's value, for any W.
        TestRandom random(23);
        for (int k : {5, 9, 12}) {
            const Matrix w = randomMatrix(random, k, false);
            const LinearOrdering r = exactLinearOrdering(w);
            std::vector<int> reversed(r.order.rbegin(), r.order.rend());
            CL_COMPARE_APPROX(r.worstObjective, objective(w, reversed), 1e-12, 1e-12);
        }
    }

    void transitiveTournamentsMeetTheLowerBound()
    {
        // e(a, b) = φ_a − φ_b: ascending φ is optimal and J = −Σ_{pairs} |φ_a − φ_b| equals the
        // pairwise bound; every method finds it (Borda's scores are K φ_a − Σφ).
        TestRandom random(31);
        for (int k : {4, 12, 30}) {
            Eigen::VectorXd phi = random.vector(k);
            Matrix e(k, k);
            double spread = 0;
            for (int a = 0; a < k; ++a)
                for (int b = 0; b < k; ++b) {
                    e(a, b) = phi[a] - phi[b];
                    if (a < b) spread += std::abs(phi[a] - phi[b]);
                }
            std::vector<int> ascending(k);
            std::iota(ascending.begin(), ascending.end(), 0);
            std::sort(ascending.begin(), ascending.end(), [&](int a, int b) { return phi[a] < phi[b]; });
            for (OrderingMethod m : {OrderingMethod::Exact, OrderingMethod::Borda, OrderingMethod::LocalSearch}) {
                if (m == OrderingMethod::Exact && k > kMaxExactOrderingSize) continue;
                const LinearOrdering r = solveLinearOrdering(e, m);
                QCOMPARE(r.method, m);
                QCOMPARE(r.order, ascending);
                CL_COMPARE_APPROX(r.objective, -spread, 1e-12, 1e-12);
                CL_COMPARE_APPROX(r.lowerBound, -spread, 1e-12, 1e-12);
                CL_COMPARE_APPROX(r.gapToBound(), 0.0, 1e-11, 0);
                CL_COMPARE_APPROX(r.worstObjective, spread, 1e-12, 1e-12);
            }
        }
    }

    void localSearchNeverWorseThanBordaAndLocallyOptimal()
    {
        TestRandom random(41);
        int strictlyBetter = 0, optimal = 0, exactCases = 0;
        for (int trial = 0; trial < 200; ++trial) {
            const int k = std::vector<int>{5, 8, 12, 20, 40, 64}[trial % 6];
            const Matrix w = randomMatrix(random, k, trial % 4 != 0);
            const LinearOrdering borda = bordaOrdering(w);
            const LinearOrdering local = localSearchOrdering(w, borda.order);
            QCOMPARE(local.method, OrderingMethod::LocalSearch);
            QVERIFY(isPermutation(local.order, k));
            QVERIFY(objective(w, local.order) <= objective(w, borda.order) + 1e-12);
            strictlyBetter += objective(w, local.order) < objective(w, borda.order) - 1e-12;
            QVERIFY(local.objective >= local.lowerBound - 1e-12);
            // No single insertion of one element elsewhere lowers J (checked by rebuilding each order).
            for (int p = 0; p < k; ++p)
                for (int q = 0; q < k; ++q) {
                    std::vector<int> moved = local.order;
                    const int x = moved[p];
                    moved.erase(moved.begin() + p);
                    moved.insert(moved.begin() + q, x);
                    QVERIFY(objective(w, moved) >= local.objective - 1e-9);
                }
            if (k <= 12) {
                const double best = exactLinearOrdering(w).objective;
                QVERIFY(local.objective >= best - 1e-12);
                optimal += local.objective <= best + 1e-12;
                ++exactCases;
            }
        }
        qInfo("local search: better than Borda in %d of 200, optimal in %d of %d with K <= 12", strictlyBetter, optimal,
              exactCases);
        QVERIFY(strictlyBetter > 100);  // on random (cyclic) matrices Borda is rarely a local optimum
    }

    void autoIsExactUpToTwentyDomains()
    {
        TestRandom random(2);
        QCOMPARE(solveLinearOrdering(randomMatrix(random, 20, true), OrderingMethod::Auto).method,
                 OrderingMethod::Exact);
        QCOMPARE(solveLinearOrdering(randomMatrix(random, 21, true), OrderingMethod::Auto).method,
                 OrderingMethod::LocalSearch);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, exactLinearOrdering(randomMatrix(random, 21, true)));
    }

    void badInputIsRefusedWithItsPlace()
    {
        Matrix w = Matrix::Zero(3, 3);
        w(1, 2) = std::nan("");
        try {
            solveLinearOrdering(w, OrderingMethod::Exact);
            QFAIL("a NaN cost was accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY2(QString(error.what()).contains("(2, 3)"), error.what());
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, solveLinearOrdering(Matrix::Zero(2, 3), OrderingMethod::Auto));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, localSearchOrdering(Matrix::Zero(3, 3), {0, 0, 1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, orderingObjective(Matrix::Zero(3, 3), {0, 1}));
    }

    void methodNamesRoundTrip()
    {
        for (OrderingMethod m :
             {OrderingMethod::Exact, OrderingMethod::Borda, OrderingMethod::LocalSearch, OrderingMethod::Auto})
            QCOMPARE(parseOrderingMethod(orderingMethodName(m)), m);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseOrderingMethod("greedy"));
    }
};

QTEST_APPLESS_MAIN(TestLinearOrdering)
#include "test_linear_ordering.moc"
