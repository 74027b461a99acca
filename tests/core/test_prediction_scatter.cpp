// The prediction scatter's axes (core/logs/PredictionScatter.h): each axis symmetric about 0 with
// its own extent, and the least-squares slope through the origin, against closed forms and the
// definition of least squares (no b nearby fits better).

#include "core/logs/PredictionScatter.h"

#include "Approx.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <stdexcept>

using cl::logs::predictionScatterAxes;
using cl::testing::approxEqual;
using cl::testing::describe;

class TestPredictionScatter : public QObject {
    Q_OBJECT

private slots:
    void slopeIsLeastSquaresThroughTheOrigin()
    {
        // Σxy = 2 + 6 + 4 = 12, Σx² = 1 + 4 + 1 = 6: b = 2.
        const std::vector<double> x{1, 2, -1}, y{2, 3, -4};
        const auto axes = predictionScatterAxes(x, y, {});
        QVERIFY(axes.slope.has_value());
        QVERIFY2(approxEqual(*axes.slope, 2.0, 0, 1e-15), qPrintable(describe(*axes.slope, 2.0)));
        // Least squares: moving b either way raises the sum of squared residuals.
        auto sse = [&](double b) {
            double s = 0;
            for (std::size_t i = 0; i < x.size(); ++i) s += (y[i] - b * x[i]) * (y[i] - b * x[i]);
            return s;
        };
        QVERIFY(sse(*axes.slope) < sse(*axes.slope + 1e-3));
        QVERIFY(sse(*axes.slope) < sse(*axes.slope - 1e-3));
        // Extents: the farthest point plus the 12 % margin, each axis on its own.
        QVERIFY(approxEqual(axes.xExtent, 2 * 1.12, 0, 1e-15));
        QVERIFY(approxEqual(axes.yExtent, 4 * 1.12, 0, 1e-15));
    }

    void tinyPredictionsGetTheirOwnRange()
    {
        // Predictions 10⁶ times smaller than the observations (the AdamW case): on equal axes they
        // would all sit within 10⁻⁶ of the plot's width from the vertical axis; here they span it.
        const std::vector<double> x{3e-9, -1e-9, 2e-9}, y{0.02, -0.01, 0.03};
        const auto axes = predictionScatterAxes(x, y, {});
        QVERIFY(approxEqual(axes.xExtent, 3e-9 * 1.12, 0, 1e-12));
        QVERIFY(approxEqual(axes.yExtent, 0.03 * 1.12, 0, 1e-12));
        const double expectedSlope = (3e-9 * 0.02 + 1e-9 * 0.01 + 2e-9 * 0.03) / (9e-18 + 1e-18 + 4e-18);
        QVERIFY2(approxEqual(*axes.slope, expectedSlope, 0, 1e-12), qPrintable(describe(*axes.slope, expectedSlope)));
    }

    void errorBarsWidenTheXRangeAndBadPointsAreSkipped()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> x{1, -2, nan}, y{1, 1, 100}, se{0.5, nan, 7};
        const auto axes = predictionScatterAxes(x, y, se);
        QVERIFY(approxEqual(axes.xExtent, 2 * 1.12, 0, 1e-15));  // |−2| (no se) beats 1 + 0.5
        QVERIFY(approxEqual(axes.yExtent, 1 * 1.12, 0, 1e-15));  // the NaN point's 100 is not counted
        const auto wide = predictionScatterAxes({1}, {1}, {1.5});
        QVERIFY(approxEqual(wide.xExtent, 2.5 * 1.12, 0, 1e-15));
    }

    void zeroPredictionsHaveNoSlopeAndNoDegenerateAxis()
    {
        const auto axes = predictionScatterAxes({0, 0}, {0.5, -1}, {});
        QVERIFY(!axes.slope.has_value());
        QVERIFY(axes.xExtent > 0 && std::isfinite(axes.xExtent));
        const auto empty = predictionScatterAxes({}, {}, {});
        QVERIFY(!empty.slope.has_value());
        QCOMPARE(empty.xExtent, 1.12);
        QCOMPARE(empty.yExtent, 1.12);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, predictionScatterAxes({1, 2}, {1}, {}));
    }
};

QTEST_MAIN(TestPredictionScatter)
#include "test_prediction_scatter.moc"
