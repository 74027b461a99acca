// The log window (ui/logs): the paper's Table 2 gives "3 of 4 checkpoints" in the prediction
// view, the toy log's front table lists exactly core's Pareto front, a malformed file shows
// its located message and leaves the window usable, and the Pareto plot exports PNG and SVG.

#include "ui/logs/AdviceView.h"
#include "ui/logs/FigureHost.h"
#include "ui/logs/LogWindow.h"
#include "ui/logs/ParetoData.h"
#include "ui/logs/ParetoView.h"
#include "ui/logs/PredictionView.h"
#include "ui/logs/TableExport.h"

#include "core/logs/LogFile.h"
#include "core/logs/ParetoFront.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QMouseEvent>
#include <QMessageBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace cl::ui::logs;

namespace {

QString sourceDir()
{
    const QByteArray env = qgetenv("COMMUTELAB_SOURCE_DIR");
    if (!env.isEmpty()) return QString::fromLocal8Bit(env);
    return QFileInfo(QStringLiteral(COMMUTELAB_SOURCE_ROOT "/tests/ui/this.cpp")).dir().absoluteFilePath(QStringLiteral("../.."));
}

QString sample(const char* name)
{
    return QDir(sourceDir()).absoluteFilePath(QStringLiteral("resources/logs/%1").arg(name));
}

void closeDialogs(QWidget* window)
{
    for (auto* box : window->findChildren<QMessageBox*>()) box->close();
    QCoreApplication::processEvents();
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestLogViews : public QObject {
    Q_OBJECT

private slots:
    void paperTable2AgreesAtThreeOfFourCheckpoints()
    {
        LogWindow window;
        window.show();
        const QString path = sample("paper-table2.json");
        const QByteArray before = fileBytes(path);
        QVERIFY(window.openLog(path));
        auto* label = window.findChild<QLabel*>("agreementLabel");
        QVERIFY(label);
        QVERIFY2(label->text().contains("3 of 4 checkpoints"), qPrintable(label->text()));
        QCOMPARE(window.predictionView()->report().checkpointsInFullAgreement, 3);
        // 4 checkpoints x 2 orders x 2 domains.
        QCOMPARE(window.findChild<QTableWidget*>("predictionTable")->rowCount(), 16);
        // The caveat is on screen in the advice view.
        auto* caveat = window.findChild<QLabel*>("adviceCaveat");
        QVERIFY(caveat && caveat->text().contains("not a guarantee"));
        QCOMPARE(fileBytes(path), before);  // opening never modifies the file
        QVERIFY(window.errorArea()->isHidden());
    }

    void toyFrontTableMatchesCorePareto()
    {
        LogWindow window;
        window.show();
        const QString path = sample("toy-quadratic.json");
        QVERIFY(window.openLog(path));
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Core's front over every plotted point: base checkpoints and the interventions' losses.
        const cl::logs::RunLog log = cl::logs::readLog(path.toStdString());
        std::vector<cl::logs::Point2> points;
        for (std::size_t i = 0; i < log.checkpoints.size(); ++i)
            points.push_back({log.checkpoints.loss[0][i], log.checkpoints.loss[1][i]});
        for (std::size_t r = 0; r < log.interventions.size(); ++r)
            points.push_back({log.interventions.loss[0][r], log.interventions.loss[1][r]});
        QVERIFY(log.interventions.size() >= 12);
        const std::vector<std::size_t> front = cl::logs::paretoFront(points);
        QVERIFY(!front.empty());

        auto* table = window.findChild<QTableWidget*>("paretoFrontTable");
        QVERIFY(table);
        QCOMPARE(table->rowCount(), static_cast<int>(front.size()));
        for (int row = 0; row < table->rowCount(); ++row) {
            const double x = table->item(row, 3)->text().toDouble(), y = table->item(row, 4)->text().toDouble();
            const auto& p = points[front[row]];
            QVERIFY2(std::abs(x - p.x) <= 1e-9 * std::abs(p.x) && std::abs(y - p.y) <= 1e-9 * std::abs(p.y),
                     qPrintable(QString("row %1: table (%2, %3), core (%4, %5)").arg(row).arg(x).arg(y).arg(p.x).arg(p.y)));
        }
        // Every budget group has a check box; hiding one takes its points out of the front.
        const auto& data = window.paretoView()->data();
        QVERIFY(data.groups.size() >= 2);
        QVERIFY(window.findChild<QCheckBox*>("paretoGroup0"));
    }

    void malformedFileShowsLocatedMessage()
    {
        LogWindow window;
        window.show();
        QVERIFY(window.openLog(sample("paper-table2.json")));
        QTemporaryDir dir;
        const QString bad = dir.filePath("broken.csv");
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# domains: en, ru\nt,L_en,L_ru\n2000,3.44,3.04\n8000,abc,2.92\n");
        }
        QVERIFY(!window.openLog(bad));
        QVERIFY(window.errorArea()->isVisible());
        const QString message = window.errorArea()->text();
        QVERIFY2(message.contains("broken.csv:4:"), qPrintable(message));
        QVERIFY2(message.contains("L_en"), qPrintable(message));
        auto* dialog = window.findChild<QMessageBox*>("logErrorDialog");
        QVERIFY(dialog);
        QCOMPARE(dialog->text(), message);
        closeDialogs(&window);
        // The previous log stays, and the window still opens good files.
        QVERIFY(window.log() && window.log()->checkpoints.size() == 4);
        QVERIFY(window.openLog(sample("paper-table3.json")));
        QVERIFY(window.errorArea()->isHidden());
        QVERIFY(!window.openLog(dir.filePath("missing.json")));
        closeDialogs(&window);
    }

    // Odd inputs are refused with a message, or shown with empty views; never a crash.
    void oddFilesNeverBreakTheWindow()
    {
        QTemporaryDir dir;
        auto write = [&](const char* name, const QByteArray& bytes) {
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(bytes);
            return f.fileName();
        };
        LogWindow window;
        window.show();
        QVERIFY(!window.openLog(write("empty.json", "")));
        QVERIFY(!window.openLog(write("binary.csv", QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11))));
        QVERIFY(!window.openLog(dir.path()));
        closeDialogs(&window);
        // Checkpoints only: no interventions, P-values or front beyond the base run.
        QVERIFY(window.openLog(write("base.csv", "# domains: en, ru\nt,L_en,L_ru\n1,3.0,3.1\n2,2.9,3.0\n")));
        QCOMPARE(window.paretoView()->data().points.size(), std::size_t(2));
        QCOMPARE(window.findChild<QTableWidget*>("paretoFrontTable")->rowCount(), 1);
        QCOMPARE(window.findChild<QTableWidget*>("predictionTable")->rowCount(), 0);
        QCOMPARE(window.findChild<QTableWidget*>("adviceTable")->rowCount(), 0);
        QCoreApplication::processEvents();
    }

    void growingFileIsReloaded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("run.csv");
        const QByteArray head = "# domains: en, ru\nt,L_en,L_ru\n2000,3.44,3.04\n";
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(head);
        }
        LogWindow window;
        QVERIFY(window.openLog(path));
        QCOMPARE(window.log()->checkpoints.size(), std::size_t(1));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write("8000,3.32,2.92\n");
        }
        QTRY_COMPARE_WITH_TIMEOUT(window.log()->checkpoints.size(), std::size_t(2), 10000);
    }

    void hoverShowsEveryNumberAndAxesCanBeEqual()
    {
        LogWindow window;
        window.show();
        QVERIFY(window.openLog(sample("toy-quadratic.json")));
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ParetoView* view = window.paretoView();
        const ParetoPoint& first = view->data().points.front();
        QTRY_VERIFY(view->dataToWidget(first.x, first.y).has_value());
        const QPointF at = *view->dataToWidget(first.x, first.y);
        QMouseEvent move(QEvent::MouseMove, at, view->plot()->mapToGlobal(at), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(view->plot(), &move);
        auto* hover = window.findChild<QLabel*>("paretoHover");
        QVERIFY2(hover->text().contains("base checkpoint, step"), qPrintable(hover->text()));
        QVERIFY(hover->text().contains("L_q1 = ") && hover->text().contains("L_q2 = "));

        // Equal scaling: one data unit spans as many pixels across as up.
        window.findChild<QCheckBox*>("paretoEqualAxes")->setChecked(true);
        auto ratio = [&] {
            const auto a = view->dataToWidget(first.x, first.y), b = view->dataToWidget(first.x + 0.1, first.y + 0.1);
            return a && b ? std::abs((b->x() - a->x()) / (a->y() - b->y())) : 0.0;
        };
        QTRY_VERIFY2(std::abs(ratio() - 1) < 0.01, qPrintable(QString::number(ratio())));
    }

    void paretoExportWritesPngAndVectorSvg()
    {
        LogWindow window;
        window.show();
        QVERIFY(window.openLog(sample("toy-quadratic.json")));
        QTemporaryDir dir;
        const QString png = dir.filePath("pareto.png"), svg = dir.filePath("pareto.svg");
        QString error;
        QVERIFY2(window.paretoView()->exportFigure(png, &error), qPrintable(error));
        QVERIFY2(window.paretoView()->exportFigure(svg, &error), qPrintable(error));
        if (qEnvironmentVariableIsSet("LOG_VIEWS_KEEP")) {  // for looking at the figure by hand
            QFile::remove("/tmp/log-views-pareto.png");
            QFile::copy(png, "/tmp/log-views-pareto.png");
        }
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 1200);
        const QByteArray text = fileBytes(svg);
        QVERIFY(text.contains("<svg"));
        // Vector content: drawn paths or shapes and real text, not one embedded bitmap.
        QVERIFY(text.contains("<path") || text.contains("<polyline") || text.contains("<polygon"));
        QVERIFY(text.contains("<text"));
        QVERIFY(!text.contains("<image"));

        const QString pdf = dir.filePath("pareto.pdf");
        QVERIFY2(window.paretoView()->exportFigure(pdf, &error), qPrintable(error));
        QVERIFY(fileBytes(pdf).startsWith("%PDF"));
        // The front table as CSV: a header row and one line per front point.
        const QString csv = dir.filePath("front.csv");
        QVERIFY2(writeTableCsv(window.paretoView()->frontTable(), csv, &error), qPrintable(error));
        const QList<QByteArray> lines = fileBytes(csv).trimmed().split('\n');
        QCOMPARE(lines.size(), window.paretoView()->frontTable()->rowCount() + 1);
        QVERIFY(lines.front().startsWith("point,step / t0"));
    }
};

QTEST_MAIN(TestLogViews)
#include "test_log_views.moc"
