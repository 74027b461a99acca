// Landscape figures at paper sizes (issue 15): Figure 1 at a full two-column width (7 in), each
// single panel at one column (3.3 in), and the default sizes, written as PDF through the same
// code as `commutelab render` (populateLandscapeFigure + writeFigure) and read back by poppler
// (pdftotext -bbox, tests/support/PdfWords.h): no word leaves the page or overlaps another, the
// legend entries and panel titles are in the text in full, and each plot keeps a real share of
// its panel's width. At the default sizes the layout is the one the figures always had.

#include "FigureFormats.h"
#include "PdfWords.h"
#include "PresetGrid.h"

#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"
#include "core/landscape/LandscapePreset.h"
#include "core/landscape/PointFlows.h"
#include "ui/FigureExport.h"
#include "ui/LandscapeColors.h"
#include "ui/LandscapeFigure.h"
#include "ui/LandscapeView.h"
#include "ui/VtkOpenGLHost.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdlib>

using namespace cl;
using namespace cl::ui;

namespace {

/// The spec `commutelab render --preset figure1 --view VIEW` draws: the preset's title over
/// several panels, the formulas as subtitle (here unshortened: longer than render's).
LandscapeFigureSpec presetSpec(const QString& view, bool withOverlays)
{
    static const auto grid = figtest::presetGrid(100);
    const LandscapePreset& preset = findLandscapePreset("figure1");
    LandscapeFigureSpec spec;
    spec.grid = grid;
    spec.panels = landscapeViewPanels(view.toStdString());
    spec.title = spec.panels.size() > 1 ? preset.title : std::string();
    spec.subtitle = "L\u2081 = " + preset.l1 + "      L\u2082 = " + preset.l2;
    if (withOverlays) {  // a clicked point with its three flows, and a descent path
        auto overlays = std::make_shared<LandscapeOverlays>();
        const auto l1 = ExpressionLoss::fromText(preset.l1), l2 = ExpressionLoss::fromText(preset.l2);
        const Vector theta0 = (Vector(2) << 1.0, -1.5).finished();
        overlays->points.push_back({1.0, -1.5, 0.3, computePointFlows(l1, l2, theta0, 0.3), {}});
        overlays->descentPaths.push_back(descentPath(l1, theta0));
        spec.overlays = overlays;
    }
    prepareLandscapeFigure(grid, spec.options);
    return spec;
}

/// What a reader must find in full: the panels' titles and legend entries (as the band or the
/// column names them) and the overlays' entries.
QStringList expectedText(const LandscapeFigureSpec& spec, bool narrow)
{
    QStringList words;
    const bool single = spec.panels.size() == 1;
    for (LandscapePanel p : spec.panels) {
        switch (p) {
            case LandscapePanel::L1:
                words << (single ? "L₁: level curves and −∇L₁" : "(a) L₁: level curves and −∇L₁") << "−∇L₁ (flow)"
                      << "length ∝ √|∇L₁|, capped";
                break;
            case LandscapePanel::L2:
                words << (single ? "L₂: level curves and −∇L₂" : "(b) L₂: level curves and −∇L₂") << "−∇L₂ (flow)";
                break;
            case LandscapePanel::Bracket:
                words << (single ? "Lie bracket R(L₁, L₂) and regions" : "(c) Lie bracket R(L₁, L₂) and regions")
                      << "⟨R,g₁⟩ > 0 and ⟨R,g₂⟩ > 0"
                      << "⟨R,g₁⟩ < 0 and ⟨R,g₂⟩ < 0"
                      << "mixed signs";
                break;
            case LandscapePanel::PMap:
                words << "P(L₁, L₂; mean) = ⟨R, ∇target⟩"
                      << "P(L₁, L₂; mean)";
                break;
        }
    }
    if (spec.overlays)
        words << "L₁ then L₂"
              << "L₂ then L₁"
              << "predicted ±½Δt²R"
              << "descent path";
    if (!single) words << QString::fromStdString(spec.title);
    if (narrow)
        words << "θ₁"
              << "θ₂";
    return words;
}

/// Whitespace collapsed, so an entry pdftotext breaks over a line still reads as one.
QString simplified(const QString& text)
{
    // Qt sets "fl" and "fi" as ligatures (flow, definite), which poppler reads back as one glyph.
    return QString(text)
        .replace(QChar(0x0c), ' ')
        .replace(QChar(0xfb02), QStringLiteral("fl"))
        .replace(QChar(0xfb01), QStringLiteral("fi"))
        .simplified();
}

}  // namespace

class TestLandscapePaperSizes : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable("pdftotext").isEmpty()) QSKIP("pdftotext is not installed (poppler-utils)");
    }

    void figuresFitTheirPage_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<double>("inchesWide");
        QTest::addColumn<double>("inchesHigh");  // 0: landscapeFigureHeight
        QTest::addColumn<int>("dpi");
        QTest::addColumn<bool>("overlays");
        // The plot's least share of its panel's width. With flows, seven or eight legend entries
        // share one column's height with the plot, which keeps less.
        QTest::addColumn<double>("minShare");
        QTest::newRow("figure1 7x3 in") << "figure1" << 7.0 << 3.0 << 150 << false << 0.55;
        QTest::newRow("figure1 7 in, default height") << "figure1" << 7.0 << 0.0 << 150 << false << 0.55;
        QTest::newRow("figure1 7 in with flows") << "figure1" << 7.0 << 0.0 << 150 << true << 0.55;
        for (const char* view : {"l1", "l2", "bracket", "pmap"})
            QTest::newRow(qPrintable(QString("%1 3.3x3 in").arg(view))) << view << 3.3 << 3.0 << 150 << false << 0.55;
        QTest::newRow("pmap 3.3x3 in with flows") << "pmap" << 3.3 << 3.0 << 150 << true << 0.4;
        QTest::newRow("bracket 3.3x3 in with flows") << "bracket" << 3.3 << 3.0 << 150 << true << 0.4;
    }

    void figuresFitTheirPage()
    {
        QFETCH(QString, view);
        QFETCH(double, inchesWide);
        QFETCH(double, inchesHigh);
        QFETCH(int, dpi);
        QFETCH(bool, overlays);
        QFETCH(double, minShare);
        const LandscapeFigureSpec spec = presetSpec(view, overlays);
        const double scale = dpi / 96.0;
        const int width = int(std::lround(inchesWide * dpi));
        const int height =
            inchesHigh > 0 ? int(std::lround(inchesHigh * dpi)) : landscapeFigureHeight(spec, width, scale);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(view + ".pdf");
        writeFigure(ScaledScenePopulator([&](vtkContextScene* scene, int w, int h, double s) {
                        populateLandscapeFigure(scene, spec, w, h, s);
                    }),
                    pdf, FigureOptions{width, height, dpi, "test"});

        if (const char* out = std::getenv("COMMUTELAB_TEST_OUTPUT"))  // to look at
            QFile::copy(pdf, QString("%1/%2.pdf").arg(out, QString(QTest::currentDataTag()).replace(' ', '-')));
        // Each plot at least minShare of its panel's share of the figure's width, legends below it.
        const std::size_t count = spec.panels.size();
        for (std::size_t k = 0; k < count; ++k) {
            const PlotLayout l = landscapePanelLayout(spec, k, width, height, scale);
            qInfo("%dx%d px, panel %zu: plot %.0f px, %.0f %% of %.0f", width, height, k, l.width,
                  100 * l.width * double(count) / width, width / double(count));
            QVERIFY2(l.width >= minShare * width / double(count),
                     qPrintable(QString("panel %1: plot %2 of %3 px").arg(k).arg(l.width).arg(width / double(count))));
            QVERIFY(l.legendBelow);
            QVERIFY(std::abs(l.width / l.height - 1) < 1e-9);                   // equal units on the square range
            QVERIFY(l.bandTop < l.bottom && l.bandTop - l.bandHeight >= -0.5);  // the band fits under the plot
            QVERIFY(l.bottom + l.height <= height + 0.5);
        }

        const figtest::PdfWords page = figtest::pdfWords(pdf);
        QVERIFY2(page.ok && !page.words.empty(), "pdftotext -bbox found no words");
        QVERIFY2(std::abs(page.pageWidth - width * 72.0 / dpi) < 1, qPrintable(QString::number(page.pageWidth)));
        const QStringList problems = figtest::textLayoutProblems(page);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));
        const QString text = simplified(figtest::pdfText(pdf));
        for (const QString& entry : expectedText(spec, true))
            QVERIFY2(text.contains(simplified(entry)), qPrintable("PDF text lacks '" + entry + "':\n" + text));
    }

    void defaultSizesKeepTheirLayout_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");  // 0: landscapeFigureHeight
        QTest::newRow("figure1 1800 (render's default)") << "figure1" << 1800 << 0;
        for (const char* view : {"l1", "l2", "bracket", "pmap"})
            QTest::newRow(qPrintable(QString("%1 960x680").arg(view))) << view << 960 << 680;
    }

    void defaultSizesKeepTheirLayout()
    {
        QFETCH(QString, view);
        QFETCH(int, width);
        QFETCH(int, height);
        const LandscapeFigureSpec spec = presetSpec(view, false);
        if (height == 0) height = landscapeFigureHeight(spec, width, 1.0);
        QTemporaryDir dir;
        const QString pdf = dir.filePath(view + ".pdf");
        writeFigure(ScaledScenePopulator([&](vtkContextScene* scene, int w, int h, double s) {
                        populateLandscapeFigure(scene, spec, w, h, s);
                    }),
                    pdf, FigureOptions{width, height, 96, "test"});
        // The column layout, as before: margins 70 + 18 + 14 logical px and the legend column
        // (L1/L2 150, bracket 250, P map 140) around plots of equal width, width- or height-limited.
        const std::size_t count = spec.panels.size();
        double columns = 0;
        for (LandscapePanel p : spec.panels)
            columns += 102 + (p == LandscapePanel::Bracket ? 250 : p == LandscapePanel::PMap ? 140 : 150);
        const double expectedPlot = std::min((width - columns) / double(count), height - 120.0);
        for (std::size_t k = 0; k < count; ++k) {
            const PlotLayout l = landscapePanelLayout(spec, k, width, height, 1.0);
            QVERIFY(!l.legendBelow);
            QVERIFY2(std::abs(l.width - expectedPlot) < 1e-9, qPrintable(QString::number(l.width)));
            // The plot keeps at least 55 % of the width it shares with its legend column.
            QVERIFY2(l.width >= 0.55 * (l.width + l.columnWidth), qPrintable(QString::number(l.columnWidth)));
        }
        if (count > 1) QCOMPARE(height, 487);  // docs/figures.md: 1800 wide at 96 dpi, with the heading

        const figtest::PdfWords page = figtest::pdfWords(pdf);
        QVERIFY2(page.ok && !page.words.empty(), "pdftotext -bbox found no words");
        const QStringList problems = figtest::textLayoutProblems(page);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));
        const QString text = simplified(figtest::pdfText(pdf));
        for (const QString& entry : expectedText(spec, false))
            QVERIFY2(text.contains(simplified(entry)), qPrintable("PDF text lacks '" + entry + "':\n" + text));
    }

    void liveViewPutsTheLegendBelowWhenSmall_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<bool>("below");
        QTest::newRow("420x400 window") << 420 << 400 << true;
        QTest::newRow("900x600 window") << 900 << 600 << false;
    }

    void liveViewPutsTheLegendBelowWhenSmall()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(bool, below);
        LandscapeView view;
        view.resize(width, height);
        view.setPanel(LandscapePanel::Bracket);
        view.setFields(presetSpec("bracket", false).grid);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.grabFramebuffer().convertToFormat(QImage::Format_RGB32);
        if (const char* out = std::getenv("COMMUTELAB_TEST_OUTPUT"))
            image.save(QString("%1/bracket-view-%2x%3.png").arg(out).arg(width).arg(height));
        double x0, x1, y0, y1;
        view.viewRect(x0, x1, y0, y1);
        const QPointF low = view.dataToPixel(x0, y0), high = view.dataToPixel(x1, y1);  // origin top-left
        if (below)  // a real share of the window, not the sliver a 250-px column would leave
            QVERIFY2(high.x() - low.x() >= 0.55 * image.width(),
                     qPrintable(QString("plot %1 of %2 px").arg(high.x() - low.x()).arg(image.width())));
        // Where the green region's swatch is: under the plot, or right of it.
        int under = 0, right = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QRgb p = image.pixel(x, y);
                const Rgb g = palette::regionGreen;
                if (std::abs(qRed(p) - g.r) > 6 || std::abs(qGreen(p) - g.g) > 6 || std::abs(qBlue(p) - g.b) > 6)
                    continue;
                if (y > low.y() + 3) ++under;
                if (x > high.x() + 3 && y <= low.y() + 3) ++right;
            }
        QVERIFY2(below ? under > 40 && right == 0 : right > 40 && under == 0,
                 qPrintable(QString("swatch pixels under the plot %1, right of it %2").arg(under).arg(right)));
    }
};

int main(int argc, char** argv)
{
    cl::ui::useVtkSurfaceFormat();
    QApplication app(argc, argv);
    TestLandscapePaperSizes test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_landscape_paper_sizes.moc"
