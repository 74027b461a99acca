// The log window's and the Schedule lab's figures at the sizes papers use (issue 15): every log
// view and every lab view, drawn by the functions `commutelab render` calls (logFigure,
// labFigure), at one column of a two-column paper (3.3 × 2.5 in, 150 dpi) and at the command's
// default size. poppler reads the PDF back (tests/support/PdfWords.h): no word may leave the page
// or overlap another (titles, axis titles, tick labels, legends, Pareto point labels); every
// legend entry is in the PDF's text in full; and the plot keeps a real share of the width (a
// legend too wide for the margin goes below the plot instead of squeezing it), read from the
// picture as the length of its x axis.

#include "PdfWords.h"

#include "core/experiments/LabFile.h"
#include "core/logs/LogFile.h"
#include "ui/FigureExport.h"
#include "ui/logs/LogFigures.h"
#include "ui/schedule/LabFigures.h"

#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkNew.h>
#include <vtkPlot.h>

#include <QApplication>
#include <QImage>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cl;

namespace {

QString sourceDir()
{
    return qEnvironmentVariable("COMMUTELAB_SOURCE_DIR");
}

struct Figure {
    ui::ScaledScenePopulator populate;
    QString title;
};

/// The log window's figure of the bilingual example log (resources/logs), as `render --log`.
Figure logView(const std::string& view)
{
    static const auto log = std::make_shared<const cl::logs::RunLog>(
        cl::logs::readLog((sourceDir() + "/resources/logs/bilingual-balanced.jsonl").toStdString()));
    const ui::logs::LogFigure f = ui::logs::logFigure(log, view);
    return {f.populate, f.title};
}

/// The lab's figure of resources/labs/two-runs.json, as `render --lab`.
Figure labView(const std::string& view)
{
    static const LabFile lab = loadLabFile((sourceDir() + "/resources/labs/two-runs.json").toStdString());
    static const ui::schedule::LabResults results = ui::schedule::computeLab(lab, true);
    const ui::schedule::LabFigure f = ui::schedule::labFigure(results, lab, view);
    return {f.populate, f.title};
}

/// What the populated scene holds: its chart (none for the P matrix's heat map) and the labels its
/// legend lists.
struct SceneContents {
    bool chart = false;
    QStringList legend;
};

/// The plot's width read from the picture: the longest horizontal dark line (the x axis, or a zero
/// line across the plot), gaps of one pixel bridged. Grid lines are too light to count.
int longestDarkRun(const QImage& image)
{
    int best = 0;
    for (int y = 0; y < image.height(); ++y) {
        int run = 0, gap = 0;
        for (int x = 0; x < image.width(); ++x) {
            if (qGray(image.pixel(x, y)) < 160) {
                run += 1 + gap;
                gap = 0;
            } else if (run > 0 && gap == 0) {
                gap = 1;
            } else {
                run = gap = 0;
            }
            best = std::max(best, run);
        }
    }
    return best;
}

SceneContents sceneContents(const Figure& figure, int width, int height, double scale)
{
    vtkNew<vtkContextScene> scene;
    figure.populate(scene, width, height, scale);
    SceneContents contents;
    auto* chart = scene->GetNumberOfItems() > 0 ? vtkChartXY::SafeDownCast(scene->GetItem(0)) : nullptr;
    if (!chart) return contents;
    contents.chart = true;
    for (vtkIdType i = 0; i < chart->GetNumberOfPlots(); ++i) {
        vtkPlot* plot = chart->GetPlot(i);
        if (plot->GetVisible() && plot->GetLegendVisibility() && !plot->GetLabel().empty())
            contents.legend << QString::fromStdString(plot->GetLabel());
    }
    return contents;
}

/// Text as compared with poppler's: ligatures ("ﬁ") undone, and no white space (poppler infers
/// spaces from the gaps between glyphs: "y = x" may come back as "y=x").
QString comparable(const QString& text)
{
    QString t = text.normalized(QString::NormalizationForm_KC);
    t.remove(QRegularExpression("\\s"));
    return t;
}

}  // namespace

class TestFigurePaperSizes : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (sourceDir().isEmpty()) QSKIP("COMMUTELAB_SOURCE_DIR is not set");
        if (QStandardPaths::findExecutable("pdftotext").isEmpty()) QSKIP("pdftotext is not installed (poppler-utils)");
    }

    void textFitsAndLegendIsWhole_data()
    {
        QTest::addColumn<QString>("source");  // "log" or "lab"
        QTest::addColumn<QString>("view");
        QTest::addColumn<int>("width");  // pixels
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("dpi");
        QTest::addColumn<double>("minPlotShare");  // of the figure's width
        // One column of a two-column paper (at 150 and at 300 dpi: vtkAxis keeps some gaps in
        // pixels whatever the DPI), and `commutelab render`'s defaults (log 1200×900, lab 960×720,
        // at its default 96 dpi).
        for (const char* view : {"pareto", "prediction", "advice", "rms"}) {
            QTest::addRow("log %s 3.3x2.5in 150dpi", view) << "log" << view << 495 << 375 << 150 << 0.55;
            QTest::addRow("log %s 3.3x2.5in 300dpi", view) << "log" << view << 990 << 750 << 300 << 0.55;
            QTest::addRow("log %s default", view) << "log" << view << 1200 << 900 << 96 << 0.55;
        }
        for (const char* view : {"loss", "plane", "pmatrix", "histogram", "schedule"}) {
            QTest::addRow("lab %s 3.3x2.5in 150dpi", view) << "lab" << view << 495 << 375 << 150 << 0.55;
            QTest::addRow("lab %s 3.3x2.5in 300dpi", view) << "lab" << view << 990 << 750 << 300 << 0.55;
            QTest::addRow("lab %s default", view) << "lab" << view << 960 << 720 << 96 << 0.55;
        }
    }

    void textFitsAndLegendIsWhole()
    {
        QFETCH(QString, source);
        QFETCH(QString, view);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(int, dpi);
        QFETCH(double, minPlotShare);
        const Figure figure = source == "log" ? logView(view.toStdString()) : labView(view.toStdString());
        QVERIFY(figure.populate);

        QTemporaryDir dir;
        const QString pdf = dir.filePath(source + "-" + view + ".pdf");
        ui::writeFigure(figure.populate, pdf, ui::FigureOptions{width, height, dpi, figure.title});
        const figtest::PdfWords page = figtest::pdfWords(pdf);
        QVERIFY2(page.ok, "pdftotext -bbox read no page");
        QVERIFY2(page.words.size() >= 5, qPrintable(QString("only %1 words on the page").arg(page.words.size())));
        // The page is the figure's size in points (72 per inch).
        QVERIFY(std::abs(page.pageWidth - width * 72.0 / dpi) < 1);
        const QStringList problems = figtest::textLayoutProblems(page);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join("\n")));

        const SceneContents contents = sceneContents(figure, width, height, dpi / 96.0);
        const QString text = comparable(runProgram("pdftotext", {"-enc", "UTF-8", pdf, "-"}).out);
        for (const QString& entry : contents.legend)
            QVERIFY2(text.contains(comparable(entry)),
                     qPrintable("legend entry not whole in the PDF: '" + entry + "'"));
        if (view == "pmatrix") {  // a square heat map with its colour bar: no legend, its side set by the height
            QVERIFY(!contents.chart);
            return;
        }
        QVERIFY2(contents.chart, "no chart in the scene");
        QVERIFY2(!contents.legend.isEmpty(), "the chart lists nothing in its legend");
        const QString png = dir.filePath(source + "-" + view + ".png");
        ui::writeFigure(figure.populate, png, ui::FigureOptions{width, height, dpi, figure.title});
        const double share = double(longestDarkRun(QImage(png).convertToFormat(QImage::Format_RGB32))) / width;
        QVERIFY2(share >= minPlotShare, qPrintable(QString("the plot takes %1 of the width").arg(share)));
    }
};

QTEST_MAIN(TestFigurePaperSizes)
#include "test_figure_paper_sizes.moc"
