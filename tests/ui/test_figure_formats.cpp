// Every figure kind in every format, checked by renderers that are not ours: the PNG (QPainter),
// the PDF rasterised by poppler and the SVG rasterised by librsvg agree within the documented
// threshold (tests/support/FigureFormats.h); the PDF's and SVG's text holds the Unicode labels;
// pdffonts lists only embedded fonts; no figure is blank or covered by a filled box; each kind
// matches its small baseline.
// (The GUI's export against `commutelab render`: tests/ui/test_gui_equals_render.cpp.)

#include "FigureFormats.h"
#include "PresetGrid.h"

#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"
#include "core/landscape/LandscapePreset.h"
#include "core/logs/LogFile.h"
#include "core/planner/TournamentPlanner.h"
#include "ui/FigureExport.h"
#include "ui/FigureStyle.h"
#include "ui/LandscapeFigure.h"
#include "ui/logs/LogFigures.h"
#include "ui/logs/ParetoScene.h"
#include "ui/schedule/LabTypes.h"
#include "ui/schedule/ScheduleCharts.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace cl;
using namespace cl::ui;

namespace {

struct Kind {
    ScaledScenePopulator populate;
    int width = 480, height = 360;
    QStringList labels;  // Unicode text that must be in the PDF and the SVG
};

QString sourceDir()
{
    return qEnvironmentVariable("COMMUTELAB_SOURCE_DIR");
}

Kind landscapeKind(const std::string& view)
{
    static const auto grid = figtest::presetGrid(64);
    LandscapeFigureSpec spec;
    spec.grid = grid;
    spec.panels = landscapeViewPanels(view);
    prepareLandscapeFigure(grid, spec.options);
    Kind k;
    k.populate = [spec](vtkContextScene* scene, int w, int h, double scale) {
        populateLandscapeFigure(scene, spec, w, h, scale);
    };
    k.labels = {QStringLiteral("θ₁"), QStringLiteral("−2")};
    // "(flow)" as letters: a ligature ﬂ would make poppler extract U+FB02 and the word unsearchable.
    if (view == "l1") k.labels << QStringLiteral("∇L₁") << QStringLiteral("(flow)");
    if (view == "figure1") {
        k.width = 1200;
        k.height = 400;
        k.labels << QStringLiteral("∇L₁") << QStringLiteral("R(L₁, L₂)");
    }
    return k;
}

std::shared_ptr<const cl::logs::RunLog> toyLog()
{
    static const auto log = std::make_shared<const cl::logs::RunLog>(
        cl::logs::readLog((sourceDir() + "/resources/logs/toy-quadratic.json").toStdString()));
    return log;
}

/// The bilingual probe log: the toy log has no bracket RMS records.
std::shared_ptr<const cl::logs::RunLog> probeLog()
{
    static const auto log = std::make_shared<const cl::logs::RunLog>(
        cl::logs::readLog((sourceDir() + "/resources/logs/bilingual-balanced.jsonl").toStdString()));
    return log;
}

Kind logKind(const std::string& view)
{
    const ui::logs::LogFigure figure = ui::logs::logFigure(view == "rms" ? probeLog() : toyLog(), view);
    Kind k;
    k.populate = figure.populate;
    k.width = 640;
    k.height = 420;
    if (view == "pareto") k.labels = {QStringLiteral("Δt 2000"), QStringLiteral("L_q1")};
    if (view == "prediction") k.labels = {QStringLiteral("Δw · Δt² · P")};
    if (view == "advice") k.labels = {QStringLiteral("target L_q1")};
    if (view == "rms")
        k.labels = {QStringLiteral("gradient RMS"), QStringLiteral("R(L_ru, L_en)"),
                    QStringLiteral("fit in log space")};
    return k;
}

Kind scheduleKind(const std::string& view)
{
    Kind k;
    if (view == "pmatrix") {
        const auto model = schedule::buildLabModel(RandomQuadraticSpec{20, 3, 0.7, 1});
        const Matrix m = pairwiseOrderMatrix(model->losses, *model->target, model->model.theta0);
        k.populate = schedule::heatMapChart(schedule::pMatrixTitle(1, 0), m, {"L1", "L2", "L3"});
        k.labels = {QStringLiteral("P-matrix along run 1"), QStringLiteral("L3")};
    } else if (view == "histogram") {
        std::vector<double> ratios;
        for (int i = 0; i < 200; ++i) ratios.push_back(1 + 0.1 * std::sin(i * 0.7) + 0.002 * i);
        k.populate = schedule::histogramChart({"Ratio distribution at Δt = 0.1", "observed / predicted", "trials"},
                                              ratios, 24, 1.2);
        k.labels = {QStringLiteral("Δt = 0.1"), QStringLiteral("median")};
    } else {  // runs: solid, dashed and dotted curves in the domain colours
        std::vector<schedule::Series> series;
        for (int d = 0; d < 3; ++d) {
            schedule::Series s;
            s.name = QStringLiteral("L%1 θ").arg(d + 1);
            for (int i = 0; i <= 50; ++i) {
                s.x.push_back(i * 0.1);
                s.y.push_back(std::exp(-0.2 * (d + 1) * i * 0.1));
            }
            s.colour = schedule::domainColour(d);
            s.lineType = vtkLineType(figureStyle().dashes[std::size_t(d)]);
            series.push_back(s);
        }
        k.populate = schedule::xyChart({"Domain losses over time", "t", "loss"}, series);
        k.labels = {QStringLiteral("L2 θ")};
    }
    return k;
}

Kind kindNamed(const QString& name)
{
    const std::string n = name.toStdString();
    if (n.rfind("landscape-", 0) == 0) return landscapeKind(n.substr(10));
    if (n.rfind("log-", 0) == 0) return logKind(n.substr(4));
    return scheduleKind(n.substr(9));  // "schedule-…"
}

}  // namespace

class TestFigureFormats : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (sourceDir().isEmpty()) QSKIP("COMMUTELAB_SOURCE_DIR is not set");
        for (const char* tool : {"pdftoppm", "pdftotext", "pdffonts", "rsvg-convert"})
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QSKIP(qPrintable(QString("%1 is not installed (poppler-utils, librsvg2-bin)").arg(tool)));
    }

    void everyFormatAgrees_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char* k :
             {"landscape-l1", "landscape-l2", "landscape-bracket", "landscape-pmap", "landscape-figure1", "log-pareto",
              "log-prediction", "log-advice", "log-rms", "schedule-pmatrix", "schedule-histogram", "schedule-runs"})
            QTest::newRow(k) << QString(k);
    }

    void everyFormatAgrees()
    {
        QFETCH(QString, kind);
        const Kind k = kindNamed(kind);
        QTemporaryDir dir;
        const QString png = dir.filePath(kind + ".png"), svg = dir.filePath(kind + ".svg"),
                      pdf = dir.filePath(kind + ".pdf");
        const FigureOptions options{k.width, k.height, 96, kind};
        for (const QString& path : {png, svg, pdf}) writeFigure(k.populate, path, options);

        const QImage ours = QImage(png).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(ours.size(), QSize(k.width, k.height));
        // Not blank, and not one filled box over the figure.
        QVERIFY2(figtest::inkShare(ours) > 0.03, qPrintable(QString("ink %1").arg(figtest::inkShare(ours))));
        QVERIFY2(figtest::largestColourShare(ours) < 0.5,
                 qPrintable(QString("one colour covers %1 of the page").arg(figtest::largestColourShare(ours))));

        const QImage poppler = figtest::rasterisePdf(pdf, k.width, k.height);
        const QImage librsvg = figtest::rasteriseSvg(svg, k.width, k.height);
        QVERIFY2(!poppler.isNull() && !librsvg.isNull(), "pdftoppm or rsvg-convert failed");
        for (const auto& [name, other] : {std::pair{QString("pdf"), poppler}, std::pair{QString("svg"), librsvg}}) {
            const QImage a = figtest::halfSize(other), b = figtest::halfSize(ours);
            const ImageDifference d = compareImages(a, b, figtest::kChannelTolerance, figtest::kShift);
            if (d.fraction >= figtest::kFormatAgreement) {
                const QString at = QDir::current().filePath(kind + "-" + name + "-difference.png");
                differenceMap(a, b, figtest::kChannelTolerance, figtest::kShift).save(at);
                QFAIL(qPrintable(QString("%1 differs from the PNG at %2 of pixels (limit %3); map: %4")
                                     .arg(name)
                                     .arg(d.fraction)
                                     .arg(figtest::kFormatAgreement)
                                     .arg(at)));
            }
        }

        const QString text = figtest::pdfText(pdf);
        // Qt writes one <text> per script run ("Δ" and "t 2000" are two elements placed side by
        // side), so the SVG's text is read as the concatenation of its elements.
        const QString svgText = figtest::svgTexts(svg).join(QString());
        for (const QString& label : k.labels) {
            QVERIFY2(text.contains(label), qPrintable("PDF text lacks '" + label + "'"));
            QVERIFY2(svgText.contains(label), qPrintable("SVG text lacks '" + label + "'"));
        }
        const QHash<QString, bool> fonts = figtest::pdfFonts(pdf);
        QVERIFY(!fonts.isEmpty());
        for (auto it = fonts.cbegin(); it != fonts.cend(); ++it)
            QVERIFY2(it.value(), qPrintable("font not embedded: " + it.key()));

        // The kind's baseline (a missing or failing one leaves the actual image and says where).
        const QString mismatch = figtest::baselineMismatch(ours, sourceDir(), kind);
        if (mismatch.startsWith("written:")) QSKIP(qPrintable(mismatch));
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }

    void figure1FillsEveryThirdOfItsPanels_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");  // 0: the default, landscapeFigureHeight
        QTest::newRow("default 1800") << 1800 << 0;
        QTest::newRow("1800x640 (taller than needed)") << 1800 << 640;
    }

    void figure1FillsEveryThirdOfItsPanels()
    {
        // Figure 1's panels are width-limited (equal axis units); they once hung from the top of a
        // taller page over an empty lower third. In every format, each panel's column of the page
        // must have ink in each third of the height: the emptiest third at least 15 % of the fullest
        // one's ink (a band holding only tick labels and white has less).
        QFETCH(int, width);
        QFETCH(int, height);
        static const auto grid = figtest::presetGrid(64);
        LandscapeFigureSpec spec;
        spec.grid = grid;
        spec.panels = landscapeViewPanels("figure1");
        spec.title = "Figure 1 pair";
        spec.subtitle = "L\u2081 = 0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y";
        prepareLandscapeFigure(grid, spec.options);
        if (height == 0) height = landscapeFigureHeight(spec, width, 1.0);
        const auto populate = [spec](vtkContextScene* scene, int w, int h, double scale) {
            populateLandscapeFigure(scene, spec, w, h, scale);
        };
        QTemporaryDir dir;
        for (const QString& suffix : {QString("png"), QString("svg"), QString("pdf")}) {
            const QString path = dir.filePath("figure1." + suffix);
            writeFigure(populate, path, FigureOptions{width, height, 96, "figure1"});
            const QImage image = suffix == "pdf"   ? figtest::rasterisePdf(path, width, height)
                                 : suffix == "svg" ? figtest::rasteriseSvg(path, width, height)
                                                   : QImage(path).convertToFormat(QImage::Format_RGB32);
            QVERIFY2(!image.isNull(), qPrintable(suffix + ": not rasterised"));
            for (std::size_t panel = 0; panel < spec.panels.size(); ++panel) {
                const PlotLayout l = landscapePanelLayout(spec, panel, width, height, 1.0);
                const int left = int(l.left - PlotLayout::marginLeft), right = int(l.columnLeft + l.columnWidth);
                std::vector<double> thirds;
                for (int third = 0; third < 3; ++third) {
                    const int top = third * height / 3, bottom = (third + 1) * height / 3;
                    thirds.push_back(figtest::inkShare(image.copy(left, top, right - left, bottom - top)));
                }
                const auto [lo, hi] = std::minmax_element(thirds.begin(), thirds.end());
                if (*lo < 0.15 * *hi) image.save(QDir::current().filePath("figure1-thirds-" + suffix + ".png"));
                QVERIFY2(*lo >= 0.15 * *hi, qPrintable(QString("%1, panel %2: ink by third (top to bottom) %3, %4, %5")
                                                           .arg(suffix)
                                                           .arg(panel)
                                                           .arg(thirds[0])
                                                           .arg(thirds[1])
                                                           .arg(thirds[2])));
            }
        }
    }

    void adviceWithOneCheckpoint()
    {
        // P-values at one step only: no curve can be drawn, so the advice figure shows one bar
        // per target from 0 to its signed P. In every format: target L_a's bar (domain colour 1)
        // lies below target L_b's (P < 0 against P > 0), and the bars' heights are in the ratio
        // of |P|: 1.2 / 1.5 = 0.8.
        auto log = std::make_shared<cl::logs::RunLog>();
        log->setDomains({"a", "b"});
        log->pScaledByLr2 = true;
        log->pValues.add(3000, {1, 0}, 0, -1.2e-7, cl::logs::missing(), cl::logs::missing());
        log->pValues.add(3000, {1, 0}, 1, 1.5e-7, cl::logs::missing(), cl::logs::missing());
        const ui::logs::LogFigure figure = ui::logs::logFigure(log, "advice");
        QTemporaryDir dir;
        const int width = 640, height = 420;
        const ui::logs::PlotRect rect = ui::logs::paretoPlotRect(width, height, 1.0);
        for (const QString& suffix : {QString("png"), QString("svg"), QString("pdf")}) {
            const QString path = dir.filePath("advice." + suffix);
            writeFigure(figure.populate, path, FigureOptions{width, height, 96, figure.title});
            const QImage image = suffix == "pdf"   ? figtest::rasterisePdf(path, width, height)
                                 : suffix == "svg" ? figtest::rasteriseSvg(path, width, height)
                                                   : QImage(path).convertToFormat(QImage::Format_RGB32);
            QVERIFY2(!image.isNull(), qPrintable(suffix + ": not rasterised"));
            double count[2] = {0, 0}, meanY[2] = {0, 0};
            int top[2] = {height, height}, bottom[2] = {-1, -1};
            for (int y = int(height - rect.bottom - rect.height); y < int(height - rect.bottom); ++y)
                for (int x = int(rect.left); x < int(rect.left + rect.width); ++x)
                    for (int k = 0; k < 2; ++k) {
                        const Rgb c = domainColor(std::size_t(k));
                        const QRgb p = image.pixel(x, y);
                        if (std::abs(qRed(p) - c.r) < 12 && std::abs(qGreen(p) - c.g) < 12 &&
                            std::abs(qBlue(p) - c.b) < 12) {
                            count[k] += 1;
                            meanY[k] += y;
                            top[k] = std::min(top[k], y);
                            bottom[k] = std::max(bottom[k], y);
                        }
                    }
            QVERIFY2(count[0] > 100 && count[1] > 100,
                     qPrintable(QString("%1: bar pixels %2 and %3").arg(suffix).arg(count[0]).arg(count[1])));
            QVERIFY2(meanY[0] / count[0] > meanY[1] / count[1], qPrintable(suffix + ": L_a's bar is not below L_b's"));
            const double ratio = double(bottom[0] - top[0]) / double(bottom[1] - top[1]);
            QVERIFY2(std::abs(ratio - 0.8) < 0.05,
                     qPrintable(QString("%1: height ratio %2, expected 0.8").arg(suffix).arg(ratio)));
        }
        QCOMPARE(figure.data.rows.size(), std::size_t(2));  // the CSV: one row per target
    }

    void dashesStayDistinct()
    {
        // Dash and dot are told apart by their on-lengths in every format: measure the longest
        // run of ink along a horizontal dashed and dotted line in poppler's and librsvg's rasters.
        QTemporaryDir dir;
        std::vector<schedule::Series> series;
        for (int d = 0; d < 3; ++d) {
            schedule::Series s;
            s.name = d == 0 ? "dash" : d == 1 ? "dot" : "range";
            s.x = {0, 1};
            s.y = {double(d + 1), double(d + 1)};
            if (d == 2) s.y = {0, 3};  // white: only stretches the axes so both lines sit inside
            s.colour = d == 2 ? Qt::white : Qt::black;
            s.lineType = vtkLineType(d ? DashStyle::Dot : DashStyle::Dash);
            s.inLegend = false;
            series.push_back(s);
        }
        const auto populate = schedule::xyChart({"", "", ""}, series);
        for (const QString& suffix : {QString("pdf"), QString("svg"), QString("png")}) {
            const QString path = dir.filePath("dash." + suffix);
            writeFigure(populate, path, FigureOptions{400, 300, 96, "dash"});
            const QImage image = suffix == "pdf"   ? figtest::rasterisePdf(path, 400, 300)
                                 : suffix == "svg" ? figtest::rasteriseSvg(path, 400, 300)
                                                   : QImage(path).convertToFormat(QImage::Format_RGB32);
            QVERIFY(!image.isNull());
            // Longest dark run on each row; the dashed row's run is far longer than the dotted one's.
            std::vector<int> longest;
            for (int y = 0; y < image.height(); ++y) {
                int run = 0, best = 0, dark = 0;
                for (int x = 60; x < image.width() - 20; ++x) {
                    const bool ink = qGray(image.pixel(x, y)) < 110;
                    run = ink ? run + 1 : 0;
                    dark += ink;
                    best = std::max(best, run);
                }
                if (dark > 40 && dark < image.width() - 120) longest.push_back(best);  // a broken line
            }
            if (longest.size() < 2) image.save(QDir::current().filePath("dash-" + suffix + ".png"));
            QVERIFY2(longest.size() >= 2, qPrintable(suffix + ": no dashed rows found"));
            const auto [lo, hi] = std::minmax_element(longest.begin(), longest.end());
            QVERIFY2(*hi >= 2.5 * *lo,
                     qPrintable(QString("%1: dash %2 px vs dot %3 px").arg(suffix).arg(*hi).arg(*lo)));
        }
    }
};

QTEST_MAIN(TestFigureFormats)
#include "test_figure_formats.moc"
