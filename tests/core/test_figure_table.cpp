// The CSV behind every exported figure: quoting per RFC 4180 (a series name with a comma or a
// quote reads back as one field), numbers that read back bit for bit, NaN as an empty field.

#include "core/FigureTable.h"

#include <QtTest>

#include <cmath>
#include <sstream>

class TestFigureTable : public QObject {
    Q_OBJECT

private slots:
    void writesQuotedFieldsAndExactNumbers()
    {
        cl::FigureTable t;
        t.columns = {"x", "y, scaled"};
        t.add("t0 8000, \u0394t 4000", {0.1, 1.0 / 3.0});
        t.add("say \"hi\"", {NAN, -2.5e-300});
        std::ostringstream out;
        cl::writeFigureTableCsv(t, out);
        const std::string expected =
            "series,x,\"y, scaled\"\n"
            "\"t0 8000, \u0394t 4000\",0.10000000000000001,0.33333333333333331\n"
            "\"say \"\"hi\"\"\",,-2.5e-300\n";
        QCOMPARE(QString::fromStdString(out.str()), QString::fromStdString(expected));
        // 17 significant digits read back to the same double.
        QCOMPARE(std::stod("0.33333333333333331"), 1.0 / 3.0);
        QCOMPARE(std::stod("-2.5e-300"), -2.5e-300);
    }

    void shortRowsLeaveEmptyFields()
    {
        cl::FigureTable t;
        t.labelColumn = "row_A";
        t.columns = {"L1", "L2"};
        t.add("L1", {0});
        std::ostringstream out;
        cl::writeFigureTableCsv(t, out);
        QCOMPARE(QString::fromStdString(out.str()), QString("row_A,L1,L2\nL1,0,\n"));
    }
};

QTEST_APPLESS_MAIN(TestFigureTable)
#include "test_figure_table.moc"
