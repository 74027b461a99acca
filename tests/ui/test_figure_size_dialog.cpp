// The export size dialog every Export uses: pixels, inches or centimetres at a DPI, converted
// exactly (2.54 cm to the inch; pixels = inches × DPI), a size left alone given back unchanged,
// inches kept when the DPI changes (as with matplotlib's figsize and dpi), and the unit and DPI
// remembered for the next export.

#include "ThrowawaySettings.h"
#include "ui/FigureSizeDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cl::ui;

class TestFigureSizeDialog : public QObject {
    Q_OBJECT

    cl::testing::ThrowawaySettings settings_;

    static QDoubleSpinBox* box(FigureSizeDialog& d, const char* name) { return d.findChild<QDoubleSpinBox*>(name); }

private slots:
    void initTestCase()
    {
        settings_.redirect();
        QApplication::setOrganizationName("CommuteLabTest");
        QApplication::setApplicationName("test_figure_size_dialog");
        QSettings().clear();
    }

    void untouchedSizeComesBackExactly()
    {
        const FigureOptions initial{1801, 487, 96, "Figure 1"};
        FigureSizeDialog d(initial);
        QCOMPARE(d.unit(), FigureSizeDialog::Unit::Pixels);
        FigureOptions o = d.options();
        QCOMPARE(o.width, 1801);
        QCOMPARE(o.height, 487);
        QCOMPARE(o.dpi, 96);
        QCOMPARE(o.title, QString("Figure 1"));
        // Through the other units and back: still the exact pixels, not 3-decimal roundings.
        d.setUnit(FigureSizeDialog::Unit::Centimetres);
        QCOMPARE(box(d, "figureWidth")->value(), std::round(1801 / 96.0 * 2.54 * 1000) / 1000);
        d.setUnit(FigureSizeDialog::Unit::Inches);
        QCOMPARE(box(d, "figureHeight")->value(), std::round(487 / 96.0 * 1000) / 1000);
        d.setUnit(FigureSizeDialog::Unit::Pixels);
        o = d.options();
        QCOMPARE(o.width, 1801);
        QCOMPARE(o.height, 487);
    }

    void paperSizesInInchesAndCentimetres()
    {
        FigureSizeDialog d(FigureOptions{1200, 900, 96, {}});
        d.findChild<QComboBox*>("figureUnit")->setCurrentIndex(1);  // inches, as a user picks it
        QCOMPARE(d.unit(), FigureSizeDialog::Unit::Inches);
        QCOMPARE(box(d, "figureWidth")->value(), 12.5);  // 1200 px at 96 dpi
        // One column of a two-column paper at 300 dpi: 3.3 in × 2.5 in.
        d.findChild<QSpinBox*>("figureDpi")->setValue(300);
        QCOMPARE(box(d, "figureWidth")->value(), 12.5);  // a new DPI keeps the inches
        box(d, "figureWidth")->setValue(3.3);
        box(d, "figureHeight")->setValue(2.5);
        FigureOptions o = d.options();
        QCOMPARE(o.width, 990);
        QCOMPARE(o.height, 750);
        QCOMPARE(o.dpi, 300);
        QVERIFY2(d.findChild<QLabel*>("figureSizeSummary")->text().startsWith("990 × 750 px = 3.30 × 2.50 in"),
                 qPrintable(d.findChild<QLabel*>("figureSizeSummary")->text()));
        if (const QByteArray out = qgetenv("COMMUTELAB_TEST_OUTPUT"); !out.isEmpty())  // to look at it
            d.grab().save(QString::fromLocal8Bit(out) + "/figure-size-dialog.png");
        // The same page in centimetres: 3.3 in = 8.382 cm; typing 8.5 cm gives 8.5 / 2.54 × 300 px.
        d.setUnit(FigureSizeDialog::Unit::Centimetres);
        QCOMPARE(box(d, "figureWidth")->value(), 8.382);
        box(d, "figureWidth")->setValue(8.5);
        QCOMPARE(d.options().width, int(std::lround(8.5 / 2.54 * 300)));
        // In pixels a new DPI keeps the pixels (the page in inches changes).
        d.setUnit(FigureSizeDialog::Unit::Pixels);
        d.findChild<QSpinBox*>("figureDpi")->setValue(150);
        QCOMPARE(d.options().width, int(std::lround(8.5 / 2.54 * 300)));
        QCOMPARE(d.options().dpi, 150);
    }

    void unitAndDpiAreRemembered()
    {
        {
            FigureSizeDialog d(FigureOptions{1200, 900, 96, {}});
            d.setUnit(FigureSizeDialog::Unit::Inches);
            d.findChild<QSpinBox*>("figureDpi")->setValue(300);
            d.remember();
        }
        // The next export of a 1200×900 px @ 96 dpi figure (12.5 × 9.375 in) starts in inches at
        // 300 dpi with the same inches: 3750 × 2812.5 px.
        FigureSizeDialog next(FigureOptions{1200, 900, 96, {}});
        QCOMPARE(next.unit(), FigureSizeDialog::Unit::Inches);
        QCOMPARE(box(next, "figureWidth")->value(), 12.5);
        QCOMPARE(next.options().width, 3750);
        QCOMPARE(next.options().height, 2813);
        QCOMPARE(next.options().dpi, 300);
        QSettings().clear();
    }
};

QTEST_MAIN(TestFigureSizeDialog)
#include "test_figure_size_dialog.moc"
