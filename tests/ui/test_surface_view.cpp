// The 3-D surface view and window: a scripted drag turns the camera (turntable: a sideways drag
// keeps the elevation), the wheel zooms, reset and R bring the default view back, a frame shows
// the colour map's colours, the PNG export has the asked size and DPI, and View ▸ 3-D surface…
// follows the workspace's losses. (The geometry's numbers: test_surface_geometry.cpp.)

#include "SurfaceFixture.h"
#include "WorkspaceHarness.h"

#include "ui/LandscapeColors.h"
#include "ui/LossPanel.h"
#include "ui/SurfaceGeometry.h"
#include "ui/SurfaceSamples.h"
#include "ui/SurfaceView.h"
#include "ui/VtkOpenGLHost.h"
#include "ui/workspace/LinkedViews.h"
#include "ui/workspace/SurfaceWindow.h"

#include <QComboBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

using namespace cl;
using namespace cl::ui;
using cl::testing::near;
using cl::testing::sampledQuadratics;

namespace {

int distance(QRgb a, Rgb b)
{
    return std::abs(qRed(a) - b.r) + std::abs(qGreen(a) - b.g) + std::abs(qBlue(a) - b.b);
}

/// Pixels within `tolerance` (sum of channel differences) of some colour of the map.
int mapColouredPixels(const QImage& image, const ColorMap& map, QRect area, int tolerance)
{
    std::vector<Rgb> colours;
    for (int k = 0; k <= 100; ++k) colours.push_back(map.at(k / 100.0));
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); y += 2)
        for (int x = area.left(); x <= area.right(); x += 2) {
            const QRgb p = image.pixel(x, y);
            for (const Rgb& c : colours)
                if (distance(p, c) <= tolerance) {
                    ++count;
                    break;
                }
        }
    return count;
}

void sendMouse(QWidget* w, QEvent::Type type, QPoint at, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, QPointF(at), w->mapToGlobal(QPointF(at)),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &event);
}

void drag(QWidget* w, QPoint from, QPoint to)
{
    sendMouse(w, QEvent::MouseButtonPress, from, Qt::LeftButton);
    for (int k = 1; k <= 8; ++k) sendMouse(w, QEvent::MouseMove, from + (to - from) * k / 8, Qt::LeftButton);
    sendMouse(w, QEvent::MouseButtonRelease, to, Qt::NoButton);
}

std::shared_ptr<const SurfaceSamples> quadraticSurface(int n, SurfaceField field)
{
    return std::make_shared<SurfaceSamples>(surfaceSamples(sampledQuadratics(n), field));
}

}  // namespace

class TestSurfaceView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useVtkSurfaceFormat(); }

    void dragRotatesWheelZoomsResetReturns()
    {
        SurfaceView view;
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSurface(quadraticSurface(61, SurfaceField::L1), "L₁");
        QTest::qWait(100);
        const auto home = view.cameraAngles();
        const double homeDistance = view.cameraDistance();
        QVERIFY(near(home.azimuth, -60, 1e-6) && near(home.elevation, 30, 1e-6));

        const QPoint centre(450, 350);
        drag(&view, centre, centre + QPoint(120, 0));  // sideways: turns about the vertical axis
        const auto turned = view.cameraAngles();
        QVERIFY2(std::abs(turned.azimuth - home.azimuth) > 10,
                 qPrintable(QString("azimuth %1 → %2").arg(home.azimuth).arg(turned.azimuth)));
        QVERIFY(near(turned.elevation, home.elevation, 1e-6));  // turntable: no tilt, no roll
        drag(&view, centre, centre + QPoint(0, 80));            // down: looks from higher up
        const auto tilted = view.cameraAngles();
        QVERIFY2(tilted.elevation - turned.elevation > 5,
                 qPrintable(QString("elevation %1 → %2").arg(turned.elevation).arg(tilted.elevation)));

        QWheelEvent wheel(QPointF(centre), view.mapToGlobal(QPointF(centre)), {}, QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QVERIFY(view.cameraDistance() < 0.95 * homeDistance);

        // A new grid of the same rectangle keeps the user's camera.
        view.setSurface(quadraticSurface(61, SurfaceField::L2), "L₂");
        QVERIFY(near(view.cameraAngles().elevation, tilted.elevation, 1e-9));

        view.resetCamera();
        QVERIFY(near(view.cameraAngles().azimuth, -60, 1e-6) && near(view.cameraAngles().elevation, 30, 1e-6));
        QVERIFY(near(view.cameraDistance(), homeDistance, 1e-6));

        // R resets too (VTK's other keys, such as w for wireframe, do nothing).
        drag(&view, centre, centre + QPoint(-90, 40));
        QVERIFY(!near(view.cameraAngles().azimuth, -60, 1e-3));
        QTest::keyClick(&view, Qt::Key_R);
        QVERIFY(near(view.cameraAngles().azimuth, -60, 1e-6) && near(view.cameraAngles().elevation, 30, 1e-6));
    }

    void frameShowsColourMap()
    {
        SurfaceView view;
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const ColorMap viridis = ColorMap::named("viridis"), magma = ColorMap::named("magma");
        view.setSurface(quadraticSurface(81, SurfaceField::L1), "L₁");
        QImage frame = view.grabFramebuffer().convertToFormat(QImage::Format_RGB32);
        QVERIFY(!frame.isNull());
        const QRect plot(0, int(frame.height() * 0.1), int(frame.width() * 0.8), int(frame.height() * 0.85));
        const QRect bar(int(frame.width() * 0.85), 0, int(frame.width() * 0.15) - 1, frame.height() - 1);
        const int samples = (plot.width() / 2) * (plot.height() / 2);
        // The lit surface is shaded, so allow some distance; the colour bar is drawn unlit.
        const int surfaceViridis = mapColouredPixels(frame, viridis, plot, 60);
        QVERIFY2(surfaceViridis > samples / 10, qPrintable(QString("%1 of %2").arg(surfaceViridis).arg(samples)));
        QVERIFY(mapColouredPixels(frame, viridis, bar, 6) > 200);
        const int barMagma = mapColouredPixels(frame, magma, bar, 6);

        view.setColorMap("magma");
        frame = view.grabFramebuffer().convertToFormat(QImage::Format_RGB32);
        QVERIFY(mapColouredPixels(frame, magma, bar, 6) > barMagma + 200);
        QVERIFY(mapColouredPixels(frame, magma, plot, 60) > samples / 10);

        if (const char* dir = std::getenv("COMMUTELAB_TEST_OUTPUT")) frame.save(QString(dir) + "/surface-view.png");
    }

    void exportsPngAtSizeAndDpi()
    {
        SurfaceView view;
        view.resize(700, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSurface(quadraticSurface(61, SurfaceField::L2), "L₂");
        QTemporaryDir dir;
        const QString path = dir.filePath("surface.png");
        view.exportFigure(path, FigureOptions{640, 480, 200, {}});
        QImage image(path);
        QCOMPARE(image.size(), QSize(640, 480));
        QCOMPARE(image.dotsPerMeterX(), int(200 / 0.0254 + 0.5));
        QCOMPARE(image.dotsPerMeterY(), int(200 / 0.0254 + 0.5));
        image = image.convertToFormat(QImage::Format_RGB32);
        QVERIFY(mapColouredPixels(image, ColorMap::named("viridis"), QRect(0, 60, 500, 400), 60) > 2000);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.exportFigure(dir.filePath("s.txt"), FigureOptions{}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.exportFigure(path, FigureOptions{8, 8, 96, {}}));
        if (const char* out = std::getenv("COMMUTELAB_TEST_OUTPUT"))
            QFile::copy(path, QString(out) + "/surface-export.png");
    }

    void windowFollowsTheWorkspace()
    {
        cl::testing::WorkspaceHarness harness;
        QVERIFY(harness.open());
        ui::MainWindow* main = harness.window.get();
        auto* action = main->findChild<QAction*>("surfaceAction");
        QVERIFY(action);
        action->trigger();
        auto* window = main->findChild<SurfaceWindow*>();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        const auto grid = main->linkedViews()->fields();
        QVERIFY(window->view()->geometry());
        auto maxFinite = [](const std::vector<double>& v) {
            double m = -std::numeric_limits<double>::infinity();
            for (double x : v)
                if (std::isfinite(x)) m = std::max(m, x);
            return m;
        };
        QCOMPARE(window->view()->geometry()->valueMax, maxFinite(surfaceSamples(*grid, SurfaceField::L1).values));

        // Typing a new L1 reaches the surface with the new grid.
        const auto typed = harness.gridAfter([&] { harness.typeExpression("l1Edit", "3*x^2 + y^2 + 7"); });
        QVERIFY(typed);
        QTRY_COMPARE(window->view()->samples()->values, surfaceSamples(*typed, SurfaceField::L1).values);
        // The minimum 7 at (0, 0) falls between nodes (200 a side): the lowest node is just above it.
        QVERIFY(window->view()->geometry()->valueMin > 7 && window->view()->geometry()->valueMin < 7.001);
        // The target (the mean by default) and L2 from the same grid.
        window->findChild<QComboBox*>("surfaceFieldCombo")->setCurrentIndex(2);
        QCOMPARE(window->view()->samples()->values,
                 surfaceSamples(*typed, SurfaceField::Target, main->lossPanel()->target()).values);
        QVERIFY(window->findChild<QComboBox*>("surfaceFieldCombo")->currentText().contains("mean"));
        window->setField(SurfaceField::L2);
        QCOMPARE(window->view()->samples()->values, surfaceSamples(*typed, SurfaceField::L2).values);

        // Reset camera undoes a drag.
        const QPoint middle(window->view()->width() / 2, window->view()->height() / 2);
        drag(window->view(), middle, middle + QPoint(100, 50));
        QVERIFY(!near(window->view()->cameraAngles().azimuth, -60, 1e-3));
        window->findChild<QPushButton*>("surfaceResetButton")->click();
        QVERIFY(near(window->view()->cameraAngles().azimuth, -60, 1e-6));
        QVERIFY(near(window->view()->cameraAngles().elevation, 30, 1e-6));

        // A loss undefined on part of the rectangle (log of a negative number): holes, finite range.
        window->setField(SurfaceField::L1);
        const auto holes = harness.gridAfter([&] { harness.typeExpression("l1Edit", "log(x + 1) + y^2"); });
        QVERIFY(holes);
        // Equal value for value, undefined where the grid is (NaN never compares equal).
        auto sameValues = [](const std::vector<double>& a, const std::vector<double>& b) {
            return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](double u, double v) {
                       return u == v || (std::isnan(u) && std::isnan(v));
                   });
        };
        QTRY_VERIFY(sameValues(window->view()->samples()->values, surfaceSamples(*holes, SurfaceField::L1).values));
        const SurfaceGeometry* g = window->view()->geometry();
        const auto defined =
            std::count_if(holes->l1.begin(), holes->l1.end(), [](double v) { return std::isfinite(v); });
        QCOMPARE(g->undefinedCount, holes->l1.size() - std::size_t(defined));
        QVERIFY(g->undefinedCount > holes->l1.size() / 4);  // x < −1: a third of [−3, 3]
        QCOMPARE(g->valueMax, maxFinite(holes->l1));
        QVERIFY(std::isfinite(g->valueMin) && std::isfinite(g->heightScale));
        if (const char* dir = std::getenv("COMMUTELAB_TEST_OUTPUT")) {
            for (const char* suffix : {".png", ".svg", ".pdf"})
                window->exportFigure(QString(dir) + "/surface-holes" + suffix, FigureOptions{1000, 750, 110, {}});
        }
        harness.gridAfter([&] { harness.typeExpression("l1Edit", "3*x^2 + y^2 + 7"); });

        // The action again raises the same window.
        action->trigger();
        QCOMPARE(main->findChildren<SurfaceWindow*>().size(), qsizetype(1));

        window->setField(SurfaceField::L1);
        QTest::qWait(200);
        QImage shot = window->grab().toImage();
        QPainter painter(&shot);  // the GL view itself, in case grab() leaves a native GL window blank
        const QImage frame = window->view()->grabFramebuffer();
        painter.drawImage(QRectF(window->view()->mapTo(window, QPoint(0, 0)), window->view()->size()), frame);
        painter.end();
        if (const char* dir = std::getenv("COMMUTELAB_TEST_OUTPUT")) {
            shot.save(QString(dir) + "/surface-window.png");
            for (const char* suffix : {".png", ".svg", ".pdf"})
                window->exportFigure(QString(dir) + "/surface-figure" + suffix, FigureOptions{1200, 900, 150, {}});
            const QPoint centre(window->view()->width() / 2, window->view()->height() / 2);
            drag(window->view(), centre, centre + QPoint(-260, -60));  // from the other side, lower
            for (const char* suffix : {".png", ".svg", ".pdf"})
                window->exportFigure(QString(dir) + "/surface-turned" + suffix, FigureOptions{1200, 900, 150, {}});
        }
        window->close();
    }
};

QTEST_MAIN(TestSurfaceView)
#include "test_surface_view.moc"
