// The landscape figure as drawn by populateLandscapeFigure (the one path of the view, the export
// and `commutelab render`; its baselines are in test_figure_formats): region colours where core classifies, P colours
// by sign, a layout without overlaps, and the live view's pan, zoom and click.

#include "../../ui/drawing/src/ArrowFieldItem.h"
#include "../../ui/drawing/src/figure/FieldStatistics.h"
#include "PresetGrid.h"
#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"
#include "core/landscape/LandscapePreset.h"
#include "ui/FigureExport.h"
#include "ui/LandscapeColors.h"
#include "ui/LandscapeFigure.h"
#include "ui/LandscapeView.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include "ui/VtkOpenGLHost.h"

#include <QtTest>

#include <cmath>
#include <cstdlib>

using namespace cl;
using namespace cl::ui;

namespace {

QImage renderPng(const LandscapeFigureSpec& spec, int width, int height, const QString& path, int dpi = 96)
{
    writeFigure(ScaledScenePopulator([&](vtkContextScene* scene, int w, int h, double scale) {
                    populateLandscapeFigure(scene, spec, w, h, scale);
                }),
                path, FigureOptions{width, height, dpi, "test"});
    return QImage(path).convertToFormat(QImage::Format_RGB32);
}

bool near(QRgb pixel, Rgb colour, int tolerance = 12)
{
    return std::abs(qRed(pixel) - colour.r) <= tolerance && std::abs(qGreen(pixel) - colour.g) <= tolerance &&
           std::abs(qBlue(pixel) - colour.b) <= tolerance;
}

/// Share of the 5×5 pixels around a scene point (origin bottom-left) that have `colour`.
double shareAround(const QImage& image, double sx, double sy, Rgb colour)
{
    int hits = 0, total = 0;
    const int cx = int(std::floor(sx)), cy = image.height() - 1 - int(std::floor(sy));
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
            const int x = cx + dx, y = cy + dy;
            if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) continue;
            ++total;
            hits += near(image.pixel(x, y), colour) ? 1 : 0;
        }
    return total ? double(hits) / total : 0;
}

/// Grid points whose neighbours within `margin` steps all share `region`.
std::vector<std::pair<int, int>> interior(const FieldGrid& grid, Region region, int margin)
{
    std::vector<std::pair<int, int>> found;
    const int n = grid.spec.n;
    for (int j = margin; j < n - margin; j += 5)
        for (int i = margin; i < n - margin; i += 5) {
            bool uniform = true;
            for (int dj = -margin; dj <= margin && uniform; ++dj)
                for (int di = -margin; di <= margin && uniform; ++di)
                    uniform = grid.region[grid.index(i + di, j + dj)] == region;
            if (uniform) found.emplace_back(i, j);
        }
    return found;
}

bool sameCurves(const std::vector<ContourLevel>& a, const std::vector<ContourLevel>& b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k) {
        if (a[k].level != b[k].level || a[k].lines.size() != b[k].lines.size()) return false;
        for (std::size_t m = 0; m < a[k].lines.size(); ++m)
            if (a[k].lines[m].x != b[k].lines[m].x || a[k].lines[m].y != b[k].lines[m].y) return false;
    }
    return true;
}

}  // namespace

class TestLandscapeFigure : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::shared_ptr<const FieldGrid> grid_;

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        grid_ = figtest::presetGrid(120);
    }

    void anUnchangedLossKeepsItsCurvesAndTheEditedOneIsTracedAgain()
    {
        const LandscapeOptions options;
        const LandscapeFieldData before = computeFieldData(grid_, options);
        auto edited = std::make_shared<FieldGrid>(*grid_);
        for (double& v : edited->l1) v = std::exp(v);  // L1 edited (new levels), L2 as before
        const LandscapeFieldData taken = computeFieldData(edited, options, &before);
        const LandscapeFieldData traced = computeFieldData(edited, options);
        QVERIFY(!sameCurves(traced.l1Curves, before.l1Curves));
        QVERIFY(sameCurves(taken.l1Curves, traced.l1Curves));
        QVERIFY(sameCurves(taken.l2Curves, traced.l2Curves));
        // A different rectangle never takes curves over, even with equal values.
        auto moved = std::make_shared<FieldGrid>(*grid_);
        moved->spec.xmin -= 1;
        const LandscapeFieldData elsewhere = computeFieldData(moved, options, &before);
        QVERIFY(!sameCurves(elsewhere.l1Curves, before.l1Curves));
        QVERIFY(sameCurves(elsewhere.l1Curves, computeFieldData(moved, options).l1Curves));
    }

    void regionColoursSitWhereCoreClassifies()
    {
        LandscapeFigureSpec spec;
        spec.grid = grid_;
        spec.panels = {LandscapePanel::Bracket};
        const QImage image = renderPng(spec, 900, 640, dir_.filePath("regions.png"));
        const PlotLayout l = landscapePanelLayout(spec, 0, 900, 640, 1);
        for (auto [region, colour, other] : {std::tuple{Region::Green, palette::regionGreen, palette::regionPurple},
                                             std::tuple{Region::Purple, palette::regionPurple, palette::regionGreen}}) {
            const auto probes = interior(*grid_, region, 3);
            QVERIFY2(probes.size() >= 3, regionName(region));
            int good = 0;
            for (auto [i, j] : probes) {
                const double sx = l.sceneX(grid_->spec.x(i)), sy = l.sceneY(grid_->spec.y(j));
                good += shareAround(image, sx, sy, colour) >= 0.4 ? 1 : 0;
                QVERIFY2(shareAround(image, sx, sy, other) < 0.2, qPrintable(QString("%1 %2").arg(i).arg(j)));
            }
            // Arrows and curves cover some probes; most must show the region's colour.
            QVERIFY2(good >= int(probes.size()) * 3 / 4,
                     qPrintable(QString("%1: %2 of %3").arg(regionName(region)).arg(good).arg(probes.size())));
        }
    }

    void pMapIsBlueWherePIsPositiveAndRedWhereNegative()
    {
        LandscapeFigureSpec spec;
        spec.grid = grid_;
        spec.panels = {LandscapePanel::PMap};
        const QImage image = renderPng(spec, 800, 600, dir_.filePath("pmap.png"));
        const PlotLayout l = landscapePanelLayout(spec, 0, 800, 600, 1);
        std::size_t high = 0, low = 0;
        for (std::size_t k = 0; k < grid_->p.size(); ++k) {
            if (grid_->p[k] > grid_->p[high]) high = k;
            if (grid_->p[k] < grid_->p[low]) low = k;
        }
        QVERIFY(grid_->p[high] > 0 && grid_->p[low] < 0);
        auto pixelAt = [&](std::size_t k) {
            const int n = grid_->spec.n, i = int(k % n), j = int(k / n);
            return image.pixel(int(l.sceneX(grid_->spec.x(i))), image.height() - 1 - int(l.sceneY(grid_->spec.y(j))));
        };
        const QRgb positive = pixelAt(high), negative = pixelAt(low);
        QVERIFY2(qBlue(positive) > qRed(positive) + 60, qPrintable(QString::number(positive, 16)));  // RdBu: blue > 0
        QVERIFY2(qRed(negative) > qBlue(negative) + 60, qPrintable(QString::number(negative, 16)));
    }

    void colourMapsAndArrowScalings()
    {
        const ColorMap viridis = ColorMap::named("viridis");
        QCOMPARE(int(viridis.at(0).r), 0x44);
        QCOMPARE(int(viridis.at(1).b), 0x25);
        const ColorMap reversed = ColorMap::named("RdBu_r");
        QCOMPARE(int(reversed.at(0).b), int(ColorMap::named("RdBu").at(1).b));
        const Rgb middle = ColorMap::named("RdBu").at(0.5);  // the diverging maps are white-ish at 0
        QVERIFY(middle.r > 240 && middle.g > 240 && middle.b > 240);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ColorMap::named("jet"));

        using S = LandscapeOptions::ArrowScaling;
        for (S scaling : {S::Linear, S::SquareRoot, S::Log}) {
            double previous = 0;
            for (double ratio : {0.01, 0.1, 0.5, 1.0}) {  // grows with the norm, reaching 1 at the reference
                const double f = ArrowFieldItem::lengthFraction(scaling, ratio);
                QVERIFY(f > previous);
                previous = f;
            }
            QCOMPARE(ArrowFieldItem::lengthFraction(scaling, 1.0), 1.0);
            QCOMPARE(ArrowFieldItem::lengthFraction(scaling, 5.0), 1.0);  // capped
        }
        // Weak vectors: the square root and the log show more of them than linear.
        QVERIFY(ArrowFieldItem::lengthFraction(S::SquareRoot, 0.01) >
                5 * ArrowFieldItem::lengthFraction(S::Linear, 0.01));
        QVERIFY(ArrowFieldItem::lengthFraction(S::Log, 0.01) > ArrowFieldItem::lengthFraction(S::SquareRoot, 0.01));
        QCOMPARE(ArrowFieldItem::lengthFraction(S::Normalised, 0.01),
                 ArrowFieldItem::lengthFraction(S::Normalised, 3.0));
    }

    void figure1PanelsDoNotOverlapAndFitTheScene()
    {
        LandscapeFigureSpec spec;
        spec.grid = grid_;
        spec.panels = landscapeViewPanels("figure1");
        spec.title = "Figure 1";
        QCOMPARE(spec.panels.size(), std::size_t(3));
        double previousRight = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            const PlotLayout l = landscapePanelLayout(spec, k, 1800, 540, 1);
            QVERIFY(l.left - PlotLayout::marginLeft >= previousRight - 1e-9);
            QVERIFY(std::abs(l.width / l.height - 1) < 1e-9);  // equal units on a square range
            previousRight = l.columnLeft + l.columnWidth;
            QVERIFY(previousRight <= 1800 + 1e-9);
            QVERIFY(l.bottom + l.height + PlotLayout::marginTop <= 540);
        }
    }

    void viewPansZoomsAndClicks()
    {
        LandscapeView view;
        view.resize(700, 520);
        view.setPanel(LandscapePanel::L1);
        view.setFields(grid_);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        double x0, x1, y0, y1;
        view.viewRect(x0, x1, y0, y1);
        QVERIFY(x0 < -3 && x1 > 3);

        // A click without moving: clicked() at the data point under the cursor.
        QSignalSpy clicked(&view, &LandscapeView::clicked);
        QSignalSpy changed(&view, &LandscapeView::viewRectChanged);
        const QPointF centre = view.dataToPixel(1.0, -0.5) / view.devicePixelRatioF();
        QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
        QCOMPARE(clicked.count(), 1);
        QVERIFY(std::abs(clicked.at(0).at(0).toDouble() - 1.0) < 0.05);
        QVERIFY(std::abs(clicked.at(0).at(1).toDouble() + 0.5) < 0.05);
        QCOMPARE(changed.count(), 0);

        // A drag pans: the data point under the cursor follows it, and no click is reported.
        const QPoint from = centre.toPoint(), to = from + QPoint(60, -40);
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, from);
        for (int step = 1; step <= 6; ++step) {
            QMouseEvent move(QEvent::MouseMove, QPointF(from + (to - from) * step / 6.0),
                             view.mapToGlobal(QPointF(from + (to - from) * step / 6.0)), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QApplication::sendEvent(&view, &move);
        }
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, to);
        QCOMPARE(clicked.count(), 1);
        QVERIFY(changed.count() >= 1);
        const auto under = view.widgetToData(QPointF(to));
        QVERIFY(under);
        QVERIFY2(std::abs(under->x() - 1.0) < 0.05 && std::abs(under->y() + 0.5) < 0.05,
                 qPrintable(QString("%1 %2").arg(under->x()).arg(under->y())));
        const QList<QVariant> last = changed.last();
        double a0, a1, b0, b1;
        view.viewRect(a0, a1, b0, b1);
        QCOMPARE(last.at(0).toDouble(), a0);
        QCOMPARE(last.at(3).toDouble(), b1);
        QVERIFY(std::abs((a1 - a0) - (x1 - x0)) < 1e-9);  // panning keeps the size

        // The wheel zooms in about the cursor: the point under it stays put, the range shrinks.
        const QPointF cursor = view.dataToPixel(0.0, 0.0) / view.devicePixelRatioF();
        QWheelEvent wheel(cursor, view.mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        view.viewRect(a0, a1, b0, b1);
        QVERIFY2(std::abs((a1 - a0) - 0.8 * (x1 - x0)) < 1e-6, qPrintable(QString::number(a1 - a0)));
        const auto still = view.widgetToData(cursor);
        QVERIFY(still && std::abs(still->x()) < 0.02 && std::abs(still->y()) < 0.02);
        view.setPanel(LandscapePanel::Bracket);  // (its legend column moves the plot)
        {
            // Zoomed in, the shading, curves and arrows stay inside the frame: the pixel just
            // outside the plot's left edge is page white.
            const QImage image = view.grabFramebuffer().convertToFormat(QImage::Format_RGB32);
            if (const char* dir = std::getenv("COMMUTELAB_TEST_OUTPUT")) image.save(QString(dir) + "/zoomed.png");
            const QPointF corner = view.dataToPixel(a0, 0.5 * (b0 + b1));
            QCOMPARE(image.pixel(int(corner.x()) - 4, int(corner.y())), qRgb(255, 255, 255));
        }

        // Reset goes back to the grid's rectangle and tells the linked views.
        const int before = changed.count();
        view.resetView();
        view.viewRect(a0, a1, b0, b1);
        QCOMPARE(a0, x0);
        QCOMPARE(b1, y1);
        QCOMPARE(changed.count(), before + 1);
    }

    void everyPanelDrawsInTheViewWithOverlays()
    {
        auto overlays = std::make_shared<LandscapeOverlays>();
        const LandscapePreset& preset = findLandscapePreset("figure1");
        const auto l1 = ExpressionLoss::fromText(preset.l1), l2 = ExpressionLoss::fromText(preset.l2);
        const Vector theta0 = (Vector(2) << 1.0, -1.5).finished();
        overlays->points.push_back({1.0, -1.5, 0.3, computePointFlows(l1, l2, theta0, 0.3), {}});
        overlays->points.push_back({-2.0, 2.0, 0.3, std::nullopt, "flow left the domain"});
        overlays->descentPaths.push_back(descentPath(l1, theta0));
        LandscapeView view;
        view.resize(700, 520);
        view.setFields(grid_);
        view.setOverlays(overlays);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (LandscapePanel panel :
             {LandscapePanel::L1, LandscapePanel::L2, LandscapePanel::Bracket, LandscapePanel::PMap}) {
            view.setPanel(panel);
            const QImage image = view.grabFramebuffer().convertToFormat(QImage::Format_RGB32);
            // The 1→2 flow's vermillion appears near the clicked point on every panel.
            const QPointF p = view.dataToPixel(1.0, -1.5);
            int hits = 0;
            for (int dy = -30; dy <= 30; ++dy)
                for (int dx = -30; dx <= 30; ++dx) {
                    const int x = int(p.x()) + dx, y = int(p.y()) + dy;
                    if (x >= 0 && y >= 0 && x < image.width() && y < image.height())
                        hits += near(image.pixel(x, y), palette::flowOneThenTwo, 30) ? 1 : 0;
                }
            QVERIFY2(hits > 5, qPrintable(QString("%1: %2").arg(landscapePanelName(panel)).arg(hits)));
        }
    }
};

int main(int argc, char** argv)
{
    cl::ui::useVtkSurfaceFormat();
    QApplication app(argc, argv);
    TestLandscapeFigure test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_landscape_figure.moc"
