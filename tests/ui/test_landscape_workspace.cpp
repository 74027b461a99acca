// The landscape workspace end to end: typing, presets, quadratic sliders and target choice reach
// the sampled grid with core's numbers; a click computes core's flows; pan/zoom is linked and
// resamples; options persist; sessions mark the title; exports write files. (Update speed is
// measured by tools/gui-bench/bench_landscape_updates.cpp.)

#include "core/QuadraticLoss.h"
#include "core/expr/ExpressionLoss.h"
#include "core/landscape/LandscapePreset.h"
#include "core/landscape/PointFlows.h"
#include "core/landscape/QuadraticParameters.h"
#include "ui/FieldComputation.h"
#include "ui/LandscapeFigure.h"
#include "ui/LandscapeView.h"
#include "ui/LossPanel.h"
#include "ui/MainWindow.h"
#include "ui/logs/LogWindow.h"
#include "ui/workspace/LinkedViews.h"
#include "ui/workspace/OptionsDialog.h"
#include "ui/workspace/PointFlowsController.h"
#include "ui/workspace/QuadraticEditor.h"
#include "ui/workspace/TargetSelector.h"
#include "WorkspaceHarness.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QThread>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include <QToolButton>
#include "ui/VtkOpenGLHost.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>

using namespace cl;
using namespace cl::ui;

#ifndef COMMUTELAB_TEST_SOURCE_DIR
#define COMMUTELAB_TEST_SOURCE_DIR "."
#endif

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

}  // namespace

class TestLandscapeWorkspace : public QObject {
    Q_OBJECT

private:
    cl::testing::WorkspaceHarness harness_;
    std::unique_ptr<MainWindow>& window_ = harness_.window;

    std::shared_ptr<const FieldGrid> gridAfter(const std::function<void()>& change) { return harness_.gridAfter(change); }
    void typeExpression(const char* edit, const QString& text) { harness_.typeExpression(edit, text); }

private slots:
    void initTestCase()
    {
        QVERIFY(harness_.open());
        for (auto name : {"l1View", "l2View", "bracketView", "pmapView"})
            QVERIFY2(window_->findChild<LandscapeView*>(name), name);
        QCOMPARE(window_->view(LandscapePanel::PMap)->panel(), LandscapePanel::PMap);
        QCOMPARE(window_->view(LandscapePanel::L1)->fields(), window_->landscapeView()->fields());  // one grid
    }

    void typingUpdatesTheViews()
    {
        const auto grid = gridAfter([&] { typeExpression("l1Edit", "x^2 + 3*sin(y)"); });
        QVERIFY(grid);
        for (LandscapePanel panel : LinkedViews::panels) QCOMPARE(window_->view(panel)->fields(), grid);
        const auto loss = ExpressionLoss::fromText("x^2 + 3*sin(y)");
        const std::size_t k = grid->index(37, 141);
        QVERIFY(close(grid->l1[k], loss->value(point(grid->spec.x(37), grid->spec.y(141)))));
    }

    void editingOneLossKeepsTheOtherLossPanel()
    {
        // The L2 panel draws only L2: a new L1 gives it a new grid but not a new picture. The
        // picture is compared, not a frame count: an expose or hover may redraw the same picture.
        LandscapeView* l1 = window_->view(LandscapePanel::L1);
        LandscapeView* l2 = window_->view(LandscapePanel::L2);
        QSignalSpy l1Frames(l1, &VtkOpenGLHost::frameSwapped);
        const QImage before = l2->grabFramebuffer();
        QVERIFY(!before.isNull());
        const auto grid = gridAfter([&] { typeExpression("l1Edit", "x^2 + 2*sin(y)"); });
        QVERIFY(grid);
        QTRY_VERIFY(l1Frames.count() >= 1);
        QCOMPARE(l2->fields(), grid);  // hover and exports read the new grid
        QCOMPARE(l2->grabFramebuffer(), before);
        const auto next = gridAfter([&] { typeExpression("l2Edit", "(x-1)^2 + y^2"); });
        QVERIFY(next);
        QTRY_VERIFY(l2->grabFramebuffer() != before);
    }

    void syntaxErrorShowsColumnAndKeepsThePicture()
    {
        const auto shown = window_->landscapeView()->fields();
        QSignalSpy started(window_->computation(), &FieldComputation::started);
        typeExpression("l2Edit", "x^2 * (y +");
        auto* error = window_->findChild<QLabel*>("errorLabel");
        QTRY_VERIFY(!error->text().isEmpty());
        QVERIFY2(error->text().startsWith("L2: ") && error->text().contains("column 11"), qPrintable(error->text()));
        QTest::qWait(500);
        QCOMPARE(started.count(), 0);
        QCOMPARE(window_->landscapeView()->fields(), shown);
    }

    void presetLoadsItsPairAndRectangle()
    {
        const LandscapePreset& preset = landscapePresets().at(2);
        auto* combo = window_->findChild<QComboBox*>("presetCombo");
        const auto grid = gridAfter([&] {
            combo->setCurrentIndex(3);  // the item after "Presets…" and the first two presets
            emit combo->activated(3);
        });
        QVERIFY(grid);
        QCOMPARE(window_->findChild<QLineEdit*>("l1Edit")->text(), QString::fromStdString(preset.l1));
        QCOMPARE(window_->findChild<QLineEdit*>("l2Edit")->text(), QString::fromStdString(preset.l2));
        QVERIFY(window_->findChild<QLabel*>("errorLabel")->text().isEmpty());
        QCOMPARE(grid->spec.xmin, preset.grid.xmin);
        QCOMPARE(grid->spec.ymax, preset.grid.ymax);
        const auto l2 = ExpressionLoss::fromText(preset.l2);
        const std::size_t k = grid->index(90, 20);
        QVERIFY(close(grid->l2[k], l2->value(point(grid->spec.x(90), grid->spec.y(20)))));
    }

    void quadraticSliderWritesTheExpression()
    {
        window_->findChild<QToolButton*>("l1QuadraticToggle")->click();
        QuadraticEditor* editor = window_->lossPanel()->quadraticEditor(0);
        QVERIFY(editor->isVisible());
        auto* slider = window_->findChild<QSlider*>("l1Angle");
        const auto grid = gridAfter([&] { slider->setValue(slider->value() + 25); });
        QVERIFY(grid);
        const QuadraticParameters p = editor->parameters();
        QCOMPARE(window_->findChild<QLineEdit*>("l1Edit")->text(), QString::fromStdString(quadraticExpression(p)));
        // The same loss built from its matrix: A = R diag(λ1, λ2) Rᵀ, R the rotation by the angle.
        const double a = p.angleDegrees * M_PI / 180, c = std::cos(a), s = std::sin(a);
        Matrix rotation(2, 2);
        rotation << c, -s, s, c;
        Matrix diagonal = Matrix::Zero(2, 2);
        diagonal(0, 0) = p.lambda1;
        diagonal(1, 1) = p.lambda2;
        const QuadraticLoss quadratic(rotation * diagonal * rotation.transpose(), point(p.centreX, p.centreY));
        for (auto [i, j] : {std::pair{10, 10}, std::pair{100, 50}, std::pair{180, 170}}) {
            const std::size_t k = grid->index(i, j);
            const Vector theta = point(grid->spec.x(i), grid->spec.y(j));
            // The edit holds coefficients rounded to 6 significant digits (what is drawn is the text).
            QVERIFY(close(grid->l1[k], quadratic.value(theta), 1e-5));
            QVERIFY(close(grid->g1x[k], quadratic.gradient(theta)(0), 1e-5));
        }
        window_->findChild<QToolButton*>("l1QuadraticToggle")->click();
        QVERIFY(!editor->isVisible());
    }

    void clickComputesCoreFlows()
    {
        window_->findChild<QDoubleSpinBox*>("dtSpin")->setValue(0.2);
        LandscapeView* view = window_->view(LandscapePanel::Bracket);
        QSignalSpy overlays(window_->flows(), &PointFlowsController::overlaysChanged);
        const QPointF pixel = view->dataToPixel(0.4, -0.3);
        QTest::mouseClick(view, Qt::LeftButton, {}, (pixel / view->devicePixelRatioF()).toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(overlays.count() >= 1 && !window_->flows()->isBusy(), 30000);
        const auto shown = window_->flows()->overlays();
        QCOMPARE(int(shown->points.size()), 1);
        const auto& clicked = shown->points[0];
        QVERIFY2(std::abs(clicked.x - 0.4) < 0.05 && std::abs(clicked.y + 0.3) < 0.05,
                 qPrintable(QString("%1 %2").arg(clicked.x).arg(clicked.y)));
        QCOMPARE(clicked.dt, 0.2);
        QVERIFY(clicked.flows);
        const PointFlows expected = computePointFlows(window_->lossPanel()->l1(), window_->lossPanel()->l2(),
                                                      point(clicked.x, clicked.y), 0.2);
        const std::pair<const Trajectory*, const Trajectory*> pairs[] = {
            {&clicked.flows->mixed, &expected.mixed},
            {&clicked.flows->oneThenTwo, &expected.oneThenTwo},
            {&clicked.flows->twoThenOne, &expected.twoThenOne}};
        for (auto [got, want] : pairs)
            for (int d = 0; d < 2; ++d) QVERIFY(close(got->states.back()(d), want->states.back()(d)));
        for (LandscapePanel panel : LinkedViews::panels) QVERIFY(window_->view(panel)->isVisible());

        // Descent paths join the overlays; an undefined start is reported, not fatal; Clear empties.
        window_->findChild<QAction*>("descentL1Action")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window_->flows()->overlays()->descentPaths.size() == 1, 30000);
        window_->findChild<QAction*>("clearPointsAction")->trigger();
        QTRY_VERIFY(window_->flows()->overlays()->points.empty());
        window_->findChild<QAction*>("descentL1Action")->trigger();
    }

    void undefinedPointIsReportedNotFatal()
    {
        window_->lossPanel()->setExpressions("log(x)", "y^2");
        QSignalSpy failed(window_->flows(), &PointFlowsController::failed);
        window_->flows()->addPoint(ClickedPointSpec{-1, 0, 0.1});
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, 30000);
        QVERIFY2(failed.at(0).at(0).toString().startsWith("no flows from θ0 = (-1, 0)"),
                 qPrintable(failed.at(0).at(0).toString()));
        window_->flows()->clearPoints();
        window_->lossPanel()->choosePreset(0);
    }

    void targetSwitchChangesP()
    {
        auto* combo = window_->findChild<QComboBox*>("targetCombo");
        auto* weight = window_->findChild<QDoubleSpinBox*>("targetWeight");
        auto grid = gridAfter([&] {
            weight->setValue(0.25);
            combo->setCurrentIndex(3);
        });
        QVERIFY(grid);
        std::size_t k = grid->index(60, 130);
        const double weighted = grid->rx[k] * (0.25 * grid->g1x[k] + 0.75 * grid->g2x[k]) +
                                grid->ry[k] * (0.25 * grid->g1y[k] + 0.75 * grid->g2y[k]);
        QVERIFY(close(grid->p[k], weighted));
        grid = gridAfter([&] {
            combo->setCurrentIndex(4);
            typeExpression("targetExpression", "x^2 + y^2");
        });
        QVERIFY(grid);
        k = grid->index(150, 30);
        const double x = grid->spec.x(150), y = grid->spec.y(30);
        QVERIFY(close(grid->p[k], grid->rx[k] * 2 * x + grid->ry[k] * 2 * y));
        typeExpression("targetExpression", "x^2 +* y");
        QTRY_VERIFY(window_->findChild<QLabel*>("targetError")->text().contains("column"));
        QCOMPARE(window_->lossPanel()->targetSelector()->spec(), std::string("expr:x^2 + y^2"));
        gridAfter([&] { combo->setCurrentIndex(0); });
    }

    void panAndZoomAreLinkedAndResample()
    {
        LandscapeView* l1 = window_->view(LandscapePanel::L1);
        const QPointF centre = l1->dataToPixel(0, 0) / l1->devicePixelRatioF();
        const auto grid = gridAfter([&] {
            QWheelEvent wheel(centre, l1->mapToGlobal(centre), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(l1, &wheel);
        });
        QVERIFY(grid);
        double a[4], b[4];
        l1->viewRect(a[0], a[1], a[2], a[3]);
        window_->view(LandscapePanel::PMap)->viewRect(b[0], b[1], b[2], b[3]);
        for (int k = 0; k < 4; ++k) QCOMPARE(a[k], b[k]);
        QVERIFY(a[1] - a[0] < 5.9);  // zoomed in
        QCOMPARE(grid->spec.xmin, a[0]);
        QCOMPARE(grid->spec.ymax, a[3]);
        const auto home = gridAfter([&] { window_->findChild<QAction*>("resetViewAction")->trigger(); });
        QCOMPARE(home->spec.xmin, landscapePresets().front().grid.xmin);
    }

    void hoverDrawsTheLinkedCursorInEveryView()
    {
        LandscapeView* l1 = window_->view(LandscapePanel::L1);
        LandscapeView* pmap = window_->view(LandscapePanel::PMap);
        const QPointF at = l1->dataToPixel(0.5, -1) / l1->devicePixelRatioF();
        const auto data = l1->widgetToData(at);
        QVERIFY(data);
        QMouseEvent move(QEvent::MouseMove, at, l1->mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(l1, &move);
        for (LandscapePanel panel : LinkedViews::panels) QCOMPARE(window_->view(panel)->linkedCursor(), data);
        const QImage with = pmap->grabFramebuffer();

        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(l1, &leave);
        for (LandscapePanel panel : LinkedViews::panels) QVERIFY(!window_->view(panel)->linkedCursor());
        const QImage without = pmap->grabFramebuffer();

        // The cursor is the only difference, and it lies on the row and the column through the
        // point in the P map (where the P map's own layout puts the hovered data point).
        const QPointF centre = pmap->dataToPixel(data->x(), data->y());
        int onLines = 0, elsewhere = 0;
        for (int y = 0; y < with.height(); ++y)
            for (int x = 0; x < with.width(); ++x) {
                if (with.pixel(x, y) == without.pixel(x, y)) continue;
                const bool near = std::abs(x - centre.x()) <= 5 || std::abs(y - centre.y()) <= 5;
                (near ? onLines : elsewhere) += 1;
            }
        QCOMPARE(elsewhere, 0);
        QVERIFY2(onLines > with.width() / 3, qPrintable(QString::number(onLines)));
    }

    void layoutToggleShowsOnePanel()
    {
        auto* layout = window_->findChild<QComboBox*>("layoutCombo");
        layout->setCurrentIndex(4);  // P map only
        QVERIFY(window_->view(LandscapePanel::PMap)->isVisible());
        QVERIFY(!window_->view(LandscapePanel::L1)->isVisible());
        QCOMPARE(window_->session().layout, std::string("single:pmap"));
        layout->setCurrentIndex(0);
        QVERIFY(window_->view(LandscapePanel::L1)->isVisible());
    }

    void screenshotWithFlows()
    {
        // The whole window with a clicked point and a descent path, for docs (when asked for).
        window_->lossPanel()->choosePreset(0);
        window_->findChild<QDoubleSpinBox*>("dtSpin")->setValue(0.6);
        window_->flows()->addPoint(ClickedPointSpec{-1.2, 1.4, 0.6});
        window_->findChild<QAction*>("descentL2Action")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window_->flows()->overlays()->descentPaths.size() == 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!window_->computation()->isRunning(), 30000);
        LandscapeView* l1 = window_->view(LandscapePanel::L1);
        const QPointF hover = l1->dataToPixel(0.5, -1) / l1->devicePixelRatioF();
        QMouseEvent move(QEvent::MouseMove, hover, l1->mapToGlobal(hover), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(l1, &move);
        QVERIFY(window_->hoverText().contains("∇L1 = ("));
        window_->statusBar()->clearMessage();  // show the hover read-out, not "saved …"
        QTest::qWait(300);
        const QImage shot = grabWithVtkViews(window_.get());
        QVERIFY(!shot.isNull());
        if (const char* dir = std::getenv("COMMUTELAB_TEST_OUTPUT")) shot.save(QString(dir) + "/workspace.png");
        window_->findChild<QAction*>("descentL2Action")->trigger();
        window_->flows()->clearPoints();
    }

    void cleanupTestCase()
    {
        window_.reset();
    }
};

QTEST_MAIN(TestLandscapeWorkspace)
#include "test_landscape_workspace.moc"
