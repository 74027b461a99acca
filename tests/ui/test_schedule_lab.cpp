// The Schedule lab end to end: a model built through the widgets, a run integrated in the
// background whose plotted losses are core's closed-form flow, the editor's presets against
// core's schedules, the equal-amounts rule, the planner panel, the P-matrix, Table 1 and figure
// export. Set COMMUTELAB_SCREENSHOT=/path.png to save a picture of the window.

#include "ui/schedule/PMatrixPanel.h"
#include "ui/schedule/PlannerPanel.h"
#include "ui/schedule/PlotView.h"
#include "ui/schedule/RunPlots.h"
#include "ui/schedule/RunsPanel.h"
#include "ui/schedule/ScheduleEditorPanel.h"
#include "ui/schedule/ScheduleLabWindow.h"
#include "ui/schedule/Table1Panel.h"
#include "ui/schedule/TaskBar.h"

#include "core/WeightedSumLoss.h"
#include "core/planner/TournamentPlanner.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSurfaceFormat>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include "ui/VtkOpenGLHost.h"

#include <QtTest>

using namespace cl;
using namespace cl::ui::schedule;

namespace {

const Series* findSeries(const std::vector<Series>& series, const QString& name)
{
    for (const Series& s : series)
        if (s.name == name) return &s;
    return nullptr;
}

void typeWeights(QWidget* root, const QString& text)
{
    auto* edit = root->findChild<QLineEdit*>("segmentWeightsEdit");
    QVERIFY(edit);
    edit->setText(text);
    QTest::keyClick(edit, Qt::Key_Return);
}

}  // namespace

class TestScheduleLab : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ScheduleLabWindow> window_;
    QTemporaryDir dir_;

    template <class T>
    T* child(const char* name)
    {
        T* w = window_->findChild<T*>(name);
        if (!w) qWarning("no child named %s", name);
        return w;
    }

private slots:
    void initTestCase()
    {
        cl::ui::useVtkSurfaceFormat();
        window_ = std::make_unique<ScheduleLabWindow>();
        window_->resize(1500, 1000);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QTRY_VERIFY_WITH_TIMEOUT(window_->model() != nullptr, 60000);
    }

    void buildsModelAndRunsConstantSchedule()
    {
        child<QSpinBox>("domainsSpin")->setValue(3);
        child<QSpinBox>("dimensionSpin")->setValue(20);
        QTest::mouseClick(child<QPushButton>("buildModelButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window_->model() && window_->model()->spec.dimension == 20, 30000);
        QCOMPARE(window_->model()->domainCount(), 3);

        // A new model resets the editor to the constant mix.
        ScheduleEditorPanel* editor = window_->runsPanel()->editorPanel();
        QCOMPARE(editor->editor()->segments().size(), std::size_t(1));
        QTest::mouseClick(child<QPushButton>("addRunButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window_->runsPanel()->runs().size(), std::size_t(1), 30000);

        // Core, independently: the same model and schedule through the closed-form flow.
        const QuadraticModel model = sampleQuadraticModel(window_->modelSpec());
        const double T = editor->horizon();
        const Schedule constant = Schedule::constant({1.0 / 3, 1.0 / 3, 1.0 / 3});
        const Vector theta = model.exactFlow().flow(constant, model.theta0, 0, T);
        const auto& plotted = window_->runsPanel()->plots()->lossSeries();
        double mean = 0;
        for (int k = 0; k < 3; ++k) {
            const Series* s = findSeries(plotted, QString("run 1: L%1").arg(k + 1));
            QVERIFY(s);
            QCOMPARE(s->x.back(), T);
            const double expected = model.domains[std::size_t(k)]->value(theta);
            QVERIFY2(std::abs(s->y.back() - expected) <= 1e-9, qPrintable(QString::number(s->y.back() - expected)));
            mean += expected / 3;
        }
        const Series* target = findSeries(plotted, "run 1: mean");
        QVERIFY(target);
        QVERIFY(std::abs(target->y.back() - mean) <= 1e-9);
        // The plane shows the primary path and the extra starts.
        const int starts = child<QSpinBox>("extraStartsSpin")->value();
        QCOMPARE(int(window_->runsPanel()->plots()->planeSeries().size()), 1 + starts + 1);
    }

    void interventionPresetIsCoresSchedule()
    {
        ScheduleEditorPanel panel;
        panel.setDomainCount(2);
        panel.findChild<QDoubleSpinBox*>("interventionWSpin")->setValue(0.5);
        panel.findChild<QDoubleSpinBox*>("interventionT0Spin")->setValue(1.0);
        panel.findChild<QDoubleSpinBox*>("interventionDtSpin")->setValue(0.25);
        panel.findChild<QDoubleSpinBox*>("interventionDwSpin")->setValue(0.3);
        panel.findChild<QComboBox*>("interventionOrderCombo")->setCurrentIndex(1);
        panel.findChild<QComboBox*>("presetCombo")->setCurrentIndex(ScheduleEditorPanel::Intervention);
        QTest::mouseClick(panel.findChild<QPushButton*>("applyPresetButton"), Qt::LeftButton);

        const Schedule expected = interventionSchedule(0.5, 1.0, 0.25, 0.3, InterventionOrder::TwoThenOne);
        const auto& segments = panel.editor()->segments();
        QCOMPARE(segments.size(), expected.segments().size());
        for (std::size_t s = 0; s < segments.size(); ++s) {
            QCOMPARE(segments[s].start, expected.segments()[s].start);
            QCOMPARE(segments[s].weights, expected.segments()[s].weights);
        }
        QVERIFY(panel.errorText().isEmpty());
        QVERIFY(panel.editor()->schedule().has_value());

        // An invalid segment shows core's own message inline.
        typeWeights(&panel, "0.5, 0.6");
        QVERIFY(!panel.editor()->schedule().has_value());
        QString coreMessage;
        try {
            Schedule(panel.editor()->segments(), 2);
        } catch (const ScheduleError& e) {
            coreMessage = QString::fromStdString(e.what());
        }
        QVERIFY(!coreMessage.isEmpty());
        QCOMPARE(panel.findChild<QLabel*>("scheduleError")->text(), coreMessage);

        // A preset whose parameters core rejects keeps the segments and says why.
        panel.findChild<QDoubleSpinBox*>("interventionDwSpin")->setValue(0.9);
        panel.applyPreset(ScheduleEditorPanel::Intervention);
        QVERIFY(!panel.errorText().isEmpty());
    }

    void dragsBreakpoints()
    {
        ScheduleEditorPanel panel;
        panel.setDomainCount(2);
        panel.applyPreset(ScheduleEditorPanel::MoreAtEnd);  // breakpoint at T/2 = 1.5
        ScheduleEditor* editor = panel.editor();
        editor->resize(700, 150);
        QCOMPARE(editor->segments()[1].start, 1.5);
        // The plot spans x = 36 .. 636 for t = 0 .. 3 at this width (the legend takes the right).
        QTest::mousePress(editor, Qt::LeftButton, {}, QPoint(336, 60));
        QTest::mouseMove(editor, QPoint(436, 60));
        QTest::mouseRelease(editor, Qt::LeftButton, {}, QPoint(436, 60));
        QVERIFY(std::abs(editor->segments()[1].start - 2.0) < 1e-9);
        QVERIFY(editor->schedule().has_value());
        // A click elsewhere selects the segment under it.
        QTest::mouseClick(editor, Qt::LeftButton, {}, QPoint(500, 60));
        QCOMPARE(editor->selectedSegment(), 1);
    }

    void refusesRunsWithOtherAmounts()
    {
        RunsPanel* runs = window_->runsPanel();
        QCOMPARE(runs->runs().size(), std::size_t(1));
        typeWeights(window_.get(), "0.5, 0.25, 0.25");
        QVERIFY(runs->editorPanel()->editor()->schedule().has_value());
        QTest::mouseClick(child<QPushButton>("addRunButton"), Qt::LeftButton);
        QVERIFY(runs->message().startsWith("Refused"));
        QVERIFY(runs->message().contains("amount"));
        QVERIFY(!runs->taskBar()->isRunning());
        QCOMPARE(runs->runs().size(), std::size_t(1));

        // "More of domain 2 at the end" keeps every amount: accepted.
        child<QSpinBox>("moreAtEndDomainSpin")->setValue(2);
        child<QDoubleSpinBox>("interventionDwSpin")->setValue(0.2);
        runs->editorPanel()->applyPreset(ScheduleEditorPanel::MoreAtEnd);
        QVERIFY(runs->editorPanel()->errorText().isEmpty());
        QVERIFY(runs->addRun());
        QTRY_COMPARE_WITH_TIMEOUT(runs->runs().size(), std::size_t(2), 30000);
        QVERIFY(runs->message().isEmpty());
    }

    void cancelledRunIsDropped()
    {
        RunsPanel* runs = window_->runsPanel();
        const std::size_t before = runs->runs().size();
        QVERIFY(runs->addRun());
        QTest::mouseClick(child<QPushButton>("runCancel"), Qt::LeftButton);
        QVERIFY(!runs->taskBar()->isRunning());
        QTest::qWait(500);
        QCOMPARE(runs->runs().size(), before);
        QVERIFY(runs->taskBar()->statusText().contains("cancelled"));
    }

    void pMatrixIsCoresAlongTheRun()
    {
        PMatrixPanel* panel = window_->pMatrixPanel();
        panel->showAt(1, 100);
        const RunRecord& run = *window_->runsPanel()->runs()[1];
        const Matrix expected = pairwiseOrderMatrix(window_->model()->losses, *window_->model()->target,
                                                    run.primary.states[100]);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->taskBar()->isRunning() && panel->time() == run.primary.times[100], 10000);
        QCOMPARE(panel->matrix().rows(), 3);
        QVERIFY((panel->matrix() - expected).cwiseAbs().maxCoeff() <= 1e-12);
        QVERIFY((panel->matrix() + panel->matrix().transpose()).cwiseAbs().maxCoeff() <= 1e-12);
    }

    void plannerShowsPlannedOrder()
    {
        // The tab shows core's exact plan (auto for K = 3), its predicted gains, and, next to the
        // brute-force ranking, each order's predicted τ²ΔJ from core; Borda stays one click away.
        const auto model = window_->model();
        const CurriculumPlan plan = planCurriculum(model->losses, *model->target, model->model.theta0);
        PlannerPanel* panel = window_->plannerPanel();
        QVERIFY(panel->plan().has_value());
        QCOMPARE(panel->plan()->ordering.order, plan.ordering.order);
        QCOMPARE(child<QLabel>("plannedOrderLabel")->text(),
                 "Planned order (exact): " + PlannerPanel::orderText(plan.ordering.order));
        const double tau = child<QDoubleSpinBox>("stageTimeSpin")->value();
        QVERIFY(child<QLabel>("plannedGainLabel")
                    ->text()
                    .contains(QString::number(plan.ordering.predictedGain(tau), 'g', 4)));
        QTRY_COMPARE_WITH_TIMEOUT(int(panel->ranking().size()), 6, 30000);
        QVERIFY(panel->plannedRank() >= 1);
        auto* table = child<QTableWidget>("rankingTable");
        const int plannedRow = panel->plannedRank() - 1;
        QCOMPARE(table->item(plannedRow, 1)->text(), PlannerPanel::orderText(plan.ordering.order));
        QCOMPARE(table->item(plannedRow, 4)->text(), QString("0"));
        for (int r = 0; r < 6; ++r)
            QCOMPARE(table->item(r, 4)->text(),
                     QString::number(plan.predictedExcess(panel->ranking()[r].order, tau), 'g', 4));

        auto* method = child<QComboBox>("plannerMethodCombo");
        method->setCurrentIndex(method->findText("borda"));
        const TournamentPlan borda = planTournament(model->losses, *model->target, model->model.theta0);
        QCOMPARE(panel->plan()->ordering.order, borda.order);
        QCOMPARE(child<QLabel>("plannedOrderLabel")->text(),
                 "Planned order (borda): " + PlannerPanel::orderText(borda.order));
        QCOMPARE(int(panel->ranking().size()), 6);  // re-planned without re-ranking
        QCOMPARE(table->item(panel->plannedRank() - 1, 1)->text(), PlannerPanel::orderText(borda.order));
        method->setCurrentIndex(method->findText("auto"));
        QCOMPARE(panel->plan()->ordering.order, plan.ordering.order);
    }

    void table1RunsAndExportsCsv()
    {
        Table1Panel* panel = window_->table1Panel();
        child<QSpinBox>("table1DimensionSpin")->setValue(20);
        child<QSpinBox>("table1TrialsSpin")->setValue(6);
        child<QLineEdit>("table1TimesEdit")->setText("0.1, 1");
        QTest::mouseClick(child<QPushButton>("table1RunButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel->result().has_value(), 60000);
        const Table1Result& result = *panel->result();
        QCOMPARE(result.cells.size(), std::size_t(6));
        auto* table = child<QTableWidget>("table1Table");
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, 2)->text(), Table1Panel::cellText(result.cell(1, 2)));
        // At Δt = 0.001 the observed excess loss is its leading term (science page).
        QVERIFY(std::abs(result.cell(0, 0).median - 1) < 0.02);
        const QString csv = dir_.filePath("table1.csv");
        panel->exportCsv(csv);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString(file.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7);
        QVERIFY(lines[0].startsWith("t,dt,median"));
    }

    void exportsPngAndSvg()
    {
        PlotView* plot = window_->runsPanel()->plots()->lossPlot();
        const QString png = dir_.filePath("losses.png"), svg = dir_.filePath("losses.svg");
        plot->exportFigure(png);
        plot->exportFigure(svg);
        QVERIFY(QFileInfo(png).size() > 0);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<path") || text.contains("<polyline"));
        // The heat map exports as vector rectangles too.
        const QString heat = dir_.filePath("pmatrix.svg");
        window_->pMatrixPanel()->plot()->exportFigure(heat);
        QVERIFY(QFileInfo(heat).size() > 0);
        // The numbers behind each export sit next to it: the curves' points, the matrix's rows.
        QFile curves(dir_.filePath("losses.csv")), matrix(dir_.filePath("pmatrix.csv"));
        QVERIFY(curves.open(QIODevice::ReadOnly) && matrix.open(QIODevice::ReadOnly));
        QVERIFY(curves.readLine().startsWith("series,x,y"));
        QVERIFY(curves.readAll().count('\n') > 10);
        QVERIFY(matrix.readLine().startsWith("row_A,L1,L2"));
    }

    void largeModelSmoke()
    {
        // Opt-in (minutes of CPU): K = 8, n = 2000 through the same widgets.
        if (qEnvironmentVariableIsEmpty("COMMUTELAB_LARGE")) QSKIP("set COMMUTELAB_LARGE=1 to run");
        QElapsedTimer clock;
        clock.start();
        child<QSpinBox>("domainsSpin")->setValue(8);
        child<QSpinBox>("dimensionSpin")->setValue(2000);
        window_->buildModel();
        QTRY_VERIFY_WITH_TIMEOUT(window_->model()->spec.dimension == 2000, 600000);
        qInfo("model: %.1f s", clock.restart() / 1000.0);
        QVERIFY(window_->runsPanel()->addRun());
        QTRY_COMPARE_WITH_TIMEOUT(window_->runsPanel()->runs().size(), std::size_t(1), 600000);
        qInfo("run: %.1f s", clock.restart() / 1000.0);
        window_->pMatrixPanel()->showAt(0, 50);
        QTRY_VERIFY_WITH_TIMEOUT(window_->pMatrixPanel()->matrix().rows() == 8, 60000);
        qInfo("P-matrix: %.1f s", clock.restart() / 1000.0);
    }

    void screenshot()
    {
        const QByteArray path = qgetenv("COMMUTELAB_SCREENSHOT");
        if (path.isEmpty()) QSKIP("COMMUTELAB_SCREENSHOT not set");
        const int tab = qEnvironmentVariableIntValue("COMMUTELAB_SCREENSHOT_TAB");
        window_->tabs()->setCurrentIndex(tab);
        QTest::qWait(500);
        QVERIFY(cl::ui::grabWithVtkViews(window_.get()).save(QString::fromLocal8Bit(path)));
        // The exported figures next to it, to look at what export writes.
        const QString base = QString::fromLocal8Bit(path);
        for (const char* suffix : {".plane.png", ".plane.svg", ".pmatrix.svg", ".pmatrix.pdf"}) {
            PlotView* plot = QString(suffix).contains("plane") ? window_->runsPanel()->plots()->planePlot()
                                                               : window_->pMatrixPanel()->plot();
            plot->exportFigure(base + suffix);
        }
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestScheduleLab)
#include "test_schedule_lab.moc"
