// The planned curriculum from a log's P-values: the identity that lets e = P(·,·; L_k) stand in for
// the unlogged c, and the planned orders on a synthetic log whose tournaments are transitive with
// known potentials (closed-form order and gain), also after a round trip through a log file.

#include "Approx.h"
#include "RandomMatrices.h"
#include "core/logs/CurriculumAdvice.h"
#include "core/logs/LogFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace cl;
using namespace cl::logs;

namespace {

// Potentials φ_k(a) per target k: e(a, b) = φ_k(a) − φ_k(b) is transitive, so the best order
// is ascending φ_k and J_e(best) = −Σ_{pairs} |φ_a − φ_b|.
const std::vector<std::vector<double>> kPotentials = {
    {0.3, -0.1, 0.7, -0.4},  // target 0: best order 3, 1, 0, 2
    {-0.2, 0.5, 0.1, 0.9},   // target 1: best order 0, 2, 1, 3
    {0.0, 0.0, 0.0, 0.0},    // target 2: filled in only partly (see the test)
    {0.8, 0.6, 0.4, 0.2},    // target 3: best order 3, 2, 1, 0
};

std::vector<int> ascending(const std::vector<double>& phi)
{
    std::vector<int> order(phi.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return phi[a] < phi[b]; });
    return order;
}

double spread(const std::vector<double>& phi)
{
    double sum = 0;
    for (std::size_t a = 0; a < phi.size(); ++a)
        for (std::size_t b = a + 1; b < phi.size(); ++b) sum += std::abs(phi[a] - phi[b]);
    return sum;
}

// Raw P-values (the log multiplies by lr² = 0.01), some pairs written as (b, a) with −P, target 2
// missing the pair (0, 3) at step 100 only.
RunLog syntheticLog()
{
    RunLog log;
    log.setDomains({"code", "math", "web", "books"});
    log.learningRate = 0.1;
    log.pScaledByLr2 = false;
    for (double step : {100.0, 200.0})
        for (int k = 0; k < 4; ++k)
            for (int a = 0; a < 4; ++a)
                for (int b = a + 1; b < 4; ++b) {
                    if (k == 2 && step == 100.0 && a == 0 && b == 3) continue;
                    const double scale = step / 100.0;  // step 200 doubles every P
                    const double p = scale * (kPotentials[k][a] - kPotentials[k][b]);
                    if ((a + b + k) % 2)
                        log.pValues.add(step, {a, b}, k, p, missing(), missing());
                    else
                        log.pValues.add(step, {b, a}, k, -p, missing(), missing());
                }
    return log;
}

void checkSyntheticPlans(const std::vector<CheckpointCurricula>& plans)
{
    QCOMPARE(plans.size(), std::size_t(2));
    QCOMPARE(plans[0].step, 100.0);
    QCOMPARE(plans[0].targets.size(), std::size_t(3));  // target 2 incomplete at step 100
    QCOMPARE(plans[1].targets.size(), std::size_t(4));
    for (const auto& checkpoint : plans)
        for (const auto& t : checkpoint.targets) {
            const double scale = checkpoint.step / 100.0;
            QCOMPARE(t.ordering.method, OrderingMethod::Exact);
            if (t.target == 2) {  // all potentials equal: every order is predicted alike
                CL_COMPARE_APPROX(t.ordering.predictedGain(1.0), 0.0, 1e-15, 0);
                continue;
            }
            QCOMPARE(t.ordering.order, ascending(kPotentials[t.target]));
            // Gain over the worst order for one step per domain: with W = ½ lr² e,
            // J_W(worst) − J_W(best) = ½ lr² (Σ|Δφ| + Σ|Δφ|) = lr² Σ_{pairs} |φ_a − φ_b|.
            CL_COMPARE_APPROX(t.ordering.predictedGain(1.0), 0.01 * scale * spread(kPotentials[t.target]), 1e-15,
                              1e-12);
            CL_COMPARE_APPROX(t.ordering.predictedGain(3.0), 9 * t.ordering.predictedGain(1.0), 1e-15, 1e-12);
        }
}

}  // namespace

class TestCurriculumAdvice : public QObject {
    Q_OBJECT

private slots:
    void halfTheTournamentDiffersFromTheCostByAConstant()
    {
        // Σ_{A before B} c(A,B) − ½ Σ_{A before B} e(A,B) with e = c − cᵀ is the same for all 5!
        // orders, and equals ½ Σ_{pairs} (c(A,B) + c(B,A)) (the proof is in CurriculumAdvice.h).
        cl::testing::TestRandom random(8);
        const int k = 5;
        Matrix c(k, k);
        for (int a = 0; a < k; ++a)
            for (int b = 0; b < k; ++b) c(a, b) = random.uniform();
        const Matrix e = c - c.transpose();
        double constant = 0;
        for (int a = 0; a < k; ++a)
            for (int b = a + 1; b < k; ++b) constant += 0.5 * (c(a, b) + c(b, a));
        std::vector<int> order(k);
        std::iota(order.begin(), order.end(), 0);
        int orders = 0;
        do {
            double jc = 0, je = 0;
            for (int p = 0; p < k; ++p)
                for (int q = p + 1; q < k; ++q) {
                    jc += c(order[p], order[q]);
                    je += e(order[p], order[q]);
                }
            CL_COMPARE_APPROX(jc - 0.5 * je, constant, 1e-14, 1e-13);
            ++orders;
        } while (std::next_permutation(order.begin(), order.end()));
        QCOMPARE(orders, 120);
        // So the solver gives the same optimum and gain on c and on ½ e.
        const LinearOrdering onC = exactLinearOrdering(c), onE = exactLinearOrdering(0.5 * e);
        QCOMPARE(onE.order, onC.order);
        CL_COMPARE_APPROX(onE.predictedGain(1.0), onC.predictedGain(1.0), 1e-14, 1e-12);
    }

    void plannedOrderPerTargetOnATransitiveLog()
    {
        const RunLog log = syntheticLog();
        checkSyntheticPlans(planCurriculaFromLog(log));
        Matrix e;
        QVERIFY(!orderMatrixAt(log, 100.0, 2, e));
        QVERIFY(orderMatrixAt(log, 200.0, 1, e));
        for (int a = 0; a < 4; ++a)
            for (int b = 0; b < 4; ++b)
                CL_COMPARE_APPROX(e(a, b), 0.01 * 2 * (kPotentials[1][a] - kPotentials[1][b]), 1e-15, 1e-12);
    }

    void plannedOrderSurvivesALogFile()
    {
        // Written as JSON Lines and read back through the importer: the same plans.
        QTemporaryDir dir;
        const std::string path = dir.filePath("synthetic.jsonl").toStdString();
        saveLog(syntheticLog(), path, LogFormat::JsonLines);
        checkSyntheticPlans(planCurriculaFromLog(readLog(path)));
    }

    void bothDirectionsOfAPairAreAveraged()
    {
        RunLog log;
        log.setDomains({"a", "b"});
        log.pValues.add(5, {0, 1}, 0, -0.3, missing(), missing());
        log.pValues.add(5, {1, 0}, 0, 0.1, missing(), missing());  // −P(b, a) = −0.1
        Matrix e;
        QVERIFY(orderMatrixAt(log, 5, 0, e));
        CL_COMPARE_APPROX(e(0, 1), -0.2, 1e-15, 1e-12);
        CL_COMPARE_APPROX(e(1, 0), 0.2, 1e-15, 1e-12);
        const auto plans = planCurriculaFromLog(log);
        QCOMPARE(plans.size(), std::size_t(1));
        QCOMPARE(plans[0].targets[0].ordering.order, (std::vector<int>{0, 1}));  // e(a, b) < 0: a first
        CL_COMPARE_APPROX(plans[0].targets[0].ordering.predictedGain(1.0), 0.2, 1e-15, 1e-12);
    }

    void logsWithoutPValuesPlanNothing()
    {
        RunLog log;
        log.setDomains({"a", "b", "c"});
        QVERIFY(planCurriculaFromLog(log).empty());
        log.pValues.add(5, {0, 1}, 0, 0.3, missing(), missing());  // two of three pairs missing
        QVERIFY(planCurriculaFromLog(log).empty());
    }
};

QTEST_APPLESS_MAIN(TestCurriculumAdvice)
#include "test_curriculum_advice.moc"
