// CSV export of sampled fields: every number reads back exactly, regions by name.

#include "core/FieldCsv.h"
#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"

#include <QtTest>

#include <sstream>

using namespace cl;

class TestFieldCsv : public QObject {
    Q_OBJECT

private slots:
    void roundTripsEveryValue()
    {
        FieldRequest request;
        request.l1 = ExpressionLoss::fromText("log(x) + y^2");
        request.l2 = ExpressionLoss::fromText("sin(x*y) + x^2");
        request.grid = GridSpec{-1, 2, -1, 1, 7};
        FieldGrid grid;
        sampleFields(request, grid);
        std::ostringstream out;
        writeFieldsCsv(grid, out);
        std::istringstream in(out.str());
        std::string line;
        std::getline(in, line);
        QCOMPARE(QString::fromStdString(line), QString("x,y,l1,l2,g1x,g1y,g2x,g2y,rx,ry,p,region"));
        int rows = 0;
        while (std::getline(in, line)) {
            const QStringList cells = QString::fromStdString(line).split(',');
            QCOMPARE(cells.size(), 12);
            const int i = rows % 7, j = rows / 7;
            const std::size_t k = grid.index(i, j);
            QCOMPARE(cells[0].toDouble(), grid.spec.x(i));
            QCOMPARE(cells[1].toDouble(), grid.spec.y(j));
            if (std::isnan(grid.l1[k])) QCOMPARE(cells[2], QString("nan"));
            else QCOMPARE(cells[2].toDouble(), grid.l1[k]);  // exact: shortest round-trip text
            if (!std::isnan(grid.p[k])) QCOMPARE(cells[10].toDouble(), grid.p[k]);
            QCOMPARE(cells[11], QString(regionName(grid.region[k])));
            ++rows;
        }
        QCOMPARE(rows, 49);
    }
};

QTEST_APPLESS_MAIN(TestFieldCsv)
#include "test_field_csv.moc"
