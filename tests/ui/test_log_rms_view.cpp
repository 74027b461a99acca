// The bracket-vs-gradient RMS view (issue 12): on synthetic per-tensor RMS rows with a known power
// law, the slope the view prints and the line it draws equal an ordinary least-squares fit in log
// space computed here independently (Eigen's QR on [log10 x, 1]); one colour per pair; rows that
// have no logarithm are left out and counted; the figure exports like every other log view.

#include "ui/logs/FigureHost.h"
#include "ui/logs/RmsScene.h"
#include "ui/logs/RmsView.h"

#include "Approx.h"

#include <Eigen/Dense>

#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkPlot.h>
#include <vtkTable.h>
#include <vtkVariant.h>

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace cl::ui::logs;
using cl::logs::RunLog;

namespace {

constexpr double kSlope = 1.5;

// Two pairs at two steps. At step 200: 12 tensors of pair (en, ru) and 8 of (en, code) on
// y = 0.3 x^1.5 times a deterministic wiggle (so the fit is not exact), plus one zero row.
std::shared_ptr<const RunLog> makeLog()
{
    auto log = std::make_shared<RunLog>();
    log->setDomains({"en", "ru", "code"});
    for (double step : {100.0, 200.0})
        for (int pair = 0; pair < 2; ++pair) {
            const int n = pair == 0 ? 12 : 8;
            for (int i = 0; i < n; ++i) {
                const double g = std::pow(10.0, -4 + 3.0 * i / (n - 1)) * (step == 100 ? 2 : 1);
                const double wiggle = std::exp(0.2 * std::sin(1.7 * i + 3 * pair));
                const double b = 0.3 * std::pow(g, kSlope) * wiggle;
                log->rms.add(step, {0, pair == 0 ? 1 : 2}, "layer" + std::to_string(i) + ".weight", b, g);
            }
        }
    log->rms.add(200, {0, 1}, "frozen.bias", 0.0, 1e-3);  // no logarithm: left out
    return log;
}

// Independent least squares: log10 y = a log10 x + b by Householder QR of the design matrix.
Eigen::Vector2d leastSquares(const RunLog& log, double step, int pairSecond /* -1: every pair */)
{
    std::vector<std::pair<double, double>> rows;
    for (std::size_t r = 0; r < log.rms.size(); ++r)
        if (log.rms.step[r] == step && log.rms.bracketRms[r] > 0 && (pairSecond < 0 || log.rms.second[r] == pairSecond))
            rows.push_back({std::log10(log.rms.gradRms[r]), std::log10(log.rms.bracketRms[r])});
    Eigen::MatrixXd a(rows.size(), 2);
    Eigen::VectorXd y(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        a(i, 0) = rows[i].first;
        a(i, 1) = 1;
        y[i] = rows[i].second;
    }
    return a.householderQr().solve(y);
}

vtkChartXY* chartOf(FigureHost* host)
{
    vtkContextScene* scene = host->scene();
    return scene->GetNumberOfItems() > 0 ? vtkChartXY::SafeDownCast(scene->GetItem(0)) : nullptr;
}

}  // namespace

class TestLogRmsView : public QObject {
    Q_OBJECT

private slots:
    void slopeEqualsIndependentLeastSquares()
    {
        const auto log = makeLog();
        RmsView view;
        view.resize(1300, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setLog(log);
        // The latest step is shown first; "all steps" is offered too.
        QCOMPARE(view.stepBox()->currentText(), QString("200"));
        QCOMPARE(view.stepBox()->count(), 3);
        const RmsData& data = view.data();
        QCOMPARE(data.pairs.size(), std::size_t(2));
        QCOMPARE(data.leftOut, 1);
        QCOMPARE(data.fit.points, std::size_t(20));

        const Eigen::Vector2d all = leastSquares(*log, 200, -1);
        CL_COMPARE_APPROX(data.fit.slope, all[0], 1e-12, 1e-10);
        CL_COMPARE_APPROX(data.fit.intercept, all[1], 1e-12, 1e-10);
        QVERIFY(std::abs(all[0] - kSlope) < 0.1);  // the synthetic law is recovered, not just any number
        for (const RmsPairSeries& s : data.pairs) {
            const Eigen::Vector2d pair = leastSquares(*log, 200, s.pair.second);
            CL_COMPARE_APPROX(s.fit.slope, pair[0], 1e-12, 1e-10);
        }
        // The printed slope, in the summary and in the fit table.
        const QString printed = QString::number(all[0], 'f', 4);
        QVERIFY2(view.summaryLabel()->text().contains(printed), qPrintable(view.summaryLabel()->text()));
        QTableWidget* table = view.fitTable();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(2, 2)->text(), printed);

        // The drawn line lies on the independent fit, in log space.
        QTRY_VERIFY(chartOf(view.plot()));
        vtkChartXY* chart = chartOf(view.plot());
        vtkPlot* fitLine = nullptr;
        int pointSeries = 0;
        for (vtkIdType i = 0; i < chart->GetNumberOfPlots(); ++i) {
            const std::string label = chart->GetPlot(i)->GetLabel();
            if (label.rfind(kRmsFitLabel, 0) == 0) fitLine = chart->GetPlot(i);
            if (label.find("tensors") != std::string::npos) ++pointSeries;
        }
        QCOMPARE(pointSeries, 2);  // one series (one colour) per pair
        QVERIFY(fitLine);
        vtkTable* t = fitLine->GetInput();
        QCOMPARE(t->GetNumberOfRows(), vtkIdType(2));
        for (vtkIdType r = 0; r < 2; ++r) {
            const double x = t->GetValue(r, 0).ToDouble(), y = t->GetValue(r, 1).ToDouble();
            CL_COMPARE_APPROX(y, all[0] * x + all[1], 1e-12, 1e-10);
        }

        // Another step: another fit.
        view.stepBox()->setCurrentIndex(0);
        const Eigen::Vector2d first = leastSquares(*log, 100, -1);
        CL_COMPARE_APPROX(view.data().fit.slope, first[0], 1e-12, 1e-10);
        QCOMPARE(view.data().leftOut, 0);
    }

    void noRmsRowsSaySo()
    {
        RmsView view;
        auto log = std::make_shared<RunLog>();
        log->setDomains({"en", "ru"});
        view.setLog(log);
        QVERIFY(view.summaryLabel()->text().contains("no bracket and gradient RMS records"));
        QVERIFY(!view.summaryLabel()->text().contains("nan", Qt::CaseInsensitive));
        QCOMPARE(view.fitTable()->rowCount(), 0);
    }

    void exportsLikeEveryOtherView()
    {
        RmsView view;
        view.resize(1200, 700);
        view.show();
        view.setLog(makeLog());
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath("rms.png"), svg = dir.filePath("rms.svg");
        QVERIFY2(view.exportFigure(png, &error), qPrintable(error));
        QVERIFY2(view.exportFigure(svg, &error), qPrintable(error));
        if (qEnvironmentVariableIsSet("LOG_VIEWS_KEEP")) {
            QFile::remove("/tmp/log-views-rms.png");
            QFile::copy(png, "/tmp/log-views-rms.png");
        }
        QCOMPARE(QImage(png).width(), 1200);
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("<text") && !text.contains("<image"));
        QVERIFY(text.contains("slope"));
    }
};

QTEST_MAIN(TestLogRmsView)
#include "test_log_rms_view.moc"
