// Many runs in the log window's Pareto view (issue 11, "Many runs"): three runs give three
// overlaid series in three palette colours and one front equal to a brute-force non-dominated
// filter over the visible points; hiding a run changes the front accordingly; the base run can be
// any run; hover names the run, its step and values and compares with the base run.

#include "ui/logs/FigureHost.h"
#include "ui/logs/ParetoData.h"
#include "ui/logs/ParetoView.h"

#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkPlot.h>

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QMouseEvent>
#include <QTableWidget>
#include <QtTest>

#include <cmath>
#include <set>

using namespace cl::ui::logs;
using cl::logs::RunLog;

namespace {

// A run of `n` checkpoints on domains (en, ru): losses fall along a curve offset by `shift`, so
// runs cross and each holds part of the joint front.
std::shared_ptr<const RunLog> makeRun(int n, double shift, double tilt)
{
    auto log = std::make_shared<RunLog>();
    log->setDomains({"en", "ru"});
    for (int i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / (n - 1);
        const double losses[2] = {3.0 - t + shift, 2.0 + 0.8 * (1 - t) * (1 - t) - tilt * t};
        log->checkpoints.add(100.0 * (i + 1), losses, cl::logs::missing());
    }
    return log;
}

struct XY {
    double x, y;
    bool operator<(const XY& o) const { return x < o.x || (x == o.x && y < o.y); }
    bool operator==(const XY& o) const { return x == o.x && y == o.y; }
};

// Brute force: a point is on the front when no other point is <= in both and < in one.
std::set<XY> bruteForceFront(const std::vector<XY>& points)
{
    std::set<XY> front;
    for (const XY& p : points) {
        bool dominated = false;
        for (const XY& q : points)
            if (q.x <= p.x && q.y <= p.y && (q.x < p.x || q.y < p.y)) dominated = true;
        if (!dominated) front.insert(p);
    }
    return front;
}

std::vector<XY> checkpointsOf(const RunLog& log)
{
    std::vector<XY> points;
    for (std::size_t i = 0; i < log.checkpoints.size(); ++i)
        points.push_back({log.checkpoints.loss[0][i], log.checkpoints.loss[1][i]});
    return points;
}

std::set<XY> frontOf(const ParetoData& data)
{
    std::set<XY> front;
    for (std::size_t i : data.front) front.insert({data.points[i].x, data.points[i].y});
    return front;
}

// The labels of the chart's plots (its legend), from the live scene.
QStringList plotLabels(FigureHost* host)
{
    QStringList labels;
    vtkContextScene* scene = host->scene();
    if (scene->GetNumberOfItems() == 0) return labels;
    auto* chart = vtkChartXY::SafeDownCast(scene->GetItem(0));
    for (vtkIdType i = 0; chart && i < chart->GetNumberOfPlots(); ++i)
        labels << QString::fromStdString(chart->GetPlot(i)->GetLabel());
    return labels;
}

}  // namespace

class TestLogRuns : public QObject {
    Q_OBJECT

    std::vector<ParetoRunInput> threeRuns()
    {
        return {{"run-a", makeRun(9, 0.0, 0.0), false, {}},
                {"run-b", makeRun(7, -0.15, 0.1), false, {}},
                {"run-c", makeRun(5, 0.1, 0.4), false, {}}};
    }

private slots:
    void threeRunsOverlayWithOneFront()
    {
        ParetoView view;
        view.resize(1300, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto runs = threeRuns();
        view.setRuns(runs, 0);
        const ParetoData& data = view.data();
        QCOMPARE(data.runs.size(), std::size_t(3));
        QCOMPARE(data.points.size(), std::size_t(9 + 7 + 5));
        // Three series on the chart, one per run, each with its own colour.
        QTRY_VERIFY(!plotLabels(view.plot()).isEmpty());
        const QStringList labels = plotLabels(view.plot());
        QVERIFY2(labels.contains("run-a (base run)") && labels.contains("run-b") && labels.contains("run-c"),
                 qPrintable(labels.join(" | ")));
        std::set<int> colours;
        for (const ParetoRun& r : data.runs) colours.insert(r.colour);
        QCOMPARE(colours.size(), std::size_t(3));

        // The front over every point of every run equals the brute-force filter, and it takes
        // points from more than one run (so the test would notice a per-run front).
        std::vector<XY> all;
        for (const auto& r : runs)
            for (const XY& p : checkpointsOf(*r.log)) all.push_back(p);
        const std::set<XY> expected = bruteForceFront(all);
        QVERIFY(frontOf(data) == expected);
        std::set<int> frontRuns;
        for (std::size_t i : data.front) frontRuns.insert(data.points[i].run);
        QVERIFY(frontRuns.size() >= 2);
        QCOMPARE(view.frontTable()->rowCount(), static_cast<int>(expected.size()));

        // Hiding run-b (with its check box) leaves a front over run-a and run-c only.
        auto* box = view.findChild<QCheckBox*>("paretoRun1");
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        box->setChecked(false);
        std::vector<XY> visible;
        for (int r : {0, 2})
            for (const XY& p : checkpointsOf(*runs[r].log)) visible.push_back(p);
        const std::set<XY> without = bruteForceFront(visible);
        QVERIFY(without != expected);
        QVERIFY(frontOf(view.data()) == without);
        QVERIFY(!plotLabels(view.plot()).contains("run-b"));
        // And it comes back.
        box->setChecked(true);
        QVERIFY(frontOf(view.data()) == expected);
    }

    void anyRunCanBeTheBase()
    {
        ParetoView view;
        view.resize(1300, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setRuns(threeRuns(), 2);
        const ParetoData& data = view.data();
        QCOMPARE(data.baseRun, 2);
        QCOMPARE(data.log.get(), data.runs[2].log.get());
        QCOMPARE(data.baseCount, std::size_t(5));  // run-c's checkpoints come first
        QTRY_VERIFY(plotLabels(view.plot()).contains("run-c (base run)"));
        // A hidden run stays hidden when the base changes (kept by name).
        view.setRunVisible(0, false);
        view.setRuns(threeRuns(), 1);
        QVERIFY(!view.data().runs[0].visible);
        QVERIFY(view.data().runs[1].visible);
    }

    void hoverNamesRunStepValuesAndDifferenceFromBase()
    {
        ParetoView view;
        view.resize(1300, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto runs = threeRuns();
        view.setRuns(runs, 0);
        const ParetoData& data = view.data();
        // run-b's third checkpoint (step 300); run-a also has a checkpoint at step 300.
        const std::size_t index = data.runs[1].points[2];
        const ParetoPoint& p = data.points[index];
        QTRY_VERIFY(view.dataToWidget(p.x, p.y).has_value());
        const QPointF at = *view.dataToWidget(p.x, p.y);
        QMouseEvent move(QEvent::MouseMove, at, view.plot()->mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(view.plot(), &move);
        const QString text = view.findChild<QLabel*>("paretoHover")->text();
        QVERIFY2(text.contains("run run-b, step 300"), qPrintable(text));
        const RunLog& b = *runs[1].log;
        const RunLog& a = *runs[0].log;
        QVERIFY2(text.contains("L_en = " + number(b.checkpoints.loss[0][2])), qPrintable(text));
        const double delta = b.checkpoints.loss[0][2] - a.checkpoints.loss[0][2];
        QVERIFY2(text.contains("vs base run run-a") && text.contains(number(delta)), qPrintable(text));
    }

    void perRunTablePointsAreNotJoined()
    {
        // A per-run table (RegMix): each checkpoint is its own training run.
        auto table = makeRun(6, 0, 0);
        ParetoView view;
        view.resize(1200, 700);
        view.show();
        view.setRuns({{"regmix", table, true, {"r0", "r1", "r2", "r3", "r4", "r5"}}}, 0);
        QVERIFY(!view.data().runs[0].connected);
        QVERIFY(describePoint(view.data(), 3).contains("row r3"));
    }
};

QTEST_MAIN(TestLogRuns)
#include "test_log_runs.moc"
