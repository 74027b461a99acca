// The first GUI end to end: the main window computes the default landscape off the GUI thread,
// VTK draws it into the Qt window, and the pixels of the bracket view show the regions core
// computed, where core says they are. A malformed expression shows its error and leaves the
// picture alone. (The workspace's other features: test_landscape_workspace.)

#include "ThrowawaySettings.h"
#include "core/FieldGrid.h"
#include "ui/FieldComputation.h"
#include "ui/LandscapeColors.h"
#include "ui/LandscapeView.h"
#include "ui/LossPanel.h"
#include "ui/MainWindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSurfaceFormat>
#include <QTemporaryDir>
#include "ui/VtkOpenGLHost.h"

#include <QtTest>

#include <cmath>
#include <cstdlib>

using namespace cl;
using namespace cl::ui;

namespace {

bool near(QRgb pixel, Rgb colour, int tolerance = 12)
{
    return std::abs(qRed(pixel) - colour.r) <= tolerance && std::abs(qGreen(pixel) - colour.g) <= tolerance &&
           std::abs(qBlue(pixel) - colour.b) <= tolerance;
}

double fractionNear(const QImage& image, Rgb colour)
{
    qint64 count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) count += near(image.pixel(x, y), colour) ? 1 : 0;
    return double(count) / (double(image.width()) * image.height());
}

/// Share of the 5×5 pixels around `centre` that have `colour` (arrows and curves may cover some).
double neighbourhoodShare(const QImage& image, QPointF centre, Rgb colour)
{
    int hits = 0, total = 0;
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
            const int x = int(std::floor(centre.x())) + dx, y = int(std::floor(centre.y())) + dy;
            if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) continue;
            ++total;
            hits += near(image.pixel(x, y), colour) ? 1 : 0;
        }
    return total ? double(hits) / total : 0;
}

/// Grid points deep inside a region: every point within `margin` grid steps has the same region,
/// so a sub-pixel difference in mapping cannot land the probe in a neighbour.
std::vector<std::pair<int, int>> interiorPoints(const FieldGrid& grid, Region region, int margin, int wanted)
{
    std::vector<std::pair<int, int>> found;
    const int n = grid.spec.n;
    for (int j = margin; j < n - margin && int(found.size()) < 4 * wanted; j += 7)
        for (int i = margin; i < n - margin; i += 7) {
            bool uniform = true;
            for (int dj = -margin; dj <= margin && uniform; ++dj)
                for (int di = -margin; di <= margin && uniform; ++di)
                    uniform = grid.region[grid.index(i + di, j + dj)] == region;
            if (uniform) found.emplace_back(i, j);
        }
    // Spread the probes over what was found.
    std::vector<std::pair<int, int>> picked;
    for (int k = 0; k < wanted && !found.empty(); ++k) picked.push_back(found[k * found.size() / wanted]);
    return picked;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> window_;
    std::shared_ptr<const FieldGrid> first_;
    cl::testing::ThrowawaySettings settings_;

private slots:
    void initTestCase()
    {
        cl::ui::useVtkSurfaceFormat();
        // Never read or write the user's settings.
        settings_.redirect();

        window_ = std::make_unique<MainWindow>();
        window_->setSinglePanel(LandscapePanel::Bracket);  // the pixel probes want a large bracket view
        QSignalSpy finished(window_->computation(), &FieldComputation::finished);
        window_->resize(1300, 900);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 60000);
        first_ = window_->landscapeView()->fields();
        QVERIFY(first_);
        QCOMPARE(first_->spec.n, MainWindow::defaultGrid().n);
    }

    void startsWithTheTypedDefaultPair()
    {
        LossPanel* panel = window_->findChild<LossPanel*>("lossPanel");
        QVERIFY(panel);
        QCOMPARE(window_->findChild<QLineEdit*>("l1Edit")->text(), QString(LossPanel::defaultL1()));
        QCOMPARE(window_->findChild<QLineEdit*>("l2Edit")->text(), QString(LossPanel::defaultL2()));
        QVERIFY(panel->errorText().isEmpty());
        // Both regions exist in core's classification of the default pair.
        const FieldSummary summary = summarize(*first_);
        QVERIFY2(summary.greenFraction > 0.02, qPrintable(QString::number(summary.greenFraction)));
        QVERIFY2(summary.purpleFraction > 0.02, qPrintable(QString::number(summary.purpleFraction)));
    }

    void drawsBothRegionColours()
    {
        LandscapeView* view = window_->findChild<LandscapeView*>("bracketView");
        QVERIFY(view);
        const QImage image = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
        if (const char* dir = std::getenv("COMMUTELAB_TEST_OUTPUT")) image.save(QString(dir) + "/landscape.png");
        QVERIFY(!image.isNull());
        // Non-blank: many distinct colours, not one flat fill.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString("only %1 colours").arg(colours.size())));
        const double green = fractionNear(image, palette::regionGreen);
        const double purple = fractionNear(image, palette::regionPurple);
        QVERIFY2(green > 0.01, qPrintable(QString("green covers %1").arg(green)));
        QVERIFY2(purple > 0.01, qPrintable(QString("purple covers %1").arg(purple)));
    }

    void regionColoursSitWhereCoreClassifies()
    {
        LandscapeView* view = window_->landscapeView();
        const QImage image = view->grabFramebuffer().convertToFormat(QImage::Format_RGB32);
        const FieldGrid& grid = *first_;
        for (auto [region, colour] :
             {std::pair{Region::Green, palette::regionGreen}, std::pair{Region::Purple, palette::regionPurple}}) {
            const auto probes = interiorPoints(grid, region, 3, 6);
            QVERIFY2(probes.size() >= 3, regionName(region));
            for (auto [i, j] : probes) {
                const QPointF pixel = view->dataToPixel(grid.spec.x(i), grid.spec.y(j));
                const double share = neighbourhoodShare(image, pixel, colour);
                QVERIFY2(share >= 0.4, qPrintable(QString("%1 at grid (%2, %3) = pixel (%4, %5): share %6")
                                                      .arg(regionName(region))
                                                      .arg(i)
                                                      .arg(j)
                                                      .arg(pixel.x())
                                                      .arg(pixel.y())
                                                      .arg(share)));
            }
        }
        // And the mapping is not trivially satisfied: a green probe is not purple.
        const auto green = interiorPoints(grid, Region::Green, 3, 1).at(0);
        const QPointF pixel = view->dataToPixel(grid.spec.x(green.first), grid.spec.y(green.second));
        QVERIFY(neighbourhoodShare(image, pixel, palette::regionPurple) < 0.2);
    }

    void hoverShowsValuesOfTheNearestGridPoint()
    {
        LandscapeView* view = window_->landscapeView();
        const FieldGrid& grid = *first_;
        const int i = 50, j = 120;
        const QPointF pixel = view->dataToPixel(grid.spec.x(i), grid.spec.y(j));
        const QPoint widgetPos = (pixel / view->devicePixelRatioF()).toPoint();
        QMouseEvent move(QEvent::MouseMove, widgetPos, view->mapToGlobal(widgetPos), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QApplication::sendEvent(view, &move);
        const QString text = window_->hoverText();
        QVERIFY2(text.contains(QString("L1 = %1").arg(grid.l1[grid.index(i, j)], 0, 'g', 4)), qPrintable(text));
        // In the bracket legend's words: "mixed signs", not "neutral".
        const Region region = grid.region[grid.index(i, j)];
        const QString words = region == Region::Neutral  ? "mixed signs"
                              : region == Region::Green  ? "green"
                              : region == Region::Purple ? "purple"
                                                         : "undefined";
        QVERIFY2(text.contains("region: " + words), qPrintable(text));
    }

    void hoverOutsideThePlotClearsTheReadOut()
    {
        LandscapeView* view = window_->landscapeView();
        QMouseEvent move(QEvent::MouseMove, QPointF(2, 2), view->mapToGlobal(QPointF(2, 2)), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QApplication::sendEvent(view, &move);
        QVERIFY(window_->hoverText().isEmpty());
    }

    void changingTheTargetRecomputesP()
    {
        QSignalSpy finished(window_->computation(), &FieldComputation::finished);
        auto* combo = window_->findChild<QComboBox*>("targetCombo");
        QVERIFY(combo);
        combo->setCurrentIndex(1);  // L1
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 60000);
        const auto grid = window_->landscapeView()->fields();
        // With target L1, P is <R, g1> exactly.
        const std::size_t k = grid->index(40, 150);
        const double expected = grid->rx[k] * grid->g1x[k] + grid->ry[k] * grid->g1y[k];
        QVERIFY(std::abs(grid->p[k] - expected) <= 1e-9 * (1 + std::abs(expected)));
        QCOMPARE(grid->region, first_->region);  // regions do not depend on the target
        combo->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 60000);
    }

    void badExpressionShowsColumnAndKeepsPicture()
    {
        LandscapeView* view = window_->landscapeView();
        const QImage before = view->grabFramebuffer();
        const auto shown = view->fields();
        QSignalSpy started(window_->computation(), &FieldComputation::started);
        QLineEdit* l1 = window_->findChild<QLineEdit*>("l1Edit");
        l1->selectAll();
        QTest::keyClicks(l1, "0.5*(x-1)^2 +)");
        QTest::keyClick(l1, Qt::Key_Return);
        QLabel* error = window_->findChild<QLabel*>("errorLabel");
        QTRY_VERIFY(!error->text().isEmpty());
        QVERIFY2(error->text().contains("column 14"), qPrintable(error->text()));
        QVERIFY2(error->text().startsWith("L1"), qPrintable(error->text()));
        QTest::qWait(600);  // longer than the typing debounce
        QCOMPARE(started.count(), 0);
        QCOMPARE(view->fields(), shown);
        QCOMPARE(view->grabFramebuffer(), before);

        // Fixing it clears the error and computes again.
        QSignalSpy finished(window_->computation(), &FieldComputation::finished);
        l1->setText(LossPanel::defaultL1());
        QTest::keyClick(l1, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 60000);
        QVERIFY(error->text().isEmpty());
    }

    void newRequestSupersedesTheRunningOne()
    {
        FieldComputation* computation = window_->computation();
        QSignalSpy finished(computation, &FieldComputation::finished);
        LossPanel* panel = window_->lossPanel();
        FieldRequest request;
        request.l1 = panel->l1();
        request.l2 = panel->l2();
        request.grid = GridSpec{-3, 3, -3, 3, 400};
        computation->request(request);
        request.grid.n = 60;
        const quint64 last = computation->request(request);
        QTRY_VERIFY_WITH_TIMEOUT(!computation->isRunning(), 60000);
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(1).value<quint64>(), last);
        QCOMPARE(finished.at(0).at(0).value<std::shared_ptr<const FieldGrid>>()->spec.n, 60);
    }

    void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
