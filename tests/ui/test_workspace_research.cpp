// The landscape workspace as a researcher uses it (issue 17): the order effect of clicked points
// follows Δt and the losses with core's numbers and is read out and magnified; the P map's colour
// limit survives poles and "undefined" looks the same in every panel; targets name L1 and L2;
// undo restores the exact previous state; unsaved changes are asked about; files open by content.

#include "../../ui/drawing/src/figure/FieldStatistics.h"
#include "WorkspaceHarness.h"
#include "core/expr/Expression.h"
#include "core/expr/ExpressionLoss.h"
#include "core/landscape/OrderEffect.h"
#include "core/landscape/PointFlows.h"
#include "ui/FieldComputation.h"
#include "ui/LandscapeColors.h"
#include "ui/LandscapeView.h"
#include "ui/LossPanel.h"
#include "ui/MainWindow.h"
#include "ui/logs/LogWindow.h"
#include "ui/schedule/ScheduleEditor.h"
#include "ui/schedule/ScheduleEditorPanel.h"
#include "ui/workspace/FileKind.h"
#include "ui/workspace/OrderEffectPanel.h"
#include "ui/workspace/ParallelogramInset.h"
#include "ui/workspace/PointFlowsController.h"
#include "ui/workspace/TargetSelector.h"
#include "ui/workspace/WorkspaceHistory.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>
#include <cstdlib>

using namespace cl;
using namespace cl::ui;

namespace {

Vector point(double x, double y)
{
    Vector v(2);
    v << x, y;
    return v;
}

bool close(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance * (1 + std::abs(b));
}

/// The 99th percentile of |P| over cells more than `away` from the line x = 0 (the "finite field").
double percentileAwayFromZero(const FieldGrid& g, double away)
{
    std::vector<double> m;
    for (int j = 0; j < g.spec.n; ++j)
        for (int i = 0; i < g.spec.n; ++i)
            if (std::abs(g.spec.x(i)) > away && std::isfinite(g.p[g.index(i, j)]))
                m.push_back(std::abs(g.p[g.index(i, j)]));
    std::sort(m.begin(), m.end());
    return m[static_cast<std::size_t>(0.99 * double(m.size() - 1))];
}

}  // namespace

class TestWorkspaceResearch : public QObject {
    Q_OBJECT

private:
    cl::testing::WorkspaceHarness harness_;
    std::unique_ptr<MainWindow>& window_ = harness_.window;
    QTemporaryDir files_;

    /// Waits until the flows controller is idle with `count` points whose Δt is `dt`.
    bool flowsSettled(std::size_t count, double dt)
    {
        return QTest::qWaitFor(
            [&] {
                const auto o = window_->flows()->overlays();
                if (window_->flows()->isBusy() || o->points.size() != count) return false;
                for (const auto& p : o->points)
                    if (p.dt != dt || !p.effect) return false;
                return true;
            },
            30000);
    }

    /// Every point's end points and read-out are core's for the window's current losses.
    void verifyCoreValues(double dt)
    {
        const auto o = window_->flows()->overlays();
        const LossPtr l1 = window_->lossPanel()->l1(), l2 = window_->lossPanel()->l2();
        const LossPtr target = window_->lossPanel()->target().asLoss({l1, l2});
        for (const auto& p : o->points) {
            const PointFlows expected = computePointFlows(l1, l2, point(p.x, p.y), dt);
            const OrderEffect effect = orderEffect(expected, l1, l2, target, point(p.x, p.y), dt);
            for (int d = 0; d < 2; ++d) {
                QVERIFY(close(p.effect->oneThenTwo[d], effect.oneThenTwo[d]));
                QVERIFY(close(p.effect->twoThenOne[d], effect.twoThenOne[d]));
                QVERIFY(close(p.effect->base[d], effect.base[d]));
                QVERIFY(close(p.flows->predictedOneThenTwo[d], expected.predictedOneThenTwo[d]));
            }
            for (int k = 0; k < 3; ++k)
                QVERIFY(close(p.effect->excessOneThenTwo[k].observed, effect.excessOneThenTwo[k].observed));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(harness_.open());
        QVERIFY(files_.isValid());
        window_->setUnsavedChangesAnswer([] { return QMessageBox::Discard; });
    }

    void dtAndLossChangesMoveExistingEndPoints()
    {
        auto* dt = window_->findChild<QDoubleSpinBox*>("dtSpin");
        dt->setValue(0.2);
        window_->flows()->clearPoints();
        window_->flows()->addPoint(ClickedPointSpec{0.4, -0.3, 0.2});
        window_->flows()->addPoint(ClickedPointSpec{-1.1, 1.2, 0.2});
        QVERIFY(flowsSettled(2, 0.2));
        verifyCoreValues(0.2);
        const Vector before = window_->flows()->overlays()->points[0].effect->oneThenTwo;

        dt->setValue(0.45);  // both existing points follow
        QVERIFY(flowsSettled(2, 0.45));
        verifyCoreValues(0.45);
        QVERIFY((window_->flows()->overlays()->points[0].effect->oneThenTwo - before).norm() > 1e-3);

        harness_.typeExpression("l1Edit", "0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.6*x*y");  // a loss change too
        QVERIFY(QTest::qWaitFor([&] { return window_->lossPanel()->l1Applied().contains("0.6*x*y"); }, 10000));
        QVERIFY(flowsSettled(2, 0.45));
        QTest::qWait(100);
        QVERIFY(flowsSettled(2, 0.45));
        verifyCoreValues(0.45);

        // The read-out lists core's numbers; the inset magnifies the chosen point and says how much.
        OrderEffectPanel* panel = window_->orderEffectPanel();
        const OrderEffect& e = *window_->flows()->overlays()->points[1].effect;
        const QString text = panel->readoutText();
        QVERIFY2(text.contains(QString::number(e.alongBracketOneThenTwo.ratio(), 'g', 4)), qPrintable(text));
        QString predicted = QString::number(e.excessOneThenTwo[2].predicted, 'g', 4);
        if (predicted.startsWith('-')) predicted.replace(0, 1, QChar(0x2212));  // the read-out's minus sign
        QVERIFY2(text.contains(predicted), qPrintable(predicted));
        QCOMPARE(panel->pointSpin()->value(), 2);
        const QString scale = panel->inset()->scaleText();
        QVERIFY2(scale.contains("\u00d7"), qPrintable(scale));
        const double magnification = 6.0 / (2 * insetSquare(e).halfSide);
        QVERIFY2(magnification > 1, qPrintable(scale));  // ×4.2 at Δt = 0.45, ×30 and more at Δt = 0.1
        QVERIFY(scale.contains(QString::number(magnification, 'g', 3)));

        if (const char* dir = std::getenv("COMMUTELAB_TEST_OUTPUT")) {  // docs/order-effect.png
            dt->setValue(0.15);
            QVERIFY(flowsSettled(2, 0.15));
            QTest::qWait(500);
            auto* dock = window_->findChild<QDockWidget*>("orderEffectDock");
            const QImage panelShot = dock->grab().toImage();
            panelShot.copy(0, 0, panelShot.width(), std::min(panelShot.height(), 850)).save(QString(dir) + "/order-effect.png");
            grabWithVtkViews(window_.get())
                .scaledToWidth(1000, Qt::SmoothTransformation)
                .save(QString(dir) + "/workspace-order-effect.png");
        }
        window_->flows()->clearPoints();
    }

    void poleKeepsThePColourLimit()
    {
        const auto grid = harness_.gridAfter(
            [&] { window_->lossPanel()->setExpressions(LossPanel::defaultL1(), "1/x + (y+0.5)^2"); });
        QVERIFY(grid);
        const auto data = sharedFieldData(grid, window_->options());  // what the P view draws
        const double finite = percentileAwayFromZero(*grid, 0.5);
        QVERIFY2(data->pScale.limit < 10 * finite && data->pScale.limit > finite / 10,
                 qPrintable(QString("limit %1, finite field %2").arg(data->pScale.limit).arg(finite)));
        QVERIFY(data->pScale.description.find("robust") != std::string::npos);

        // Manual limits and symlog reach the P view, and the colour bar's description says so.
        LandscapeOptions options = window_->options();
        options.pScale.limits = ColorScaleSpec::Limits::Manual;
        options.pScale.manualLimit = 3;
        options.pScale.symLog = true;
        window_->setOptions(options);
        const auto manual = sharedFieldData(grid, window_->options());
        QCOMPARE(manual->pScale.limit, 3.0);
        QVERIFY(manual->pScale.symLog);
        QVERIFY(manual->pScale.description.find("manual") != std::string::npos);
        window_->setOptions(LandscapeOptions{});

        // log(x) is undefined for x <= 0: the L2 panel shows it in the bracket panel's grey.
        const auto logGrid = harness_.gridAfter([&] { harness_.typeExpression("l2Edit", "log(x) + (y+0.5)^2"); });
        QVERIFY(logGrid);
        QTest::qWait(300);
        LandscapeView* l2 = window_->view(LandscapePanel::L2);
        const QImage image = l2->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
        int grey = 0, total = 0;
        for (double x : {-2.6, -2.1, -1.55, -0.8})
            for (double y : {-2.3, -1.45, 0.35, 1.9}) {
                const QPointF p = l2->dataToPixel(x, y);
                const QRgb c = image.pixel(p.toPoint());
                const Rgb u = palette::regionUndefined;
                grey += std::abs(qRed(c) - u.r) < 10 && std::abs(qGreen(c) - u.g) < 10 && std::abs(qBlue(c) - u.b) < 10;
                ++total;
            }
        QVERIFY2(grey >= total - 3, qPrintable(QString("%1 of %2 undefined pixels grey").arg(grey).arg(total)));
        window_->lossPanel()->setExpressions(LossPanel::defaultL1(), LossPanel::defaultL2());
    }

    void targetNamesL1AndL2()
    {
        auto* selector = window_->lossPanel()->targetSelector();
        QVERIFY(selector->setSpec("expr:0.7*L1 + 0.3*L2"));
        QVERIFY(selector->errorText().isEmpty());
        const std::string l1 = window_->lossPanel()->l1Applied().toStdString();
        const std::string l2 = window_->lossPanel()->l2Applied().toStdString();
        const Expression explicitMix = Expression::parse("0.7*(" + l1 + ") + 0.3*(" + l2 + ")");
        const Vector theta = point(0.3, -0.8);
        const LossPtr target = selector->target().custom;
        QVERIFY(target);
        QCOMPARE(target->gradient(theta)[0], explicitMix.jet(0.3, -0.8).dx);
        QCOMPARE(target->hessian(theta)(0, 1), explicitMix.jet(0.3, -0.8).dxy);
        // Editing L1 rebuilds the target over the new text.
        window_->lossPanel()->setExpressions("x^2 + y^2", LossPanel::defaultL2());
        const Expression newMix = Expression::parse("0.7*(x^2 + y^2) + 0.3*(" + l2 + ")");
        QCOMPARE(window_->lossPanel()->target().custom->gradient(theta)[1], newMix.jet(0.3, -0.8).dy);
        QVERIFY(window_->findChild<QLineEdit*>("targetExpression")->minimumWidth() >= 300);
        QVERIFY(selector->setSpec("mean"));
        window_->lossPanel()->setExpressions(LossPanel::defaultL1(), LossPanel::defaultL2());
    }

    void undoRestoresTheExactPreviousState()
    {
        window_->history()->commit();
        const LandscapeSession start = window_->session();
        harness_.typeExpression("l1Edit", "x^2 + 0.5*y^2");
        QVERIFY(QTest::qWaitFor([&] { return window_->lossPanel()->l1Applied() == "x^2 + 0.5*y^2"; }, 10000));
        window_->history()->commit();
        const LandscapeSession afterLoss = window_->session();
        window_->flows()->addPoint(ClickedPointSpec{0.5, 0.5, 0.2});
        window_->lossPanel()->targetSelector()->setSpec("l2");
        window_->lossPanel()->choosePreset(1);
        const LandscapeSession afterPreset = window_->session();
        QVERIFY(!(afterPreset == afterLoss));

        window_->findChild<QAction*>("undoAction")->trigger();  // the preset, target and point were one burst
        QVERIFY(window_->session() == afterLoss);
        window_->findChild<QAction*>("undoAction")->trigger();
        QVERIFY(window_->session() == start);
        QCOMPARE(window_->lossPanel()->l1Text(), QString::fromStdString(start.l1));
        window_->findChild<QAction*>("redoAction")->trigger();
        QVERIFY(window_->session() == afterLoss);
        window_->findChild<QAction*>("redoAction")->trigger();
        QVERIFY(window_->session() == afterPreset);
        QCOMPARE(window_->findChild<QAction*>("undoAction")->shortcut(), QKeySequence(QKeySequence::Undo));
        QCOMPARE(window_->findChild<QAction*>("redoAction")->shortcut(), QKeySequence("Ctrl+Shift+Z"));
    }

    void quittingWithChangesAsks()
    {
        // Unsaved changes: Cancel keeps the window, Save writes the file, Discard closes.
        const QString path = files_.filePath("asked.json");
        QVERIFY(window_->saveSessionAs(path));
        QVERIFY(!window_->isWindowModified());
        window_->lossPanel()->setExpressions("x^2 + y^2 + 0.1*x*y", LossPanel::defaultL2());
        QVERIFY(window_->isWindowModified());
        int asked = 0;
        window_->setUnsavedChangesAnswer([&] {
            ++asked;
            return QMessageBox::Cancel;
        });
        QVERIFY(!window_->close());
        QCOMPARE(asked, 1);
        QVERIFY(window_->isVisible());
        window_->findChild<QAction*>("quitAction")->trigger();  // Ctrl+Q asks too
        QCOMPARE(asked, 2);
        QVERIFY(window_->isVisible());
        // Opening another session asks as well, and Cancel keeps the edits.
        const QString other = files_.filePath("other.json");
        LandscapeSession s = window_->session();
        s.l1 = "x^4 + y^2";
        saveSession(s, other.toStdString());
        QVERIFY(!window_->openFile(other));
        QCOMPARE(asked, 3);
        QCOMPARE(window_->lossPanel()->l1Applied(), QString("x^2 + y^2 + 0.1*x*y"));
        window_->setUnsavedChangesAnswer([&] {
            ++asked;
            return QMessageBox::Save;
        });
        QVERIFY(window_->openFile(other));  // saved first, then opened
        QCOMPARE(loadSession(path.toStdString()).l1, std::string("x^2 + y^2 + 0.1*x*y"));
        QCOMPARE(window_->lossPanel()->l1Applied(), QString("x^4 + y^2"));
        QVERIFY(!window_->isWindowModified());
        QCOMPARE(window_->findChild<QAction*>("saveSessionAsAction")->shortcut(), QKeySequence("Ctrl+Shift+S"));
        window_->setUnsavedChangesAnswer([] { return QMessageBox::Discard; });
    }

    void filesOpenByContent()
    {
        // A log given as an argument (or dropped) opens in a log window, whatever its suffix; a
        // session opens in the workspace even without one.
        const QString source = qEnvironmentVariable("COMMUTELAB_SOURCE_DIR", ".");
        const QString log = source + "/resources/logs/toy-quadratic.json";
        if (!QFile::exists(log)) QSKIP("no sample log in resources/logs");
        QCOMPARE(fileKindOf(log), FileKind::Log);
        const QString renamed = files_.filePath("looks-like-a-session.json");
        QVERIFY(QFile::copy(log, renamed));
        QCOMPARE(fileKindOf(renamed), FileKind::Log);
        const int before = window_->findChildren<cl::ui::logs::LogWindow*>().size();
        QVERIFY(window_->openFile(renamed));
        QCOMPARE(window_->findChildren<cl::ui::logs::LogWindow*>().size(), before + 1);
        const QString bare = files_.filePath("session-without-suffix");
        LandscapeSession s = window_->session();
        s.l2 = "(x+1)^2 + y^2";
        saveSession(s, bare.toStdString());
        QCOMPARE(fileKindOf(bare), FileKind::Session);
        QVERIFY(window_->openFile(bare));
        QCOMPARE(window_->lossPanel()->l2Applied(), QString("(x+1)^2 + y^2"));
        QCOMPARE(fileKindOf(files_.filePath("missing.json")), FileKind::Missing);
        for (auto* w : window_->findChildren<cl::ui::logs::LogWindow*>()) w->close();
    }

    void moreAtTheEndNeverWritesNegativeWeights()
    {
        // K = 8 with the default δ = 0.2 > 1/K: clamped at once, with a message, no negative weight.
        schedule::ScheduleEditorPanel panel;
        panel.setDomainCount(8);
        panel.applyPreset(schedule::ScheduleEditorPanel::MoreAtEnd);
        for (const auto& segment : panel.editor()->segments())
            for (double w : segment.weights) QVERIFY2(w >= 0, qPrintable(QString::number(w)));
        QVERIFY2(panel.errorText().contains("clamped to 1/K = 0.125"), qPrintable(panel.errorText()));
        QCOMPARE(panel.editor()->segments()[1].weights[0], 0.25);  // 1/K + δ with δ = 1/K
        panel.setDomainCount(2);                                   // δ = 0.2 < 1/2: as asked, no message
        panel.applyPreset(schedule::ScheduleEditorPanel::MoreAtEnd);
        QVERIFY(panel.errorText().isEmpty());
        QCOMPARE(panel.editor()->segments()[1].weights[0], 0.7);
    }

    void cleanupTestCase()
    {
        window_->setUnsavedChangesAnswer([] { return QMessageBox::Discard; });
        window_.reset();
    }
};

QTEST_MAIN(TestWorkspaceResearch)
#include "test_workspace_research.moc"
