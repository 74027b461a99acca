// The log window's advice view shows the planned curriculum per target from a log's P-values
// (core's planCurriculaFromLog) under the advice caveat: a synthetic three-domain log whose
// tournaments are transitive with known potentials, so the planned orders are known in closed form.
// Set COMMUTELAB_SCREENSHOT=/path.png to save a picture of the view.

#include "ui/VtkOpenGLHost.h"
#include "ui/logs/AdviceView.h"

#include <QLabel>
#include <QTableWidget>
#include <QtTest>

using namespace cl::logs;

namespace {

// Target k prefers ascending φ_k: e(a, b) = φ_k(a) − φ_k(b) (lr²-scaled already).
const double kPotentials[3][3] = {{0.02, -0.01, 0.00}, {0.00, 0.03, 0.01}, {-0.02, 0.02, 0.00}};

std::shared_ptr<RunLog> syntheticLog()
{
    auto log = std::make_shared<RunLog>();
    log->setDomains({"code", "math", "web"});
    for (double step : {1000.0, 2000.0})
        for (int k = 0; k < 3; ++k)
            for (int a = 0; a < 3; ++a)
                for (int b = a + 1; b < 3; ++b)
                    log->pValues.add(step, {a, b}, k, kPotentials[k][a] - kPotentials[k][b], missing(), missing());
    return log;
}

}  // namespace

class TestCurriculumAdviceView : public QObject {
    Q_OBJECT

private slots:
    void showsThePlannedCurriculumPerTarget()
    {
        cl::ui::useVtkSurfaceFormat();
        cl::ui::logs::AdviceView view;
        view.resize(1400, 900);
        view.setLog(syntheticLog());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY(!view.planning());  // planned on a worker

        QTableWidget* table = view.curriculumTable();
        QCOMPARE(table->rowCount(), 6);  // 2 checkpoints × 3 targets
        // Ascending potentials: target code → math, web, code; math → code, web, math; web → code, web, math.
        const QStringList expected{"math → web → code", "code → web → math", "code → web → math"};
        for (int row = 0; row < 6; ++row) {
            QCOMPARE(table->item(row, 0)->text(), QString(row < 3 ? "1000" : "2000"));
            QCOMPARE(table->item(row, 1)->text(), QString(QStringList{"code", "math", "web"}[row % 3]));
            QCOMPARE(table->item(row, 2)->text(), expected[row % 3]);
            QCOMPARE(table->item(row, 5)->text(), QString("exact"));
            // Gain over the worst order, one step per domain: Σ_{pairs} |φ_a − φ_b| (closed form).
            const double* phi = kPotentials[row % 3];
            const double gain = std::abs(phi[0] - phi[1]) + std::abs(phi[0] - phi[2]) + std::abs(phi[1] - phi[2]);
            QVERIFY2(std::abs(table->item(row, 3)->text().toDouble() - gain) < 1e-3 * gain,
                     qPrintable(table->item(row, 3)->text()));
        }
        QCOMPARE(int(view.curricula().size()), 2);
        // The same caveat as the advice, on screen next to the table.
        QVERIFY(view.curriculumLabel()->isVisible());
        QVERIFY(view.curriculumLabel()->text().contains(QString::fromUtf8(kOrderAdviceCaveat).toHtmlEscaped()));
        QVERIFY(view.caveatLabel()->isVisible());

        const QByteArray path = qgetenv("COMMUTELAB_SCREENSHOT");
        if (!path.isEmpty()) {
            QTest::qWait(300);
            QVERIFY(cl::ui::grabWithVtkViews(&view).save(QString::fromLocal8Bit(path)));
        }
    }

    void logWithoutAllPairsSaysSo()
    {
        cl::ui::logs::AdviceView view;
        auto log = std::make_shared<RunLog>();
        log->setDomains({"a", "b", "c"});
        log->pValues.add(10, {0, 1}, 0, 0.1, missing(), missing());
        view.setLog(log);
        QTRY_VERIFY(!view.planning());
        QCOMPARE(view.curriculumTable()->rowCount(), 0);
        QVERIFY(view.curriculumLabel()->text().contains("nothing to plan"));
    }

    void manyDomainsArePlannedOffTheGuiThread()
    {
        // K = 16 > kExactDomainLimit, all pairs at 4 checkpoints, potentials φ_k(a) = (a·(2k+1) + k) mod 16 (distinct):
        // setLog returns before any plan exists (the plans come back through the event loop), the
        // window says it is planning, and then every target's plan is the ascending-φ order.
        constexpr int K = 16;
        auto log = std::make_shared<RunLog>();
        std::vector<std::string> names;
        for (int d = 0; d < K; ++d) names.push_back("d" + std::to_string(d));
        log->setDomains(names);
        auto phi = [](int k, int a) { return double((a * (2 * k + 1) + k) % K) * 1e-3; };
        for (double step : {100.0, 200.0, 300.0, 400.0})
            for (int k = 0; k < K; ++k)
                for (int a = 0; a < K; ++a)
                    for (int b = a + 1; b < K; ++b)
                        log->pValues.add(step, {a, b}, k, phi(k, a) - phi(k, b), missing(), missing());
        cl::ui::logs::AdviceView view;
        view.setLog(log);
        QVERIFY(view.planning());
        QVERIFY(view.curricula().empty());
        QVERIFY(view.curriculumLabel()->text().contains("planning"));
        QTRY_VERIFY_WITH_TIMEOUT(!view.planning(), 60000);
        QCOMPARE(int(view.curricula().size()), 4);
        QCOMPARE(view.curriculumTable()->rowCount(), 4 * K);
        for (const auto& c : view.curricula())
            for (const auto& t : c.targets) {
                const std::vector<int>& order = t.ordering.order;
                QCOMPARE(int(order.size()), K);
                for (std::size_t i = 1; i < order.size(); ++i)
                    QVERIFY2(phi(t.target, order[i - 1]) < phi(t.target, order[i]),
                             qPrintable(QString("target %1: not ascending at %2").arg(t.target).arg(i)));
            }
    }
};

QTEST_MAIN(TestCurriculumAdviceView)
#include "test_curriculum_advice_view.moc"
