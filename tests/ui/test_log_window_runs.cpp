// The log window with many runs and other tools' logs (issues 11, 17): a folder of three runs opens
// off the GUI thread into three overlaid runs with one front; a folder still being written reloads
// within a second of a change (an appended row, a new run file); Cancel keeps what was shown; the
// mapping dialog and mapping files are in test_log_window_mapping.cpp; a log's notes are shown.

#include "ThrowawaySettings.h"
#include "ui/VtkOpenGLHost.h"
#include "ui/logs/LogWindow.h"
#include "ui/logs/MappingDialog.h"
#include "ui/logs/ParetoView.h"
#include "ui/logs/PredictionView.h"
#include "ui/logs/RmsView.h"
#include "ui/schedule/TaskBar.h"

#include "core/logs/MappingFile.h"
#include "core/logs/ParetoFront.h"

#include "LogWindowFiles.h"
#include "TfEventsWriter.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPixmap>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

using namespace cl::ui::logs;
using namespace logtest;

namespace {

// A CommuteLab wide CSV run of `n` checkpoints whose losses fall along a curve shifted by `shift`.
QByteArray wideRun(int n, double shift)
{
    QByteArray text = "# domains: en, ru\nt,L_en,L_ru\n";
    for (int i = 0; i < n; ++i) {
        const double t = double(i) / (n - 1);
        text += QByteArray::number(100 * (i + 1)) + "," + QByteArray::number(3 - t + shift, 'g', 12) + "," +
                QByteArray::number(2 + 0.8 * (1 - t) * (1 - t) - 0.3 * shift * t, 'g', 12) + "\n";
    }
    return text;
}

}  // namespace

class TestLogWindowRuns : public QObject {
    Q_OBJECT

    cl::testing::ThrowawaySettings settings_;

private slots:
    void initTestCase()
    {
        // Remembered mappings and recent files go to a throw-away settings file, not the user's.
        settings_.redirect();
    }

    void folderOfThreeRunsOverlaysAndReloadsWithinASecond()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("a.csv"), wideRun(8, 0));
        writeFile(dir.filePath("b.csv"), wideRun(6, -0.15));
        writeFile(dir.filePath("c.csv"), wideRun(5, 0.1));
        LogWindow window;
        window.show();
        QSignalSpy finished(&window, &LogWindow::loadFinished);
        window.openLogs({dir.path()});
        // Off the GUI thread: openLogs returns before the runs are there.
        QVERIFY(window.taskBar()->isRunning() || finished.count() == 1);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.front().front().toBool(), true);
        QCOMPARE(window.runs().size(), std::size_t(3));
        const ParetoData& data = window.paretoView()->data();
        QCOMPARE(data.runs.size(), std::size_t(3));
        // One front over all points of the three runs, as core's paretoFront gives it.
        std::vector<cl::logs::Point2> all;
        for (const ShownRun& r : window.runs())
            for (std::size_t i = 0; i < r.log->checkpoints.size(); ++i)
                all.push_back({r.log->checkpoints.loss[0][i], r.log->checkpoints.loss[1][i]});
        QCOMPARE(data.front.size(), cl::logs::paretoFront(all).size());
        if (qEnvironmentVariableIsSet("LOG_VIEWS_KEEP")) {  // the docs' screenshot, to look at by hand
            window.resize(1400, 820);
            QTest::qWait(500);
            cl::ui::grabWithVtkViews(&window)
                .scaledToWidth(1100, Qt::SmoothTransformation)
                .save("/tmp/log-views-runs.png");
        }
        // The base run can be switched from the window; the single-run views follow it.
        window.findChild<QComboBox*>("baseRunBox")->setCurrentIndex(2);
        QCOMPARE(window.baseRun(), 2);
        QCOMPARE(window.paretoView()->data().baseRun, 2);
        QCOMPARE(window.log().get(), window.runs()[2].log.get());

        // Appending a row to one run: the window shows it (within a second on a quiet machine, the
        // figure printed below; the test waits up to ten, as CI runs two suites at once).
        const QString bName = window.runs()[1].name;
        const std::size_t before = window.runs()[1].log->checkpoints.size();
        QElapsedTimer clock;
        clock.start();
        writeFile(dir.filePath("b.csv"), "9000,1.5,1.4\n", true);
        auto checkpointsOfB = [&] {
            for (const ShownRun& r : window.runs())
                if (r.name == bName) return r.log->checkpoints.size();
            return std::size_t(0);
        };
        QTRY_COMPARE_WITH_TIMEOUT(checkpointsOfB(), before + 1, 10000);
        qInfo("appended row shown after %lld ms", static_cast<long long>(clock.elapsed()));
        QCOMPARE(window.baseRun(), 2);  // the base run survives the reload

        // A new run file in the folder: a fourth run.
        clock.restart();
        writeFile(dir.filePath("d.csv"), wideRun(4, 0.3));
        QTRY_COMPARE_WITH_TIMEOUT(window.runs().size(), std::size_t(4), 10000);
        qInfo("new run shown after %lld ms", static_cast<long long>(clock.elapsed()));
        QCOMPARE(window.paretoView()->data().runs.size(), std::size_t(4));
    }

    void tensorBoardFolderReloadsOnlyAppendedRecords()
    {
        using namespace cl::testing::tfwriter;
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("run1") && QDir(dir.path()).mkpath("run2"));
        auto events = [](int from, int to, double shift) {
            std::string bytes;
            for (int s = from; s < to; ++s)
                bytes += frame(summaryEvent(1000.0 + s, 10 * s,
                                            {scalarValue("eval_en_loss", 3 - 0.01 * s + shift, Encoding::SimpleValue),
                                             scalarValue("eval_ru_loss", 2.5 - 0.005 * s, Encoding::FloatVal)}));
            return bytes;
        };
        const std::string file1 = dir.filePath("run1/events.out.tfevents.1.a").toStdString();
        const std::string file2 = dir.filePath("run2/events.out.tfevents.1.b").toStdString();
        const std::string head1 = frame(fileVersionEvent(1000)) + events(0, 20, 0);
        const std::string head2 = frame(fileVersionEvent(1000)) + events(0, 20, 0.1);
        writeFile(file1, head1);
        writeFile(file2, head2);

        LogWindow window;
        window.show();
        QVERIFY(window.openLog(dir.path()));
        QCOMPARE(window.runs().size(), std::size_t(2));
        for (const ShownRun& r : window.runs()) {
            QCOMPARE(r.format, QString("tensorboard"));
            QCOMPARE(r.log->domainCount(), 2);
            QCOMPARE(r.log->checkpoints.size(), std::size_t(20));
        }
        QVERIFY(window.runReader());
        const std::uint64_t afterOpen = window.runReader()->tensorBoardBytesRead();
        QCOMPARE(afterOpen, std::uint64_t(head1.size() + head2.size()));

        // Five more records in run1: shown (the latency is printed), and only they are read.
        const std::string more = events(20, 25, 0);
        QElapsedTimer clock;
        clock.start();
        {
            std::ofstream out(file1, std::ios::binary | std::ios::app);
            out.write(more.data(), static_cast<std::streamsize>(more.size()));
        }
        auto checkpointsOfRun1 = [&] {
            for (const ShownRun& r : window.runs())
                if (r.source.contains("run1")) return r.log->checkpoints.size();
            return std::size_t(0);
        };
        QTRY_COMPARE_WITH_TIMEOUT(checkpointsOfRun1(), std::size_t(25), 10000);
        qInfo("appended TensorBoard records shown after %lld ms", static_cast<long long>(clock.elapsed()));
        QCOMPARE(window.runReader()->tensorBoardBytesRead(), afterOpen + more.size());
    }

    void severalFilesAtOnceAndCancel()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath("a.csv"), wideRun(5, 0));
        writeFile(dir.filePath("b.csv"), wideRun(5, 0.2));
        LogWindow window;
        QVERIFY(window.openLog(dir.filePath("a.csv")));
        QCOMPARE(window.runs().size(), std::size_t(1));
        // Cancel right after starting: nothing changes, and the open reports failure.
        QSignalSpy finished(&window, &LogWindow::loadFinished);
        window.openLogs({dir.filePath("a.csv"), dir.filePath("b.csv")});
        window.taskBar()->cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.front().front().toBool(), false);
        QCOMPARE(window.runs().size(), std::size_t(1));
        QVERIFY(window.taskBar()->statusText().contains("cancelled"));
        // Both files at once (as a multi-selection or a drop gives them).
        window.openLogs({dir.filePath("a.csv"), dir.filePath("b.csv")});
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(window.runs().size(), std::size_t(2));
        QVERIFY(window.findChild<QComboBox*>("baseRunBox")->isEnabled());
    }

    // Real logs from ../shared, read in place: a Hugging Face run with six eval sets opens with six
    // guessed domains and its series in the mapping dialog; the RegMix table (with its mixture
    // table beside it) is one run whose 512 points are separate training runs, not a trajectory.
    void realExternalLogsOpen()
    {
        const QString shared = QDir(sourceDir()).absoluteFilePath("../shared/external-logs");
        if (!QFileInfo(shared).isDir()) QSKIP("../shared/external-logs is absent: real-log window test skipped");
        LogWindow window;
        window.resize(1400, 820);
        window.show();
        QVERIFY(window.openLog(shared + "/hf-trainer-state/aigoncharov--trainer_state_viz/trainer_state.json"));
        QCOMPARE(window.runs().size(), std::size_t(1));
        QCOMPARE(window.log()->domainCount(), 6);
        QCOMPARE(window.log()->checkpoints.size(), std::size_t(31));
        QVERIFY(window.infoArea()->text().contains("guessed"));
        MappingDialog* dialog = window.openMappingDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->seriesTable()->rowCount(), static_cast<int>(window.runs().front().series->series.size()));
        QCOMPARE(dialog->mapping().domains.size(), std::size_t(6));  // the dialog starts from the guess
        if (qEnvironmentVariableIsSet("LOG_VIEWS_KEEP")) {
            QTest::qWait(300);
            dialog->grab().save("/tmp/log-views-mapping.png");
        }
        dialog->reject();

        QSignalSpy finished(&window, &LogWindow::loadFinished);
        const QString regmix = shared + "/multi-domain/sail-sg--regmix/data/";
        window.openLogs({regmix + "train_pile_loss_1m.csv", regmix + "train_mixture_1m.csv"});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY(finished.front().front().toBool());
        QCOMPARE(window.runs().size(), std::size_t(1));
        QCOMPARE(window.runs().front().format, QString("run-table"));
        const ParetoData& data = window.paretoView()->data();
        QCOMPARE(data.points.size(), std::size_t(512));
        QVERIFY(!data.runs.front().connected);
        if (qEnvironmentVariableIsSet("LOG_VIEWS_KEEP")) {
            QTest::qWait(300);
            cl::ui::grabWithVtkViews(&window).save("/tmp/log-views-regmix.png");
        }
    }

    // The docs' screenshot (docs/log-views-runs.png): the toy log as base run, with two other runs
    // on the same domains. Only with LOG_VIEWS_KEEP set; it checks nothing beyond loading.
    void docsScreenshot()
    {
        if (!qEnvironmentVariableIsSet("LOG_VIEWS_KEEP")) QSKIP("set LOG_VIEWS_KEEP to write the docs' screenshot");
        QTemporaryDir dir;
        for (int run = 0; run < 2; ++run) {
            QByteArray text = "# domains: q1, q2\nt,L_q1,L_q2\n";
            for (int step = 3000; step <= 10000; step += 700) {
                const double decay = std::exp(-(step - 3000) / 2600.0);
                const double q1 = 0.19 + 0.56 * decay + (run == 0 ? 0.02 : -0.01) * (1 - decay);
                const double q2 = 0.2 + 0.47 * decay + (run == 0 ? -0.015 : 0.03) * (1 - decay);
                text += QByteArray::number(step) + "," + QByteArray::number(q1) + "," + QByteArray::number(q2) + "\n";
            }
            writeFile(dir.filePath(run == 0 ? "more-q2-late.csv" : "more-q1-late.csv"), text);
        }
        LogWindow window;
        window.resize(1400, 820);
        window.show();
        QSignalSpy finished(&window, &LogWindow::loadFinished);
        window.openLogs({QDir(sourceDir()).absoluteFilePath("resources/logs/toy-quadratic.json"),
                         dir.filePath("more-q2-late.csv"), dir.filePath("more-q1-late.csv")});
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(window.runs().size(), std::size_t(3));
        QTest::qWait(500);
        cl::ui::grabWithVtkViews(&window)
            .scaledToWidth(1100, Qt::SmoothTransformation)
            .save("/tmp/log-views-runs-docs.png");
    }

    void notesAreShown()
    {
        LogWindow window;
        QVERIFY(window.openLog(QDir(sourceDir()).absoluteFilePath("resources/logs/paper-table4.json")));
        const QString info = window.infoArea()->text();
        QVERIFY2(info.contains("one of the two labels in the paper is wrong"), qPrintable(info));
        QVERIFY(window.openLog(QDir(sourceDir()).absoluteFilePath("resources/logs/paper-table2.json")));
        QVERIFY2(window.infoArea()->text().contains("delta_w_note: not stated per row"),
                 qPrintable(window.infoArea()->text()));
        // Table 2 has cells to correlate: a number, never NaN.
        QVERIFY(!window.findChild<QLabel*>("agreementLabel")->text().contains("NaN"));
        closeDialogs(&window);
    }
};

QTEST_MAIN(TestLogWindowRuns)
#include "test_log_window_runs.moc"
