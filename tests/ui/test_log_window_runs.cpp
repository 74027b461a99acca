// The log window with many runs and other tools' logs (issues 11, 17): a folder of three runs opens
// off the GUI thread into three overlaid runs with one front; a folder still being written reloads
// within a second of a change (an appended row, a new run file); Cancel keeps what was shown; the
// mapping dialog lists every series and its choice changes the domains of every run with those
// series and is kept in commutelab-mapping.json beside the logs (never in the logs themselves),
// which a reopen of the folder applies again; a log's notes are shown.

#include "ui/VtkOpenGLHost.h"
#include "ui/logs/LogWindow.h"
#include "ui/logs/MappingDialog.h"
#include "ui/logs/ParetoView.h"
#include "ui/logs/PredictionView.h"
#include "ui/logs/RmsView.h"
#include "ui/schedule/TaskBar.h"

#include "core/logs/MappingFile.h"
#include "core/logs/ParetoFront.h"

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

namespace {

QString sourceDir()
{
    const QByteArray env = qgetenv("COMMUTELAB_SOURCE_DIR");
    if (!env.isEmpty()) return QString::fromLocal8Bit(env);
    return QFileInfo(QStringLiteral(COMMUTELAB_SOURCE_ROOT "/tests/ui/this.cpp"))
        .dir()
        .absoluteFilePath(QStringLiteral("../.."));
}

void writeFile(const QString& path, const QByteArray& bytes, bool append = false)
{
    QFile f(path);
    QVERIFY(f.open(append ? QIODevice::Append : QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

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

// A Lightning-style metrics CSV: a train row and a val row per step, three eval losses.
QByteArray metricsCsv()
{
    QByteArray text = "step,train_loss,val_loss_en,val_loss_ru,val_loss_code\n";
    for (int i = 1; i <= 6; ++i) {
        const QByteArray s = QByteArray::number(10 * i);
        text += s + "," + QByteArray::number(4.0 / i) + ",,,\n";
        text += s + ",," + QByteArray::number(3.0 - 0.1 * i) + "," + QByteArray::number(2.5 - 0.05 * i) + "," +
                QByteArray::number(1.5 - 0.02 * i) + "\n";
    }
    return text;
}

void closeDialogs(QWidget* window)
{
    for (auto* box : window->findChildren<QMessageBox*>()) box->close();
    QCoreApplication::processEvents();
}

}  // namespace

class TestLogWindowRuns : public QObject {
    Q_OBJECT

    QTemporaryDir settingsDir_;

private slots:
    void initTestCase()
    {
        // Remembered mappings and recent files go to a throw-away settings file, not the user's.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
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

    void mappingDialogChoiceAppliesToAllRunsAndPersists()
    {
        QTemporaryDir dir;
        // Three runs of one script (the same series) and one with other series.
        QStringList paths;
        for (const char* name : {"r1", "r2", "r3"}) {
            QDir().mkpath(dir.filePath(name));
            paths << dir.filePath(QString(name) + "/metrics.csv");
            writeFile(paths.back(), metricsCsv());
        }
        QDir().mkpath(dir.filePath("z-other"));
        writeFile(dir.filePath("z-other/metrics.csv"), "step,eval_a_loss,eval_b_loss\n1,2,3\n2,1.5,2.5\n");
        const QByteArray bytes = fileBytes(paths.front());
        const QString sidecar = dir.filePath("commutelab-mapping.json");
        {
            LogWindow window;
            window.resize(1200, 800);
            window.show();
            QVERIFY(window.openLog(dir.path()));
            QCOMPARE(window.runs().size(), std::size_t(4));
            const ShownRun& run = window.runs().front();
            QVERIFY(run.series);
            QVERIFY(!run.remembered);
            MappingDialog* dialog = window.openMappingDialog();
            QVERIFY(dialog);
            // Every series with its count, step range and a sparkline.
            QTableWidget* table = dialog->seriesTable();
            QCOMPARE(table->rowCount(), static_cast<int>(run.series->series.size()));
            for (int row = 0; row < table->rowCount(); ++row) {
                const auto& s = run.series->series[row];
                QCOMPARE(table->item(row, MappingDialog::SeriesColumn)->text(), QString::fromStdString(s.name));
                QCOMPARE(table->item(row, MappingDialog::PointsColumn)->text().toInt(), static_cast<int>(s.size()));
                QVERIFY(table->item(row, MappingDialog::StepsColumn)->text().contains("…"));
                const auto shape = table->item(row, MappingDialog::ShapeColumn)->data(Qt::DecorationRole);
                QVERIFY(!shape.value<QPixmap>().isNull());
            }
            // By hand: train loss as domain "train" and the code eval loss as "code", nothing else.
            for (int row = 0; row < table->rowCount(); ++row)
                dialog->choose(table->item(row, MappingDialog::SeriesColumn)->text(), false);
            QVERIFY(dialog->choose("train_loss", true, "train"));
            QVERIFY(dialog->choose("val_loss_code", true, "code"));
            dialog->accept();
            QCoreApplication::processEvents();
            // Chosen once, it maps every run that has those series; the other run keeps its guess.
            for (int i = 0; i < 3; ++i) {
                const ShownRun& r = window.runs()[i];
                QCOMPARE(r.log->domains, (std::vector<std::string>{"train", "code"}));
                QVERIFY(r.remembered);
                QCOMPARE(QString::fromStdString(r.report.file), sidecar);
                // The values are the CSV's cells (metricsCsv: train 4/i at step 10 i, code 1.5 - 0.02 i).
                QCOMPARE(r.log->checkpoints.step[2], 30.0);
                QCOMPARE(r.log->checkpoints.loss[0][2], QByteArray::number(4.0 / 3).toDouble());
                QCOMPARE(r.log->checkpoints.loss[1][2], QByteArray::number(1.5 - 0.02 * 3).toDouble());
            }
            QCOMPARE(window.runs()[3].log->domains, (std::vector<std::string>{"a", "b"}));
            QVERIFY(!window.runs()[3].remembered);
            QVERIFY(window.infoArea()->text().contains("as you mapped them (commutelab-mapping.json)"));
            // The views follow: the Pareto axes are the new domains.
            QCOMPARE(window.paretoView()->data().xName, std::string("train"));
            cl::ui::grabWithVtkViews(&window).save(QDir::temp().filePath("log-window-mapping-file.png"));
            // The choice is in the sidecar, as a file anyone can read.
            const cl::logs::DomainMapping saved = cl::logs::readMappingFile(sidecar.toStdString());
            QVERIFY((saved.domains == std::vector<std::pair<std::string, std::string>>{{"train", "train_loss"},
                                                                                       {"code", "val_loss_code"}}));
            QCOMPARE(saved.axis, std::string("step"));
        }
        QCOMPARE(fileBytes(paths.front()), bytes);  // the user's logs are never written
        // Reopening the folder (a new window, nothing in the settings) starts from the saved choice.
        QSettings(QSettings::UserScope, "CommuteLab", "CommuteLab").clear();
        LogWindow again;
        QVERIFY(again.openLog(dir.path()));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(again.runs()[i].log->domains, (std::vector<std::string>{"train", "code"}));
            QVERIFY(again.runs()[i].remembered);
        }
        QVERIFY(!again.runs()[3].remembered);
    }

    void mappingKeptForTheSessionWhenItCannotBeSaved()
    {
        // The sidecar's place is taken by a folder (works as root too, where permissions do not
        // stop a write): the mapping is used, and the window says it was not saved.
        QTemporaryDir dir;
        writeFile(dir.filePath("metrics.csv"), metricsCsv());
        QVERIFY(QDir().mkpath(dir.filePath("commutelab-mapping.json")));
        LogWindow window;
        QVERIFY(window.openLog(dir.path()));
        cl::logs::DomainMapping mapping;
        mapping.domains = {{"train", "train_loss"}, {"en", "val_loss_en"}};
        QVERIFY(window.applyMapping(0, mapping));
        QCOMPARE(window.log()->domains, (std::vector<std::string>{"train", "en"}));
        QVERIFY2(window.errorArea()->text().contains("not saved"), qPrintable(window.errorArea()->text()));
        QVERIFY(window.runs().front().report.file.empty());
        QVERIFY(QFileInfo(dir.filePath("commutelab-mapping.json")).isDir());
        QVERIFY(!QFileInfo::exists(dir.filePath("commutelab-mapping.json.part")));
    }

    void mappingDialogNeverMixesAxes()
    {
        cl::logs::ScalarRun run;
        run.name = "two-axes";
        run.series.push_back({"loss/en", "step", {1, 2, 3}, {3, 2, 1}, {}});
        run.series.push_back({"loss/ru", "step", {1, 2, 3}, {4, 3, 2}, {}});
        run.series.push_back({"loss/en vs samples", "samples", {10, 20}, {3, 2}, {}});
        cl::logs::DomainMapping current;
        current.axis = "step";
        current.domains = {{"en", "loss/en"}, {"ru", "loss/ru"}};
        MappingDialog dialog(run, current);
        QCOMPARE(dialog.axisBox()->currentText(), QString("step"));
        QCOMPARE(dialog.mapping().domains, current.domains);
        QVERIFY(!dialog.choose("loss/en vs samples", true));  // another axis: cannot be ticked
        dialog.axisBox()->setCurrentText("samples");          // switching axis unticks the others
        QVERIFY(dialog.mapping().domains.empty());
        QVERIFY(dialog.choose("loss/en vs samples", true, "en"));
        const auto m = dialog.mapping();
        QCOMPARE(m.axis, std::string("samples"));
        QCOMPARE(m.domains.size(), std::size_t(1));
        // Duplicate or empty domain names are refused in the dialog.
        dialog.axisBox()->setCurrentText("step");
        dialog.choose("loss/en", true, "x");
        dialog.choose("loss/ru", true, "x");
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.findChild<QLabel*>("mappingError")->text().contains("used twice"));
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
