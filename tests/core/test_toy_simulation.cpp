// The toy log generator (core/logs/ToyRunSimulation): its interventions obey the swap
// prediction at small windows, its base run lowers the mean loss, and it survives a write/read
// round trip through core's log files unchanged.

#include "core/logs/LogFile.h"
#include "core/logs/PredictionAgreement.h"
#include "core/logs/ToyRunSimulation.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace cl::logs;

namespace {

// The lr²-scaled P(L2, L1; L_k) logged at `step`.
double loggedP21(const RunLog& log, double step, int k)
{
    for (std::size_t r = 0; r < log.pValues.size(); ++r)
        if (log.pValues.step[r] == step && log.pValues.target[r] == k && log.pValues.pair(r) == DomainPair{1, 0})
            return log.scaledP(r);
    return std::nan("");
}

ToyRunSpec smallSpec()
{
    ToyRunSpec spec;
    spec.dimension = 20;
    spec.checkpoints = 12;
    spec.seed = 7;
    return spec;
}

void compareColumns(const std::vector<double>& a, const std::vector<double>& b, const char* what)
{
    QVERIFY2(a.size() == b.size(), what);
    for (std::size_t i = 0; i < a.size(); ++i)
        QVERIFY2(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])), what);
}

}  // namespace

class TestToySimulation : public QObject {
    Q_OBJECT

private slots:
    void shapeAndMetadata()
    {
        const RunLog log = simulateToyRun(smallSpec());
        QCOMPARE(log.domainCount(), 2);
        QCOMPARE(log.checkpoints.size(), std::size_t(13));
        QCOMPARE(log.pValues.size(), std::size_t(26));
        // 4 starts x 3 delta w x 2 orders.
        QCOMPARE(log.interventions.size(), std::size_t(24));
        QVERIFY(log.metadataValue("toy") && *log.metadataValue("toy") == "true");
        QCOMPARE(log.baseWeights, (std::vector<double>{0.5, 0.5}));
    }

    // EL_k^{12} ≈ −Δw length² P_{2,1;k} and EL_k^{21} ≈ +Δw length² P_{2,1;k} (lr²-scaled P,
    // length in steps): Corollary 3.2 with the science page's constant. The O(Δt³) remainder
    // makes the ratio approach 1 linearly in Δt.
    void excessLossesFollowTheSwapPrediction()
    {
        ToyRunSpec spec = smallSpec();
        spec.dt = 0.002;  // 2 steps at lr 1e-3
        const RunLog log = simulateToyRun(spec);
        const InterventionTable& iv = log.interventions;
        int checked = 0;
        for (std::size_t r = 0; r < iv.size(); ++r) {
            for (int k = 0; k < 2; ++k) {
                const double p21 = loggedP21(log, iv.start[r], k);
                QVERIFY(std::isfinite(p21) && p21 != 0);
                const double sign = iv.order(r) == DomainPair{1, 0} ? 1.0 : -1.0;
                const double predicted = sign * iv.deltaW[r] * iv.length[r] * iv.length[r] * p21;
                const double ratio = iv.excessLoss(k, r) / predicted;
                QVERIFY2(std::abs(ratio - 1) < 0.02, qPrintable(QString("ratio %1 at row %2, domain %3")
                                                                    .arg(ratio).arg(r).arg(k)));
                ++checked;
            }
        }
        QCOMPARE(checked, 48);
        // core's own comparison (signs only: it does not know Δw and length) agrees everywhere.
        const AgreementReport report = comparePredictions(log);
        QCOMPARE(report.cellsAgreeing, static_cast<int>(report.cells.size()));
        QCOMPARE(report.cellsWithoutPrediction, 0);
    }

    void meanLossDecreases()
    {
        const RunLog log = simulateToyRun(smallSpec());
        const auto& mean = log.checkpoints.targetLoss;
        QCOMPARE(mean.size(), log.checkpoints.size());
        for (std::size_t i = 0; i < mean.size(); ++i) {
            QVERIFY(std::abs(mean[i] - 0.5 * (log.checkpoints.loss[0][i] + log.checkpoints.loss[1][i])) <=
                    1e-12 * std::abs(mean[i]));
            if (i > 0) QVERIFY2(mean[i] < mean[i - 1], qPrintable(QString("mean loss rises at row %1").arg(i)));
        }
    }

    void writeThenReadGivesTheSameNumbers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format");
        QTest::newRow("json") << "toy.json" << static_cast<int>(LogFormat::Json);
        QTest::newRow("jsonl") << "toy.jsonl" << static_cast<int>(LogFormat::JsonLines);
        QTest::newRow("csv-long") << "toy.csv" << static_cast<int>(LogFormat::CsvLong);
    }

    void writeThenReadGivesTheSameNumbers()
    {
        QFETCH(QString, name);
        QFETCH(int, format);
        const RunLog log = simulateToyRun(smallSpec());
        QTemporaryDir dir;
        const std::string path = dir.filePath(name).toStdString();
        saveLog(log, path, static_cast<LogFormat>(format));
        const RunLog back = readLog(path);
        QCOMPARE(back.domains, log.domains);
        QCOMPARE(back.learningRate, log.learningRate);
        compareColumns(back.checkpoints.step, log.checkpoints.step, "checkpoint steps");
        for (int k = 0; k < 2; ++k) {
            compareColumns(back.checkpoints.loss[k], log.checkpoints.loss[k], "checkpoint losses");
            compareColumns(back.interventions.excess[k], log.interventions.excess[k], "excess losses");
            compareColumns(back.interventions.loss[k], log.interventions.loss[k], "reached losses");
            compareColumns(back.interventions.baseLoss[k], log.interventions.baseLoss[k], "base losses");
        }
        compareColumns(back.pValues.value, log.pValues.value, "P-values");
        compareColumns(back.interventions.deltaW, log.interventions.deltaW, "delta w");
        compareColumns(back.interventions.start, log.interventions.start, "starts");
        QVERIFY(back.metadataValue("toy") != nullptr);
    }

    void badSpecsAreRefused()
    {
        ToyRunSpec spec = smallSpec();
        spec.deltaWs = {0.6};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, simulateToyRun(spec));
        spec = smallSpec();
        spec.checkpoints = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, simulateToyRun(spec));
    }
};

QTEST_GUILESS_MAIN(TestToySimulation)
#include "test_toy_simulation.moc"
