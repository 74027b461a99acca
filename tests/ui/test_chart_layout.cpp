// ChartLayout's decisions as data (ui/ChartLayout.h), against measurements made here with Qt's
// own font metrics of the export's font: fitted text is no wider than its room (or sits at the
// 7 pt floor and ends in "…"), a legend too wide for the right margin goes below in columns that
// fit the width, ticks leave a gap between their labels, and a chart whose legend fits keeps the
// log charts' usual rectangle.

#include "ui/ChartLayout.h"
#include "ui/FigureStyle.h"

#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QtTest>

#include <cmath>

using namespace cl::ui;

namespace {

/// Qt's width of `text` in DejaVu Sans at an em of `pixels`, as PainterDevice draws it.
double measured(const QString& text, int pixels, bool bold = false)
{
    QFont font("DejaVu Sans");
    font.setPixelSize(pixels);
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setKerning(false);
    return QFontMetricsF(font).horizontalAdvance(text);
}

}  // namespace

class TestChartLayout : public QObject {
    Q_OBJECT

private slots:
    void fittedTextFitsOrIsCutAtTheFloor()
    {
        const QString title = QStringLiteral("Criterion P along the run (below 0: that ordering lowers L_k)");
        const double scale = 150 / 96.0;
        // Room enough: the style's 11 pt (23 px at 150 dpi), whole.
        const FittedText wide = fitText(title, 11, 5000, scale, true);
        QCOMPARE(wide.pixels, int(std::lround(11 * 150 / 72.0)));
        QCOMPARE(wide.text, title);
        // A 3.3 in figure: smaller, whole, and no wider than the room by Qt's own measure.
        const FittedText column = fitText(title, 11, 495 - 8 * scale, scale, false);
        QVERIFY(column.pixels < wide.pixels);
        QVERIFY(column.pixels >= int(std::lround(7 * 150 / 72.0)));
        QVERIFY(measured(column.text, column.pixels) <= 495 - 8 * scale);
        // Far too little room: 7 pt, cut with "…", still within the room.
        const FittedText tiny = fitText(title, 11, 120, scale, true);
        QCOMPARE(tiny.pixels, int(std::lround(7 * 150 / 72.0)));
        QVERIFY(tiny.elided && tiny.text.endsWith(QStringLiteral("…")));
        QVERIFY(title.startsWith(tiny.text.chopped(1)));
        QVERIFY2(measured(tiny.text, tiny.pixels, true) <= 120, qPrintable(tiny.text));
    }

    void ticksLeaveAGapBetweenLabels()
    {
        // The lab histogram's axis at 3.3 in: VTK's 45 px spacing put "0.986 0.988 …" into each
        // other at 150 dpi. Every pair of neighbouring labels, measured here, must keep a gap.
        const int pixels = int(std::lround(8.5 * 150 / 72.0));
        const std::vector<double> ticks = legibleTicks(0.9855, 1.0005, 380, pixels, false);
        QVERIFY(ticks.size() >= 2);
        const double step = ticks[1] - ticks[0];
        for (std::size_t k = 1; k < ticks.size(); ++k) {
            QVERIFY(std::abs(ticks[k] - ticks[k - 1] - step) < 1e-12);  // equal steps
            const double spacing = step / (1.0005 - 0.9855) * 380;
            const double halfWidths =
                0.5 * (measured(tickLabel(ticks[k - 1], step), pixels) + measured(tickLabel(ticks[k], step), pixels));
            QVERIFY2(spacing > halfWidths, qPrintable(QString("labels %1 apart need %2").arg(spacing).arg(halfWidths)));
        }
        // The step is 1, 2 or 5 times a power of ten.
        const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
        QVERIFY(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9);
        // Vertically only the line height matters: a tall axis keeps VTK's 30 px density.
        QCOMPARE(legibleTicks(0, 10, 300, 11, true).size(), std::size_t(11));
        QCOMPARE(tickLabel(-0.0, 0.5), QStringLiteral("0"));
    }

    void legendGoesBelowWhenTheMarginCannotHoldIt()
    {
        ChartTexts texts;
        texts.title = "Excess losses against the P-based prediction";
        texts.xTitle = "predicted";
        texts.yTitle = "observed";
        texts.legend = {"y = x", "fit through 0: y = 142 x", "± 1 standard error of P", "signs agree (24)",
                        "signs differ (24)"};
        // The default size: at the right, the usual rectangle.
        const ChartLayout wide = layoutChart(texts, 1200, 900, 1.0);
        QCOMPARE(int(wide.legend.place), int(LegendPlace::Right));
        const PlotRect usual = legendRightPlotRect(1200, 900, 1.0);
        QCOMPARE(wide.plot.width, usual.width);
        QCOMPARE(wide.plot.left, usual.left);
        // 3.3 × 2.5 in at 150 dpi: below, in more than one column, within the page, under the plot.
        const double scale = 150 / 96.0;
        const ChartLayout column = layoutChart(texts, 495, 375, scale);
        const LegendLayout& l = column.legend;
        QCOMPARE(int(l.place), int(LegendPlace::Below));
        QVERIFY(l.columns >= 2);
        QCOMPARE(l.rows, (5 + l.columns - 1) / l.columns);
        QVERIFY(column.plot.width >= 0.55 * 495);
        QVERIFY(l.top < column.plot.bottom);
        for (std::size_t i = 0; i < l.labels.size(); ++i) {
            QCOMPARE(l.labels[i], texts.legend[i]);  // whole
            const double right =
                l.columnLefts[i % std::size_t(l.columns)] + l.symbolWidth + measured(l.labels[i], l.pixels);
            QVERIFY2(right <= 495, qPrintable(QString("'%1' ends at %2").arg(l.labels[i]).arg(right)));
        }
        // A lab chart's small legend stays inside the plot.
        ChartTexts lab;
        lab.title = "Schedule";
        lab.legend = {"L1", "L2", "L3"};
        lab.legendInside = true;
        QCOMPARE(int(layoutChart(lab, 960, 720, 1.0).legend.place), int(LegendPlace::Inside));
    }
};

QTEST_MAIN(TestChartLayout)
#include "test_chart_layout.moc"
