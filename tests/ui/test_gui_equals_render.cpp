// The GUI's export and `commutelab render` write the same files: the landscape workspace's
// Export of a session (its view or Figure 1) against `render --session FILE`, and each log
// view's Export against `render --log FILE --view V` — byte-identical SVG and CSV at the same
// size. (The Schedule lab's figures: tests/ui/test_lab_file_window.cpp.)

#include "CommandRun.h"
#include "FigureFormats.h"
#include "WorkspaceHarness.h"

#include "core/logs/LogFile.h"
#include "ui/FigureExport.h"
#include "ui/LandscapeExport.h"
#include "ui/LandscapeSession.h"
#include "ui/MainWindow.h"
#include "ui/logs/AdviceView.h"
#include "ui/logs/FigureHost.h"
#include "ui/logs/LogFigures.h"
#include "ui/logs/ParetoView.h"
#include "ui/logs/PredictionView.h"
#include "ui/logs/RmsView.h"
#include "ui/workspace/PointFlowsController.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cl;
using namespace cl::ui;

Q_DECLARE_METATYPE(cl::LandscapeSession)

namespace {

QString sourceDir()
{
    return qEnvironmentVariable("COMMUTELAB_SOURCE_DIR");
}

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Both files equal, and not trivially: an SVG with drawing in it, a CSV with rows.
void expectSameFiles(const QString& gui, const QString& cli, const QString& what)
{
    const QByteArray svg = fileBytes(gui);
    QVERIFY2(svg.size() > 1000, qPrintable(what + ": the GUI wrote no figure"));
    QVERIFY2(svg == fileBytes(cli), qPrintable(what + ": the GUI's SVG and render's SVG differ"));
    const QByteArray csv = fileBytes(figureDataPath(gui));
    QVERIFY2(csv.count('\n') > 2, qPrintable(what + ": the GUI wrote no data"));
    QVERIFY2(csv == fileBytes(figureDataPath(cli)), qPrintable(what + ": the GUI's CSV and render's CSV differ"));
}

LandscapeSession session(const std::string& target, GridSpec grid, const std::string& layout)
{
    LandscapeSession s;
    s.l1 = "0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y";
    s.l2 = "log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)";
    s.target = target;
    s.grid = grid;
    s.layout = layout;
    return s;
}

}  // namespace

class TestGuiEqualsRender : public QObject {
    Q_OBJECT

private:
    cl::testing::WorkspaceHarness harness_;

private slots:
    void initTestCase() { QVERIFY(harness_.open()); }

    void landscapeExportEqualsRenderSession_data()
    {
        QTest::addColumn<LandscapeSession>("saved");
        QTest::addColumn<QString>("view");        // the render --view; empty: the session's layout
        QTest::addColumn<QString>("targetName");  // how the P map must name the target

        LandscapeSession f1 = session("weighted:0.3", GridSpec{-2.5, 3, -2, 2.5, 90}, "side-by-side");
        f1.points = {{0.5, -1, 0.1}, {-1.5, 1.2, 0.2}};
        f1.descentL1 = true;
        QTest::newRow("figure 1, weighted target, points, descent") << f1 << "figure1"
                                                                    << "0.3 L₁ + 0.7 L₂";

        LandscapeSession pmap = session("expr:0.7*L1 + 0.3*L2", GridSpec{-3, 3, -3, 3, 80}, "single:pmap");
        pmap.points = {{1, 0.5, 0.1}};
        pmap.options.divergingMap = "PuOr";
        pmap.options.pScale.symLog = true;
        QTest::newRow("P map of the layout, expression target") << pmap << ""
                                                                << "0.7*L1 + 0.3*L2";

        LandscapeSession zoom = session("l2", GridSpec{-1, 1.5, -1.25, 0.75, 70}, "single:bracket");
        zoom.options.colorMap = "cividis";
        zoom.options.arrowDensity = 12;
        QTest::newRow("zoomed bracket, target L2") << zoom << "bracket"
                                                   << "L₂";
    }

    void landscapeExportEqualsRenderSession()
    {
        // The session is opened in the window, which samples it and computes its flows; the
        // window's Export then writes what `render --session` writes from the same file.
        QFETCH(LandscapeSession, saved);
        QFETCH(QString, view);
        QFETCH(QString, targetName);
        QTemporaryDir dir;
        const QString file = dir.filePath("study.json");
        saveSession(saved, file.toStdString());
        MainWindow& window = *harness_.window;
        QVERIFY(window.openSession(file));
        const auto ready = [&] {
            const auto grid = window.figureSpec({}).grid;
            const auto overlays = window.flows()->overlays();
            return grid && grid->spec.n == saved.grid.n && grid->spec.xmin == saved.grid.xmin &&
                   !window.flows()->isBusy() && overlays && overlays->points.size() == saved.points.size();
        };
        QVERIFY2(QTest::qWaitFor(ready, 60000), "the window did not sample the session");
        QTest::qWait(300);  // a preview grid is followed by the full one: let that settle
        QVERIFY(ready());

        const std::vector<LandscapePanel> panels =
            view.isEmpty() ? std::vector<LandscapePanel>{} : landscapeViewPanels(view.toStdString());
        const LandscapeFigureSpec spec = window.figureSpec(panels);
        QCOMPARE(spec.targetLabel, targetName.toStdString());
        QVERIFY(spec.view && spec.view->xmin == saved.grid.xmin && spec.view->ymax == saved.grid.ymax);

        const QString gui = dir.filePath("gui.svg"), cli = dir.filePath("cli.svg");
        window.exportFigure(gui, landscapeFigureOptions(spec), panels);
        QStringList args{"render", "--session", file, "--out", cli, "--data"};
        if (!view.isEmpty()) args << "--view" << view;
        const Run t = runProgram(qEnvironmentVariable("COMMUTELAB_BINARY"), args);
        QVERIFY2(t.exitCode == 0, qPrintable(t.err));
        expectSameFiles(gui, cli, QTest::currentDataTag());

        // What they agree on is the session: the P map names its target as the window does, and
        // the data starts at the session's corner.
        if (spec.panels.front() == LandscapePanel::PMap)
            QVERIFY2(figtest::svgTexts(cli).join("").contains(targetName),
                     qPrintable(figtest::svgTexts(cli).join("|")));
        const QList<QByteArray> rows = fileBytes(figureDataPath(cli)).split('\n');
        QCOMPARE(rows.value(1).split(',').value(0).toDouble(), saved.grid.xmin);
        QCOMPARE(rows.value(1).split(',').value(1).toDouble(), saved.grid.ymin);
    }

    void logExportEqualsRenderLog_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QString>("log");
        for (const char* view : {"pareto", "prediction", "advice"})
            QTest::newRow(view) << QString(view) << QStringLiteral("toy-quadratic.json");
        QTest::newRow("rms") << QStringLiteral("rms") << QStringLiteral("bilingual-balanced.jsonl");
        QTest::newRow("prediction (bilingual)")
            << QStringLiteral("prediction") << QStringLiteral("bilingual-balanced.jsonl");
    }

    void logExportEqualsRenderLog()
    {
        // Each log view of the window, given the log as the window gives it, exports what
        // `commutelab render --log … --view …` writes at the same size (720×480).
        QFETCH(QString, view);
        QFETCH(QString, log);
        const QString path = sourceDir() + "/resources/logs/" + log;
        const auto runLog = std::make_shared<const cl::logs::RunLog>(cl::logs::readLog(path.toStdString()));
        const QString title = ui::logs::logFigure(runLog, view.toStdString()).title;
        std::unique_ptr<QWidget> widget;
        const ui::logs::FigureHost* host = nullptr;
        if (view == "pareto") {
            auto* w = new ui::logs::ParetoView;
            w->setLog(runLog);
            host = w->plot();
            widget.reset(w);
        } else if (view == "prediction") {
            auto* w = new ui::logs::PredictionView;
            w->setLog(runLog);
            host = w->plot();
            widget.reset(w);
        } else if (view == "advice") {
            auto* w = new ui::logs::AdviceView;
            w->setLog(runLog);
            host = w->plot();
            widget.reset(w);
        } else {
            auto* w = new ui::logs::RmsView;
            w->setLog(runLog);
            host = w->plot();
            widget.reset(w);
        }
        QTemporaryDir dir;
        const QString gui = dir.filePath("gui.svg"), cli = dir.filePath("cli.svg");
        QString error;
        QVERIFY2(host->exportFigure(gui, FigureOptions{720, 480, 96, title}, &error), qPrintable(error));
        const Run t = runProgram(
            qEnvironmentVariable("COMMUTELAB_BINARY"),
            {"render", "--log", path, "--view", view, "--out", cli, "--width", "720", "--height", "480", "--data"});
        QVERIFY2(t.exitCode == 0, qPrintable(t.err));
        expectSameFiles(gui, cli, view);
    }
};

QTEST_MAIN(TestGuiEqualsRender)
#include "test_gui_equals_render.moc"
