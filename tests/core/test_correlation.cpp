// Pearson's r (core/Correlation.h) against published values and exact cases.

#include "core/Correlation.h"

#include <QtTest>

#include <cmath>

class TestCorrelation : public QObject {
    Q_OBJECT

private slots:
    // Anscombe (1973), "Graphs in statistical analysis": all four sets have r = 0.816 (to the
    // three digits published, so within 1e-3; set IV is 0.8165); sets I and IV differ in every other way.
    void anscombesQuartet()
    {
        const std::vector<double> x1 = {10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5};
        const std::vector<double> y1 = {8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68};
        const std::vector<double> x4 = {8, 8, 8, 8, 8, 8, 8, 19, 8, 8, 8};
        const std::vector<double> y4 = {6.58, 5.76, 7.71, 8.84, 8.47, 7.04, 5.25, 12.50, 5.56, 7.91, 6.89};
        QVERIFY(std::abs(cl::pearsonCorrelation(x1, y1) - 0.816) < 1e-3);
        QVERIFY(std::abs(cl::pearsonCorrelation(x4, y4) - 0.816) < 1e-3);
        // Symmetric in its arguments.
        QCOMPARE(cl::pearsonCorrelation(y1, x1), cl::pearsonCorrelation(x1, y1));
    }

    void exactCasesAndOffsets()
    {
        const std::vector<double> x = {1, 2, 3, 4, 5};
        std::vector<double> up, down, far;
        for (double v : x) {
            up.push_back(3 * v + 2);
            down.push_back(-0.5 * v);
            far.push_back(v + 1e9);  // one-pass sums would lose every digit here
        }
        QVERIFY(std::abs(cl::pearsonCorrelation(x, up) - 1) < 1e-15);
        QVERIFY(std::abs(cl::pearsonCorrelation(x, down) + 1) < 1e-15);
        QVERIFY(std::abs(cl::pearsonCorrelation(far, up) - 1) < 1e-12);
    }

    void undefinedCases()
    {
        QVERIFY(std::isnan(cl::pearsonCorrelation({1}, {2})));
        QVERIFY(std::isnan(cl::pearsonCorrelation({1, 1, 1}, {1, 2, 3})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, cl::pearsonCorrelation({1, 2}, {1, 2, 3}));
    }
};

QTEST_APPLESS_MAIN(TestCorrelation)
#include "test_correlation.moc"
