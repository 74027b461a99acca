// The magnified non-commuting parallelogram inside the landscape views and in exported figures
// (issue 17, point 1): the inset's square is core's insetSquare, its stated magnification is the
// ratio of pixel distances it really draws, and the end points it draws are core's OrderEffect,
// found by colour in the live view's frame, in a PNG export, and as the stated scale in an SVG.

#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"
#include "core/landscape/LandscapePreset.h"
#include "core/landscape/OrderEffect.h"
#include "core/landscape/PointFlows.h"
#include "ui/FigureExport.h"
#include "ui/LandscapeColors.h"
#include "ui/LandscapeFigure.h"
#include "ui/LandscapeView.h"
#include "ui/OrderEffectInset.h"
#include "ui/VtkOpenGLHost.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace cl;
using namespace cl::ui;

namespace {

/// Share of the 5×5 pixels around image point (x, y) (origin top-left) within 40 of `colour`.
double shareAround(const QImage& image, double x, double y, Rgb colour)
{
    int hits = 0;
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
            const QRgb p = image.pixel(int(std::lround(x)) + dx, int(std::lround(y)) + dy);
            hits += std::abs(qRed(p) - colour.r) <= 40 && std::abs(qGreen(p) - colour.g) <= 40 &&
                    std::abs(qBlue(p) - colour.b) <= 40;
        }
    return hits / 25.0;
}

}  // namespace

class TestOrderEffectInset : public QObject {
    Q_OBJECT

    LandscapeFigureSpec spec_;
    OrderEffect effect_;
    QTemporaryDir dir_;

    /// The three observed end points are drawn in their colours where the geometry puts them
    /// (image of `height` rows, scene origin bottom-left).
    void verifyEndPointsDrawn(const QImage& image, const OrderEffectInsetGeometry& g, const char* where)
    {
        const std::pair<const Vector*, Rgb> ends[] = {{&effect_.base, palette::flowMixed},
                                                      {&effect_.oneThenTwo, palette::flowOneThenTwo},
                                                      {&effect_.twoThenOne, palette::flowTwoThenOne}};
        for (const auto& [v, colour] : ends) {
            const double x = g.sceneX((*v)[0]), y = image.height() - g.sceneY((*v)[1]);
            QVERIFY2(shareAround(image, x, y, colour) >= 0.6,
                     qPrintable(QString("%1: end point at %2,%3 not drawn").arg(where).arg(x).arg(y)));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        const LandscapePreset& preset = findLandscapePreset("figure1");
        const auto l1 = ExpressionLoss::fromText(preset.l1), l2 = ExpressionLoss::fromText(preset.l2);
        FieldRequest request{};
        request.l1 = l1;
        request.l2 = l2;
        request.grid = preset.grid;
        request.grid.n = 96;
        auto grid = std::make_shared<FieldGrid>();
        sampleFields(request, *grid);
        const Vector theta0 = (Vector(2) << 1.0, -1.5).finished();
        const double dt = 0.3;
        const PointFlows flows = computePointFlows(l1, l2, theta0, dt);
        effect_ = orderEffect(flows, l1, l2, nullptr, theta0, dt);
        auto overlays = std::make_shared<LandscapeOverlays>();
        overlays->points.push_back({-2.0, 2.0, dt, std::nullopt, "flow left the domain"});
        overlays->points.push_back({1.0, -1.5, dt, flows, {}, effect_});
        overlays->points.push_back({2.0, 2.0, dt, std::nullopt, {}});  // still computing: no effect yet
        spec_.grid = grid;
        spec_.overlays = overlays;
        spec_.panels = {LandscapePanel::Bracket};
    }

    void scaleBarAndTextAreClosedForms()
    {
        QCOMPARE(scaleBarLength(1.0), 1.0);
        QVERIFY(std::abs(scaleBarLength(0.3) - 0.2) < 1e-15);
        QVERIFY(std::abs(scaleBarLength(0.0734) - 0.05) < 1e-15);
        QVERIFY(std::abs(scaleBarLength(0.0199) - 0.01) < 1e-15);
        QCOMPARE(scaleBarLength(730.0), 500.0);
        QCOMPARE(QString::fromStdString(insetScaleText(InsetSquare{0, 0, 0.5}, 6)),
                 QString("inset 1 wide, \u00d76 the view"));
        QCOMPARE(QString::fromStdString(insetScaleText(InsetSquare{0, 0, 0.00125}, 6)),
                 QString("inset 0.0025 wide, \u00d72.4e+03 the view"));
    }

    void geometryIsCoresSquareAtItsStatedScale()
    {
        const PlotLayout plot = landscapePanelLayout(spec_, 0, 1000, 760, 1);
        const auto g = orderEffectInset(plot, spec_.overlays.get());
        QVERIFY(g);
        QCOMPARE(g->point, std::size_t(1));  // the newest point that has an effect
        const InsetSquare core = insetSquare(effect_);
        QCOMPARE(g->square.cx, core.cx);
        QCOMPARE(g->square.cy, core.cy);
        QCOMPARE(g->square.halfSide, core.halfSide);
        // Stated magnification = drawn pixel distance in the inset / drawn distance in the plot,
        // measured on the 1→2 displacement.
        const Vector& a = effect_.base;
        const Vector& b = effect_.oneThenTwo;
        const double inInset = std::hypot(g->sceneX(b[0]) - g->sceneX(a[0]), g->sceneY(b[1]) - g->sceneY(a[1]));
        const double inPlot = std::hypot(plot.sceneX(b[0]) - plot.sceneX(a[0]), plot.sceneY(b[1]) - plot.sceneY(a[1]));
        QVERIFY2(std::abs(inInset / inPlot - g->magnification) < 1e-9 * g->magnification,
                 qPrintable(QString("%1 vs %2").arg(inInset / inPlot).arg(g->magnification)));
        QVERIFY2(g->magnification > 3, qPrintable(QString::number(g->magnification)));  // magnifies
        QVERIFY2(inInset > 20 && inPlot < inInset / 3, qPrintable(QString("%1 %2").arg(inInset).arg(inPlot)));
        // Every point of the parallelogram inside the inset, the inset inside the plot, away from θ_base.
        for (const Vector* v : {&effect_.base, &effect_.oneThenTwo, &effect_.twoThenOne, &effect_.predictedOneThenTwo,
                                &effect_.predictedTwoThenOne}) {
            QVERIFY(g->sceneX((*v)[0]) > g->left && g->sceneX((*v)[0]) < g->left + g->side);
            QVERIFY(g->sceneY((*v)[1]) > g->bottom && g->sceneY((*v)[1]) < g->bottom + g->side);
        }
        QVERIFY(g->left >= plot.left && g->left + g->side <= plot.left + plot.width);
        QVERIFY(g->bottom >= plot.bottom && g->bottom + g->side <= plot.bottom + plot.height);
        const double bx = plot.sceneX(a[0]), by = plot.sceneY(a[1]);
        QVERIFY(!(bx > g->left && bx < g->left + g->side && by > g->bottom && by < g->bottom + g->side));
        QCOMPARE(g->barLength, scaleBarLength(0.8 * core.halfSide));
        // No clicked point with an effect: no inset.
        LandscapeOverlays none;
        none.points.push_back({0.0, 0.0, 0.3, std::nullopt, "failed"});
        QVERIFY(!orderEffectInset(plot, &none));
        QVERIFY(!orderEffectInset(plot, nullptr));
    }

    void exportedFiguresDrawTheInset()
    {
        for (LandscapePanel panel : {LandscapePanel::Bracket, LandscapePanel::PMap, LandscapePanel::L1}) {
            LandscapeFigureSpec spec = spec_;
            spec.panels = {panel};
            const QString png = dir_.filePath(QString("inset-%1.png").arg(landscapePanelName(panel)));
            writeFigure(ScaledScenePopulator([&](vtkContextScene* scene, int w, int h, double scale) {
                            populateLandscapeFigure(scene, spec, w, h, scale);
                        }),
                        png, FigureOptions{1000, 760, 96, "inset"});
            const QImage image = QImage(png).convertToFormat(QImage::Format_RGB32);
            const auto g = orderEffectInset(landscapePanelLayout(spec, 0, 1000, 760, 1), spec.overlays.get());
            QVERIFY(g);
            verifyEndPointsDrawn(image, *g, landscapePanelName(panel));
        }
        // The vector figure states the same scale as text.
        const QString svg = dir_.filePath("inset.svg");
        writeFigure(ScaledScenePopulator([&](vtkContextScene* scene, int w, int h, double scale) {
                        populateLandscapeFigure(scene, spec_, w, h, scale);
                    }),
                    svg, FigureOptions{1000, 760, 96, "inset"});
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const auto g = orderEffectInset(landscapePanelLayout(spec_, 0, 1000, 760, 1), spec_.overlays.get());
        const QString stated = QString(">\u00d7") + QString::number(g->magnification, 'g', 3);
        QVERIFY2(text.contains(stated), qPrintable(stated));
        QVERIFY2(text.contains(">" + QString::number(g->barLength, 'g', 3) + "<"),
                 qPrintable(QString::number(g->barLength)));
    }

    void liveViewDrawsTheInset()
    {
        LandscapeView view;
        view.resize(900, 700);
        view.setFields(spec_.grid);
        view.setOverlays(spec_.overlays);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.grabFramebuffer().convertToFormat(QImage::Format_RGB32);
        const PlotLayout plot = landscapePanelLayout(spec_, 0, image.width(), image.height(), view.devicePixelRatioF());
        // The layout used here is the view's own: the same data point lands on the same pixel.
        const QPointF p = view.dataToPixel(0.5, 0.25);
        QVERIFY(std::abs(p.x() - plot.sceneX(0.5)) < 1e-9 &&
                std::abs(p.y() - (image.height() - plot.sceneY(0.25))) < 1e-9);
        const auto g = orderEffectInset(plot, spec_.overlays.get());
        QVERIFY(g);
        verifyEndPointsDrawn(image, *g, "view");
        if (const char* out = std::getenv("COMMUTELAB_TEST_OUTPUT")) image.save(QString(out) + "/view-inset.png");
    }
};

int main(int argc, char** argv)
{
    cl::ui::useVtkSurfaceFormat();
    QApplication app(argc, argv);
    TestOrderEffectInset test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_order_effect_inset.moc"
