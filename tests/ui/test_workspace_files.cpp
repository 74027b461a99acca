// The workspace's files and other windows: sessions (save, reopen, a bad file), exports of
// figures and fields, the Tools / Open log / drag-and-drop entries, and options that persist
// across a re-created window (settings in a temporary folder).

#include "ui/FigureExport.h"
#include "ui/LandscapeFigure.h"
#include "ui/LandscapeSession.h"
#include "ui/LandscapeView.h"
#include "ui/MainWindow.h"
#include "ui/logs/LogWindow.h"
#include "ui/workspace/LinkedViews.h"
#include "ui/workspace/OptionsDialog.h"
#include "ui/workspace/PointFlowsController.h"
#include "WorkspaceHarness.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QMimeData>
#include <QSpinBox>
#include <QStatusBar>
#include <QtTest>

using namespace cl;
using namespace cl::ui;

#ifndef COMMUTELAB_TEST_SOURCE_DIR
#define COMMUTELAB_TEST_SOURCE_DIR "."
#endif

class TestWorkspaceFiles : public QObject {
    Q_OBJECT

private:
    cl::testing::WorkspaceHarness harness_;
    std::unique_ptr<MainWindow>& window_ = harness_.window;

    std::shared_ptr<const FieldGrid> gridAfter(const std::function<void()>& change) { return harness_.gridAfter(change); }
    void typeExpression(const char* edit, const QString& text) { harness_.typeExpression(edit, text); }

private slots:
    void initTestCase() { QVERIFY(harness_.open()); }

    void sessionSaveMarksTitleAndReopens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("work.json");
        window_->flows()->addPoint(ClickedPointSpec{0.5, 0.5, 0.1});
        QVERIFY(window_->saveSessionAs(path));
        QVERIFY(!window_->isWindowModified());
        QVERIFY(window_->windowTitle().startsWith("work.json"));
        const LandscapeSession saved = window_->session();
        gridAfter([&] { typeExpression("l1Edit", "x^4 + y^2"); });
        QVERIFY(window_->isWindowModified());
        QVERIFY(window_->openSession(path));
        QVERIFY(!window_->isWindowModified());
        QVERIFY(window_->session() == saved);
        QCOMPARE(QSettings("CommuteLab", "CommuteLab").value("landscape/recentSessions").toStringList().value(0),
                 QFileInfo(path).absoluteFilePath());
        window_->flows()->clearPoints();

        // A bad file: false, the located message in the status bar, nothing else changes.
        QFile bad(dir.filePath("bad.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"version\": 1, \"l1\": \"x^2\", \"l2\": \"y^2\", \"grid\": {\"n\": 5}}");
        bad.close();
        const LandscapeSession current = window_->session();
        QVERIFY(!window_->openSession(bad.fileName()));
        // Located at the grid object that lacks the field: line 1, column 50.
        QCOMPARE(window_->statusBar()->currentMessage(), bad.fileName() + ":1:50: field 'grid.xmin': missing");
        QVERIFY(window_->session() == current);
        QVERIFY(window_->windowTitle().startsWith("work.json"));
        auto* box = window_->findChild<QMessageBox*>("errorBox");
        QVERIFY(box);
        box->close();
    }

    void exportsWriteFiles()
    {
        QTemporaryDir dir;
        FigureOptions options;
        options.width = 900;
        options.height = 700;
        window_->exportFigure(dir.filePath("view.png"), options);
        window_->exportFigure(dir.filePath("figure1.svg"), options, landscapeViewPanels("figure1"));
        window_->exportFields(dir.filePath("fields.vti"));
        window_->exportFields(dir.filePath("fields.csv"));
        QImage png(dir.filePath("view.png"));
        QCOMPARE(png.size(), QSize(900, 700));
        QVERIFY(QFileInfo(dir.filePath("figure1.svg")).size() > 1000);
        QVERIFY(QFileInfo(dir.filePath("fields.vti")).size() > 1000);
        QFile csv(dir.filePath("fields.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readLine().trimmed(), QByteArray("x,y,l1,l2,g1x,g1y,g2x,g2y,rx,ry,p,region"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, window_->exportFields(dir.filePath("fields.txt")));
    }

    void toolsOpenTheOtherWindows()
    {
        window_->findChild<QAction*>("scheduleLabAction")->trigger();
        auto* lab = window_->findChild<QMainWindow*>("scheduleLab");
        QVERIFY(lab && lab->isVisible());
        lab->close();

        const QString log = qEnvironmentVariable("COMMUTELAB_SOURCE_DIR", COMMUTELAB_TEST_SOURCE_DIR) +
                            "/resources/logs/toy-quadratic.json";
        QVERIFY(QFileInfo::exists(log));
        cl::ui::logs::LogWindow* opened = window_->openLog(log);
        QVERIFY(opened->log());
        opened->close();

        // Dropping a log opens a log window; dropping a session opens the session.
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(log)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window_.get(), &enter);
        QVERIFY(enter.isAccepted());
        const int before = int(window_->findChildren<cl::ui::logs::LogWindow*>().size());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window_.get(), &drop);
        const auto windows = window_->findChildren<cl::ui::logs::LogWindow*>();
        QCOMPARE(int(windows.size()), before + 1);
        QCOMPARE(windows.back()->currentPath(), log);
        windows.back()->close();
    }

    void optionsPersistAcrossWindows()
    {
        auto* dialog = window_->optionsDialog();
        dialog->findChild<QSpinBox*>("arrowDensity")->setValue(17);
        dialog->findChild<QComboBox*>("arrowScaling")->setCurrentIndex(int(LandscapeOptions::ArrowScaling::Log));
        dialog->findChild<QComboBox*>("colorMap")->setCurrentText("magma");
        dialog->findChild<QSpinBox*>("gridSize")->setValue(150);
        QCOMPARE(window_->view(LandscapePanel::L2)->options().arrowDensity, 17);
        window_->findChild<QComboBox*>("layoutCombo")->setCurrentIndex(3);
        window_.reset();

        window_ = std::make_unique<MainWindow>();
        QCOMPARE(window_->options().arrowDensity, 17);
        QCOMPARE(window_->options().arrowScaling, LandscapeOptions::ArrowScaling::Log);
        QCOMPARE(window_->options().colorMap, std::string("magma"));
        QCOMPARE(window_->view(LandscapePanel::Bracket)->options().colorMap, std::string("magma"));
        QCOMPARE(window_->gridSpec().n, 150);
        QCOMPARE(window_->linkedViews()->singlePanel(), std::optional(LandscapePanel::Bracket));
        QCOMPARE(window_->optionsDialog()->findChild<QSpinBox*>("arrowDensity")->value(), 17);
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestWorkspaceFiles)
#include "test_workspace_files.moc"
