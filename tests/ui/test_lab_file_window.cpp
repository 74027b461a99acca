// The Schedule lab's saved form in the window (docs/lab-format.md): Save writes what the lab shows,
// a fresh window opened on the file recomputes the same model, runs, P-matrix and Table 1 (the
// curves compared number for number), the title carries the file name and * when modified, the
// shortcuts are Ctrl+S / Ctrl+Shift+S / Ctrl+O, quitting with changes asks Save / Discard / Cancel
// (Save writes the file), `commutelab FILE` opens a lab file in the lab (by content), and every lab
// figure exported from the window is byte for byte what `commutelab render --lab FILE --view V` writes.

#include "CommandRun.h"
#include "WorkspaceHarness.h"

#include "ui/MainWindow.h"
#include "ui/schedule/PMatrixPanel.h"
#include "ui/schedule/PlannerPanel.h"
#include "ui/schedule/PlotView.h"
#include "ui/schedule/RunPlots.h"
#include "ui/schedule/RunsPanel.h"
#include "ui/schedule/ScheduleEditorPanel.h"
#include "ui/schedule/ScheduleLabWindow.h"
#include "ui/schedule/Table1Panel.h"
#include "ui/schedule/TaskBar.h"
#include "ui/workspace/FileKind.h"

#include <QAction>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace cl;
using namespace cl::ui;
using namespace cl::ui::schedule;

namespace {

QString sourceDir()
{
    return qEnvironmentVariable("COMMUTELAB_SOURCE_DIR", COMMUTELAB_SOURCE_ROOT);
}

bool sameSeries(const std::vector<Series>& a, const std::vector<Series>& b)
{
    if (a.size() != b.size() || a.empty()) return false;
    for (std::size_t s = 0; s < a.size(); ++s)
        if (a[s].name != b[s].name || a[s].x != b[s].x || a[s].y != b[s].y) return false;
    return true;
}

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Waits until the window finished opening a lab file and its P-matrix and Table 1 are in.
bool waitForOpened(ScheduleLabWindow* lab, bool table1)
{
    return QTest::qWaitFor(
        [&] {
            return !lab->isLoading() && !lab->pMatrixPanel()->taskBar()->isRunning() &&
                   (!table1 || lab->table1Panel()->result().has_value());
        },
        120000);
}

}  // namespace

class TestLabFileWindow : public QObject {
    Q_OBJECT

    cl::testing::WorkspaceHarness harness_;
    QPointer<ScheduleLabWindow> lab_;
    QTemporaryDir dir_;
    int asked_ = 0;

    void answer(QMessageBox::StandardButton button)
    {
        lab_->setUnsavedChangesAnswer([this, button] {
            ++asked_;
            return button;
        });
    }

    bool addRun(std::size_t expected)
    {
        QTest::mouseClick(lab_->findChild<QPushButton*>("addRunButton"), Qt::LeftButton);
        return QTest::qWaitFor([&] { return lab_->runsPanel()->runs().size() == expected; }, 60000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(harness_.open());
        harness_.window->setUnsavedChangesAnswer([] { return QMessageBox::Discard; });
        lab_ = harness_.window->openScheduleLab();
        QTRY_VERIFY_WITH_TIMEOUT(lab_->model() != nullptr, 60000);
        QVERIFY(!lab_->isModified());
        QVERIFY(lab_->windowTitle().startsWith("untitled lab"));
    }

    void saveThenOpenInAFreshWindowGivesTheSameLab()
    {
        answer(QMessageBox::Cancel);
        lab_->findChild<QSpinBox*>("dimensionSpin")->setValue(30);
        QVERIFY(lab_->isModified() && lab_->isWindowModified());  // the title's * follows the fields
        QTest::mouseClick(lab_->findChild<QPushButton*>("buildModelButton"), Qt::LeftButton);
        QCOMPARE(asked_, 0);  // no runs to lose: Build model does not ask
        QTRY_VERIFY_WITH_TIMEOUT(lab_->model()->spec.dimension == 30, 60000);
        QVERIFY(addRun(1));
        lab_->runsPanel()->editorPanel()->applyPreset(ScheduleEditorPanel::MoreAtEnd);
        QVERIFY(addRun(2));
        lab_->runsPanel()->plots()->setPair(0, 2);
        lab_->pMatrixPanel()->showAt(1, 57);
        lab_->plannerPanel()->setSettings("borda", 0.05);
        LabTable1Spec table1{12, 6, 3, 0.6, {0.1, 0.5}, {0.001, 0.05}, false};
        lab_->table1Panel()->setLabSpec(table1, 1, 1);
        lab_->table1Panel()->run();
        QTRY_VERIFY_WITH_TIMEOUT(lab_->table1Panel()->result().has_value(), 60000);
        lab_->table1Panel()->selectCell(1, 0);
        QVERIFY(waitForOpened(lab_, true));
        QVERIFY(lab_->isWindowModified());

        const QString path = dir_.filePath("lab.json");
        QVERIFY(lab_->saveLabFileAs(path));
        QVERIFY(!lab_->isModified() && !lab_->isWindowModified());
        QVERIFY2(lab_->windowTitle().startsWith("lab.json"), qPrintable(lab_->windowTitle()));
        const LabFile saved = loadLabFile(path.toStdString());
        QVERIFY(saved == lab_->labFile());
        QCOMPARE(saved.runs.size(), std::size_t(2));
        QCOMPARE(saved.views.pmatrixSample, 57);
        QCOMPARE(saved.views.pairJ, 3);
        QCOMPARE(saved.table1.computed, true);
        QCOMPARE(saved.views.table1Row, 2);

        ScheduleLabWindow fresh;
        fresh.show();
        QTRY_VERIFY_WITH_TIMEOUT(fresh.model() != nullptr, 60000);
        QSignalSpy opened(&fresh, &ScheduleLabWindow::labOpened);
        QVERIFY(fresh.openLabFile(path));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 120000);
        QVERIFY(waitForOpened(&fresh, true));
        QCOMPARE(fresh.model()->spec.dimension, 30);
        QVERIFY(fresh.labFile() == saved);
        QVERIFY(!fresh.isModified());
        QCOMPARE(fresh.runsPanel()->runs()[1]->name, lab_->runsPanel()->runs()[1]->name);
        // The recomputed runs are the saved ones number for number: every domain loss, the mean,
        // and every extra start's path in the (L1, L3) plane.
        QVERIFY(sameSeries(fresh.runsPanel()->plots()->lossSeries(), lab_->runsPanel()->plots()->lossSeries()));
        QVERIFY(sameSeries(fresh.runsPanel()->plots()->planeSeries(), lab_->runsPanel()->plots()->planeSeries()));
        QCOMPARE(fresh.runsPanel()->plots()->planeSeries().size(), std::size_t(2 * 5 + 1));
        QCOMPARE(fresh.pMatrixPanel()->time(), lab_->pMatrixPanel()->time());
        QVERIFY(fresh.pMatrixPanel()->matrix().size() == 9);
        QVERIFY(fresh.pMatrixPanel()->matrix() == lab_->pMatrixPanel()->matrix());
        QVERIFY(fresh.table1Panel()->result()->cell(1, 0).ratios == lab_->table1Panel()->result()->cell(1, 0).ratios);
        QCOMPARE(fresh.plannerPanel()->methodName(), std::string("borda"));
        QCOMPARE(fresh.windowTitle(), lab_->windowTitle());
    }

    void shortcutsAndTheModifiedMark()
    {
        QCOMPARE(lab_->findChild<QAction*>("saveLabAction")->shortcut(), QKeySequence("Ctrl+S"));
        QCOMPARE(lab_->findChild<QAction*>("saveLabAsAction")->shortcut(), QKeySequence("Ctrl+Shift+S"));
        QCOMPARE(lab_->findChild<QAction*>("openLabAction")->shortcut(), QKeySequence("Ctrl+O"));
        lab_->findChild<QSpinBox*>("seedSpin")->setValue(9);
        QVERIFY(lab_->isWindowModified());
        lab_->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(lab_));
        QTest::keyClick(lab_, Qt::Key_S, Qt::ControlModifier);  // Save: to the file it came from
        QVERIFY(!lab_->isWindowModified());
        QCOMPARE(loadLabFile(dir_.filePath("lab.json").toStdString()).model.seed, std::uint64_t(9));
        // Save As with a bare name writes NAME.json (SaveFileName); here the name comes from the test.
        lab_->setSaveFileNameAnswer([this] { return dir_.filePath("copy.json"); });
        QVERIFY(lab_->saveAs());
        QVERIFY(lab_->windowTitle().startsWith("copy.json"));
    }

    void aLabFileGivenAsAnArgumentOpensInTheLab()
    {
        const QString sample = sourceDir() + "/resources/labs/two-runs.json";
        QCOMPARE(fileKindOf(sample), FileKind::Lab);
        QCOMPARE(fileKindOf(sourceDir() + "/resources/logs/toy-quadratic.json"), FileKind::Log);
        answer(QMessageBox::Discard);
        QSignalSpy opened(lab_.data(), &ScheduleLabWindow::labOpened);
        QVERIFY(harness_.window->openFile(sample));  // what `commutelab FILE` calls
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 120000);
        QVERIFY(waitForOpened(lab_, true));
        QCOMPARE(lab_->filePath(), sample);
        QVERIFY(lab_->labFile() == loadLabFile(sample.toStdString()));
        QCOMPARE(lab_->runsPanel()->runs().size(), std::size_t(2));
    }

    void everyLabFigureFromTheWindowEqualsTheCommandLine()
    {
        // The lab opened above from resources/labs/two-runs.json; each figure exported from its
        // window and rendered from the file by `commutelab render`: byte-identical SVG and CSV.
        const QString sample = lab_->filePath();
        const FigureOptions options{720, 480, 96, {}};
        const std::vector<std::pair<QString, std::function<void(const QString&)>>> views{
            {"loss", [&](const QString& p) { lab_->runsPanel()->plots()->lossPlot()->exportFigure(p, options); }},
            {"plane", [&](const QString& p) { lab_->runsPanel()->plots()->planePlot()->exportFigure(p, options); }},
            {"pmatrix", [&](const QString& p) { lab_->pMatrixPanel()->plot()->exportFigure(p, options); }},
            {"histogram", [&](const QString& p) { lab_->table1Panel()->histogram()->exportFigure(p, options); }},
            {"schedule", [&](const QString& p) { lab_->runsPanel()->editorPanel()->exportFigure(p, options); }},
        };
        for (const auto& [view, exportFromWindow] : views) {
            const QString gui = dir_.filePath("gui-" + view + ".svg"), cli = dir_.filePath("cli-" + view + ".svg");
            exportFromWindow(gui);
            const Run t = runProgram(qEnvironmentVariable("COMMUTELAB_BINARY"),
                                     {"render", "--lab", sample, "--view", view, "--out", cli, "--width", "720",
                                      "--height", "480", "--dpi", "96", "--data"});
            QVERIFY2(t.exitCode == 0, qPrintable(view + ": " + t.err));
            const QByteArray svg = contents(gui);
            QVERIFY2(svg.size() > 1000, qPrintable(view));
            QVERIFY2(svg == contents(cli), qPrintable(view + ": the window's SVG and render's SVG differ"));
            const QByteArray csv = contents(figureDataPath(gui));
            QVERIFY2(csv.count('\n') > 3, qPrintable(view));
            QVERIFY2(csv == contents(figureDataPath(cli)), qPrintable(view + ": the CSVs differ"));
        }
        // A lab file with a located error is refused by render with its place.
        QFile bad(dir_.filePath("bad.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"format\": \"commutelab-lab\", \"version\": 1,\n \"model\": {\"domains\": 1}}");
        bad.close();
        const Run t = runProgram(qEnvironmentVariable("COMMUTELAB_BINARY"),
                                 {"render", "--lab", bad.fileName(), "--out", dir_.filePath("bad.svg")});
        QCOMPARE(t.exitCode, 1);
        QVERIFY2(t.err.contains("bad.json:2:23: field 'model.domains': must be an integer between 2 and 8"),
                 qPrintable(t.err));
    }

    void quittingWithChangesAsksAndSaveWrites()
    {
        const QString path = dir_.filePath("quit.json");
        QVERIFY(lab_->saveLabFileAs(path));
        lab_->findChild<QSpinBox*>("seedSpin")->setValue(11);
        answer(QMessageBox::Cancel);
        const int before = asked_;
        QVERIFY(!harness_.window->close());
        QCOMPARE(asked_, before + 1);
        QVERIFY(harness_.window->isVisible() && lab_->isVisible());
        answer(QMessageBox::Save);
        QVERIFY(harness_.window->close());
        QCOMPARE(asked_, before + 2);
        QCOMPARE(loadLabFile(path.toStdString()).model.seed, std::uint64_t(11));
    }

    void cleanupTestCase() { harness_.window.reset(); }
};

QTEST_MAIN(TestLabFileWindow)
#include "test_lab_file_window.moc"
