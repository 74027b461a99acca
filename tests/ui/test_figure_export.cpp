// The one export path: PNG with size and DPI, SVG and PDF as vectors with text kept as text.

#include "ui/FigureExport.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkContextScene.h>
#include <vtkFloatArray.h>
#include <vtkNew.h>
#include <vtkPlot.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cl::ui;

namespace {

// A line chart of y = x² with a title and axis labels.
void populateChart(vtkContextScene* scene, int, int)
{
    vtkNew<vtkTable> table;
    vtkNew<vtkFloatArray> x, y;
    x->SetName("x");
    y->SetName("x squared");
    table->AddColumn(x);
    table->AddColumn(y);
    table->SetNumberOfRows(21);
    for (int i = 0; i <= 20; ++i) {
        const double v = -1 + i / 10.0;
        table->SetValue(i, 0, v);
        table->SetValue(i, 1, v * v);
    }
    vtkNew<vtkChartXY> chart;
    chart->SetTitle("Parabola");
    chart->GetAxis(vtkAxis::BOTTOM)->SetTitle("theta");
    chart->GetAxis(vtkAxis::LEFT)->SetTitle("loss");
    vtkPlot* line = chart->AddPlot(vtkChart::LINE);
    line->SetInputData(table, 0, 1);
    line->SetColor(20, 60, 200, 255);
    scene->AddItem(chart);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestFigureExport : public QObject {
    Q_OBJECT

private slots:
    void formatFromSuffix()
    {
        QCOMPARE(figureFormatForPath("a/b/figure.PNG"), FigureFormat::Png);
        QCOMPARE(figureFormatForPath("f.svg"), FigureFormat::Svg);
        QCOMPARE(figureFormatForPath("f.pdf"), FigureFormat::Pdf);
        try {
            figureFormatForPath("f.jpg");
            QFAIL("no error for .jpg");
        } catch (const std::invalid_argument& e) {
            QCOMPARE(QString(e.what()), QString("figure 'f.jpg': unknown format '.jpg' (use .png, .svg or .pdf)"));
        }
    }

    void pngHasTheSizeAndDpiAndIsNotBlank()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("chart.png");
        writeFigure(ScenePopulator(populateChart), path, FigureOptions{640, 480, 300, "test"});
        QImage image(path);
        QCOMPARE(image.size(), QSize(640, 480));
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 300);
        // The blue line is drawn: count pixels close to (20, 60, 200).
        int blue = 0;
        for (int yy = 0; yy < image.height(); ++yy)
            for (int xx = 0; xx < image.width(); ++xx) {
                const QColor c = image.pixelColor(xx, yy);
                blue += std::abs(c.red() - 20) < 40 && std::abs(c.green() - 60) < 40 && std::abs(c.blue() - 200) < 40;
            }
        QVERIFY2(blue > 200, qPrintable(QString("only %1 line pixels").arg(blue)));
    }

    void svgIsVectorWithTextAsText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("chart.svg");
        writeFigure(ScenePopulator(populateChart), path, FigureOptions{640, 480, 96, "test"});
        const QByteArray svg = readAll(path);
        QVERIFY(svg.startsWith("<?xml") || svg.contains("<svg"));
        QVERIFY(svg.contains("<polyline") || svg.contains("<path") || svg.contains("<line"));
        // Text is written as <text> elements holding the words (not glyph outlines).
        QVERIFY2(svg.contains("<text") && svg.contains("Parabola") && svg.contains("theta"),
                 "the title and labels are text, not outlines");
        QVERIFY(!svg.contains("<image"));
    }

    void pdfIsVectorWithTextAsText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("chart.pdf");
        writeFigure(ScenePopulator(populateChart), path, FigureOptions{640, 480, 96, "test"});
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        // Text extraction finds the words only if they were written as text.
        QProcess pdftotext;
        pdftotext.start("pdftotext", {path, "-"});
        if (!pdftotext.waitForFinished(20000) || pdftotext.exitStatus() != QProcess::NormalExit)
            QSKIP("pdftotext (poppler-utils) is not available");
        const QByteArray text = pdftotext.readAllStandardOutput();
        QVERIFY2(text.contains("Parabola") && text.contains("theta"), text.constData());
    }

    void badPathsAreReported()
    {
        try {
            writeFigure(ScenePopulator(populateChart), "/nonexistent-folder/x.png", FigureOptions{});
            QFAIL("no error for a missing folder");
        } catch (const std::runtime_error& e) {
            QVERIFY(QString(e.what()).contains("the folder does not exist"));
        }
    }
};

QTEST_MAIN(TestFigureExport)
#include "test_figure_export.moc"
