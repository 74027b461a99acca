// The 3-D surface as a vector figure (issue 15): the projection lands where VTK's own renderer
// puts a point; PNG (OpenGL), PDF (rasterised by poppler) and SVG (by librsvg) of one surface
// agree on where the surface is and where its low and high losses are, for the default and a
// turned camera; the text is Unicode (θ₁, θ₂, L₁) in embedded fonts; the window exports all three.
//
// Thresholds (docs/figures.md, "3-D surface"): OpenGL lights each pixel (Gouraud, a highlight)
// and the vector figure flat-shades each triangle, so pixels are not compared one by one.
//  - kSilhouette: of the coloured pixels left of the colour bar (the surface), the share both
//    rasters have, over the larger count (a surface drawn in the wrong place or size fails).
//  - Colour-map order: each pixel's place t in the map (best match over t and a brightness factor,
//    undoing the lighting); where OpenGL shows t < 0.1 (the lowest losses) the vector raster's
//    mean t must be below kLowMean, where it shows t > 0.9 above kHighMean, and the median
//    |Δt| over the shared surface at most kMedianShift.

#include "FigureFormats.h"
#include "SurfaceFixture.h"

#include "ui/LandscapeColors.h"
#include "ui/SurfaceFigure.h"
#include "ui/SurfaceGeometry.h"
#include "ui/SurfaceProjection.h"
#include "ui/SurfaceSamples.h"
#include "ui/SurfaceView.h"
#include "ui/VtkOpenGLHost.h"
#include "ui/workspace/SurfaceWindow.h"

#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace cl;
using namespace cl::ui;
using cl::testing::sampledQuadratics;

namespace {

constexpr double kSilhouette = 0.90;
constexpr double kLowMean = 0.2, kHighMean = 0.8, kMedianShift = 0.08;

std::shared_ptr<const SurfaceSamples> quadraticSurface(int n)
{
    return std::make_shared<SurfaceSamples>(surfaceSamples(sampledQuadratics(n), SurfaceField::L1));
}

/// Each pixel's place in the map (0..1), or −1 where it is not surface: grey (text, axes, white
/// curves, background) or right of `barLeft` (the colour bar is the same in every format).
std::vector<double> mapPlaces(const QImage& image, const ColorMap& map, int barLeft)
{
    std::vector<std::array<double, 3>> colours;
    for (int k = 0; k <= 100; ++k) {
        const Rgb c = map.at(k / 100.0);
        colours.push_back({double(c.r), double(c.g), double(c.b)});
    }
    std::vector<double> out(std::size_t(image.width()) * image.height(), -1);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < barLeft; ++x) {
            const QRgb p = image.pixel(x, y);
            const double c[3] = {double(qRed(p)), double(qGreen(p)), double(qBlue(p))};
            if (*std::max_element(c, c + 3) - *std::min_element(c, c + 3) < 20) continue;
            double best = 1e300;
            for (std::size_t k = 0; k < colours.size(); ++k) {
                const auto& m = colours[k];
                const double mm = m[0] * m[0] + m[1] * m[1] + m[2] * m[2];
                const double f = std::clamp((c[0] * m[0] + c[1] * m[1] + c[2] * m[2]) / mm, 0.3, 1.2);
                const double d =
                    std::pow(c[0] - f * m[0], 2) + std::pow(c[1] - f * m[1], 2) + std::pow(c[2] - f * m[2], 2);
                if (d < best) best = d, out[std::size_t(y) * image.width() + x] = k / 100.0;
            }
        }
    return out;
}

struct Agreement {
    double silhouette = 0, lowMean = 1, highMean = 0, medianShift = 1;
};

/// How the vector raster agrees with the OpenGL one (see the thresholds above).
Agreement agreement(const std::vector<double>& opengl, const std::vector<double>& vector)
{
    Agreement a;
    std::size_t inGl = 0, inVector = 0, both = 0, low = 0, high = 0;
    double lowSum = 0, highSum = 0;
    std::vector<double> shifts;
    for (std::size_t k = 0; k < opengl.size(); ++k) {
        inGl += opengl[k] >= 0;
        inVector += vector[k] >= 0;
        if (opengl[k] < 0 || vector[k] < 0) continue;
        ++both;
        shifts.push_back(std::abs(opengl[k] - vector[k]));
        if (opengl[k] < 0.1) ++low, lowSum += vector[k];
        if (opengl[k] > 0.9) ++high, highSum += vector[k];
    }
    a.silhouette = double(both) / double(std::max<std::size_t>(1, std::max(inGl, inVector)));
    if (low) a.lowMean = lowSum / low;
    if (high) a.highMean = highSum / high;
    if (!shifts.empty()) {
        std::nth_element(shifts.begin(), shifts.begin() + shifts.size() / 2, shifts.end());
        a.medianShift = shifts[shifts.size() / 2];
    }
    return a;
}

QString describe(const char* what, const Agreement& a)
{
    return QString("%1: silhouette %2, low-loss mean t %3, high-loss mean t %4, median |Δt| %5")
        .arg(what)
        .arg(a.silhouette, 0, 'f', 3)
        .arg(a.lowMean, 0, 'f', 3)
        .arg(a.highMean, 0, 'f', 3)
        .arg(a.medianShift, 0, 'f', 3);
}

void checkAgreement(const char* what, const Agreement& a)
{
    qInfo().noquote() << describe(what, a);
    QVERIFY2(a.silhouette >= kSilhouette, qPrintable(describe(what, a)));
    QVERIFY2(a.lowMean <= kLowMean && a.highMean >= kHighMean, qPrintable(describe(what, a)));
    QVERIFY2(a.medianShift <= kMedianShift, qPrintable(describe(what, a)));
}

void drag(QWidget* w, QPoint from, QPoint to)
{
    auto send = [&](QEvent::Type type, QPoint at, Qt::MouseButtons buttons) {
        QMouseEvent event(type, QPointF(at), w->mapToGlobal(QPointF(at)),
                          type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons, Qt::NoModifier);
        QApplication::sendEvent(w, &event);
    };
    send(QEvent::MouseButtonPress, from, Qt::LeftButton);
    for (int k = 1; k <= 8; ++k) send(QEvent::MouseMove, from + (to - from) * k / 8, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, to, Qt::NoButton);
}

/// Text, fonts and ink of one PDF and one SVG of the surface of L₁.
void checkTextAndInk(const QString& pdf, const QString& svg, const QImage& pdfRaster, const QImage& svgRaster)
{
    const QString text = figtest::pdfText(pdf);
    const QString svgText = figtest::svgTexts(svg).join("");
    for (const QString label : {"θ₁", "θ₂", "L₁", "Surface of L₁", "−1"}) {
        QVERIFY2(text.contains(label), qPrintable("pdftotext lacks " + label + ": " + text.left(300)));
        QVERIFY2(svgText.contains(label), qPrintable("SVG <text> lacks " + label));
    }
    const auto fonts = figtest::pdfFonts(pdf);
    QVERIFY(!fonts.isEmpty());
    for (auto it = fonts.cbegin(); it != fonts.cend(); ++it)
        QVERIFY2(it.value(), qPrintable(it.key() + " not embedded"));
    for (const QImage* raster : {&pdfRaster, &svgRaster}) {
        QVERIFY(figtest::inkShare(*raster) >= 0.03);
        QVERIFY(figtest::largestColourShare(*raster) < 0.5);
    }
}

}  // namespace

class TestSurfaceVector : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { useVtkSurfaceFormat(); }

    // The independent truth for the projection: VTK's renderer (its viewport's aspect and its
    // display mapping) of the same camera, for a square, a wide and a tall figure and a camera
    // that is turned, tilted, zoomed and off centre.
    void projectionLandsWhereVtkPutsIt()
    {
        const auto samples = quadraticSurface(41);
        const SurfaceGeometry geometry = buildSurfaceGeometry(*samples, 0.5);
        for (QSize size : {QSize(500, 500), QSize(900, 420), QSize(300, 640)}) {
            vtkNew<vtkRenderWindow> window;
            window->SetOffScreenRendering(1);
            window->SetSize(size.width(), size.height());
            vtkNew<vtkRenderer> renderer;
            window->AddRenderer(renderer);
            vtkCamera* camera = renderer->GetActiveCamera();
            camera->SetFocalPoint(0.5, 0.5, 1);
            camera->SetPosition(6, -7, 5);
            camera->SetViewUp(0, 0, 1);
            camera->Azimuth(35);
            camera->Elevation(-12);
            camera->Zoom(1.3);
            camera->SetWindowCenter(0.2, -0.1);
            window->Render();
            const SurfaceProjection projection = surfaceProjection(camera, size.width(), size.height());
            double worst = 0;
            for (vtkIdType k = 0; k < geometry.surface->GetNumberOfPoints(); k += 37) {
                std::array<double, 3> p;
                geometry.surface->GetPoint(k, p.data());
                renderer->SetWorldPoint(p[0], p[1], p[2], 1);
                renderer->WorldToDisplay();
                double display[3];
                renderer->GetDisplayPoint(display);
                const ProjectedPoint q = projectPoint(projection, p);
                worst = std::max({worst, std::abs(q.x - display[0]), std::abs(q.y - (size.height() - display[1]))});
                double position[3];
                camera->GetPosition(position);
                QVERIFY(q.depth > 0 &&
                        q.depth <= std::hypot(p[0] - position[0], p[1] - position[1], p[2] - position[2]) + 1e-9);
            }
            QVERIFY2(worst < 0.5,
                     qPrintable(QString("%1 px off at %2x%3").arg(worst).arg(size.width()).arg(size.height())));
        }
    }

    void backToFrontAndKeptNodes()
    {
        const std::vector<double> depths{3, 9, -1, 9, 4.5};
        QCOMPARE(backToFront(depths), (std::vector<std::size_t>{1, 3, 4, 0, 2}));  // ties keep their order
        const std::vector<int> kept = keptNodes(200, 96);
        QCOMPARE(kept.size(), std::size_t(96));
        QCOMPARE(kept.front(), 0);
        QCOMPARE(kept.back(), 199);
        for (std::size_t k = 1; k < kept.size(); ++k) QVERIFY(kept[k] - kept[k - 1] >= 2 && kept[k] - kept[k - 1] <= 3);
        QCOMPARE(keptNodes(50, 96).size(), std::size_t(50));
    }

    void formatsAgree_data()
    {
        QTest::addColumn<QPoint>("turn");
        QTest::newRow("default camera") << QPoint();
        QTest::newRow("turned camera") << QPoint(-200, -40);
    }

    // PNG from OpenGL, PDF through poppler and SVG through librsvg at the same size.
    void formatsAgree()
    {
        QFETCH(QPoint, turn);
        SurfaceView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto samples = quadraticSurface(121);
        view.setSurface(samples, "L₁");
        if (!turn.isNull()) drag(&view, QPoint(400, 300), QPoint(400, 300) + turn);
        QTemporaryDir dir;
        const FigureOptions options{640, 480, 96, {}};
        QStringList times;
        for (const char* suffix : {".png", ".svg", ".pdf"}) {
            QElapsedTimer clock;
            clock.start();
            view.exportFigure(dir.filePath(QString("s") + suffix), options);
            times << QString("%1 %2 ms").arg(suffix).arg(clock.elapsed());
        }
        qInfo().noquote() << "export times:" << times.join(", ");
        const QImage png = QImage(dir.filePath("s.png")).convertToFormat(QImage::Format_RGB32);
        const QImage pdf = figtest::rasterisePdf(dir.filePath("s.pdf"), 640, 480);
        const QImage svg = figtest::rasteriseSvg(dir.filePath("s.svg"), 640, 480);
        QVERIFY2(!pdf.isNull() && !svg.isNull(), "pdftoppm or rsvg-convert failed");

        const ColorMap viridis = ColorMap::named("viridis");
        const int barLeft = 640 - 108 - 2;  // SurfaceLayout's colour-bar block at scale 1
        const auto glPlaces = mapPlaces(png, viridis, barLeft);
        checkAgreement("PDF vs OpenGL", agreement(glPlaces, mapPlaces(pdf, viridis, barLeft)));
        checkAgreement("SVG vs OpenGL", agreement(glPlaces, mapPlaces(svg, viridis, barLeft)));
        checkTextAndInk(dir.filePath("s.pdf"), dir.filePath("s.svg"), pdf, svg);
        qInfo().noquote() << QString("sizes at 640x480, 121² nodes: PNG %1 kB, SVG %2 kB, PDF %3 kB")
                                 .arg(QFileInfo(dir.filePath("s.png")).size() / 1024)
                                 .arg(QFileInfo(dir.filePath("s.svg")).size() / 1024)
                                 .arg(QFileInfo(dir.filePath("s.pdf")).size() / 1024);

        if (turn.isNull()) {
            // Without a window or a camera (the command line's case): the default view, the same figure.
            const QString bare = dir.filePath("bare.pdf");
            writeSurfaceFigure(SurfaceSceneSpec{samples, "L₁", "viridis", 7}, nullptr, bare, options);
            const auto d = compareImages(figtest::rasterisePdf(bare, 640, 480), pdf, 8, 0);
            QVERIFY2(d.fraction < 0.001, qPrintable(QString("default camera differs in %1").arg(d.fraction)));
            // And its small baseline, as every figure kind has (painted without OpenGL: the same
            // pixels on every machine).
            const QString small = dir.filePath("small.png");
            writeSurfaceFigure(SurfaceSceneSpec{samples, "L₁", "viridis", 7}, nullptr, small,
                               FigureOptions{480, 360, 96, {}});
            const QString mismatch =
                figtest::baselineMismatch(QImage(small), qEnvironmentVariable("COMMUTELAB_SOURCE_DIR"), "surface");
            if (!mismatch.startsWith("written:")) QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        }
        if (const char* out = std::getenv("COMMUTELAB_TEST_OUTPUT")) {
            const QString stem = QString(out) + (turn.isNull() ? "/surface-vector-default" : "/surface-vector-turned");
            png.save(stem + "-opengl.png");
            pdf.save(stem + "-poppler.png");
            svg.save(stem + "-rsvg.png");
        }
    }

    // Nothing to draw, or nothing defined: a located refusal or a figure with its axes and title,
    // never a crash.
    void emptyAndUndefinedSurfaces()
    {
        QTemporaryDir dir;
        const FigureOptions options{900, 500, 96, {}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 writeSurfaceFigure(SurfaceSceneSpec{}, nullptr, dir.filePath("e.pdf"), options));
        SurfaceSamples undefined{GridSpec{-1, 1, -1, 1, 9}, std::vector<double>(81, std::nan(""))};
        const QString path = dir.filePath("u.pdf");
        writeSurfaceFigure(SurfaceSceneSpec{std::make_shared<const SurfaceSamples>(undefined), "L₂", "magma", 5},
                           nullptr, path, options);
        const QString text = figtest::pdfText(path);
        QVERIFY2(text.contains("81 undefined points left out") && text.contains("Surface of L₂"), qPrintable(text));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 writeSurfaceFigure(SurfaceSceneSpec{quadraticSurface(9), "L₁", "nosuchmap", 5},
                                                    nullptr, dir.filePath("m.svg"), options));
    }

    void windowExportsAllThree()
    {
        SurfaceWindow window;
        window.setFields(std::make_shared<const FieldGrid>(sampledQuadratics(81)), Target::mean(2));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* button = window.findChild<QPushButton*>("surfaceExportButton");
        QVERIFY(button);
        QCOMPARE(button->text(), QString("Export figure…"));
        QVERIFY(button->toolTip().contains("SVG") && button->toolTip().contains("PDF"));
        QVERIFY(!window.findChild<QLabel*>("surfaceMessage")->text().contains("PNG only"));

        QTemporaryDir dir;
        const FigureOptions options{800, 600, 120, {}};
        for (const char* suffix : {".png", ".svg", ".pdf"})
            window.exportFigure(dir.filePath(QString("w") + suffix), options);
        const QImage png(dir.filePath("w.png"));
        QCOMPARE(png.size(), QSize(800, 600));
        QCOMPARE(png.dotsPerMeterX(), int(120 / 0.0254 + 0.5));
        const QImage pdf = figtest::rasterisePdf(dir.filePath("w.pdf"), 800, 600);
        const QImage svg = figtest::rasteriseSvg(dir.filePath("w.svg"), 800, 600);
        QVERIFY(!pdf.isNull() && !svg.isNull());
        checkTextAndInk(dir.filePath("w.pdf"), dir.filePath("w.svg"), pdf, svg);
        // The PDF page is 800/120 × 600/120 inches.
        const auto page = runProgram("pdfinfo", {dir.filePath("w.pdf")}).out;
        QVERIFY2(page.contains("480 x 360 pts"), qPrintable(page));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, window.exportFigure(dir.filePath("w.eps"), options));
    }
};

QTEST_MAIN(TestSurfaceVector)
#include "test_surface_vector.moc"
