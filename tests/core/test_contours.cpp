// Marching squares against level sets known in closed form.

#include "Approx.h"
#include "core/Contours.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace cl;

namespace {

template <class F>
std::vector<double> sample(const GridSpec& spec, F f)
{
    std::vector<double> values(spec.size());
    for (int j = 0; j < spec.n; ++j)
        for (int i = 0; i < spec.n; ++i) values[static_cast<std::size_t>(j) * spec.n + i] = f(spec.x(i), spec.y(j));
    return values;
}

int closedCount(const std::vector<ContourLine>& lines)
{
    int count = 0;
    for (const auto& line : lines) count += line.closed ? 1 : 0;
    return count;
}

}  // namespace

class TestContours : public QObject {
    Q_OBJECT

private slots:
    void circleIsOneClosedLoopOnTheRadius()
    {
        const GridSpec spec{-2, 2, -2, 2, 81};
        const double r = 1.3;
        const auto f = sample(spec, [](double x, double y) { return x * x + y * y; });
        const auto lines = marchingSquares(spec, f, r * r);
        QCOMPARE(int(lines.size()), 1);
        QVERIFY(lines[0].closed);
        const double h = (spec.xmax - spec.xmin) / (spec.n - 1);
        // Linear interpolation of x² along an edge of length h misplaces the crossing by at
        // most h²/(8r) in the radial direction; allow that bound with a margin.
        const double tolerance = h * h / r;
        for (std::size_t k = 0; k < lines[0].size(); ++k) {
            const double radius = std::hypot(lines[0].x[k], lines[0].y[k]);
            QVERIFY2(std::abs(radius - r) <= tolerance, qPrintable(cl::testing::describe(radius, r)));
        }
        // A loop visits each crossed edge once; about 4 per grid step of the circle's width.
        QVERIFY(lines[0].size() > 4 * (2 * r / h) * 0.9);
    }

    void circleLoopIsOrderedAroundTheCentre()
    {
        const GridSpec spec{-2, 2, -2, 2, 41};
        const auto f = sample(spec, [](double x, double y) { return x * x + y * y; });
        const auto line = marchingSquares(spec, f, 1.0).at(0);
        // Consecutive vertices are neighbours (within one cell), including last → first.
        const double h = (spec.xmax - spec.xmin) / (spec.n - 1);
        for (std::size_t k = 0; k < line.size(); ++k) {
            const std::size_t next = (k + 1) % line.size();
            QVERIFY(std::hypot(line.x[next] - line.x[k], line.y[next] - line.y[k]) <= h * std::sqrt(2.0) + 1e-12);
        }
        // The signed area of the polygon equals π r² up to discretisation.
        double area = 0;
        for (std::size_t k = 0; k < line.size(); ++k) {
            const std::size_t next = (k + 1) % line.size();
            area += line.x[k] * line.y[next] - line.x[next] * line.y[k];
        }
        QVERIFY(std::abs(std::abs(area / 2) - M_PI) < 0.02);
    }

    void linearFieldGivesAStraightOpenLine()
    {
        const GridSpec spec{-3, 3, -3, 3, 50};
        const double a = 0.7, b = -1.9, c = 0.45;
        const auto f = sample(spec, [&](double x, double y) { return a * x + b * y; });
        const auto lines = marchingSquares(spec, f, c);
        QCOMPARE(int(lines.size()), 1);
        QVERIFY(!lines[0].closed);
        for (std::size_t k = 0; k < lines[0].size(); ++k)
            CL_COMPARE_APPROX(a * lines[0].x[k] + b * lines[0].y[k], c, 1e-12, 1e-12);
        // It runs from one side of the square to another.
        auto onBoundary = [&](std::size_t k) {
            const double x = lines[0].x[k], y = lines[0].y[k];
            return std::abs(std::abs(x) - 3) < 1e-12 || std::abs(std::abs(y) - 3) < 1e-12;
        };
        QVERIFY(onBoundary(0));
        QVERIFY(onBoundary(lines[0].size() - 1));
    }

    void countsSeparateLoops()
    {
        // Two Gaussian bumps: a level below both peaks but above the saddle between them
        // gives two loops; a level below the saddle gives one loop around both.
        const GridSpec spec{-4, 4, -3, 3, 121};
        auto bumps = [](double x, double y) {
            return std::exp(-((x - 1.5) * (x - 1.5) + y * y)) + std::exp(-((x + 1.5) * (x + 1.5) + y * y));
        };
        const auto f = sample(spec, bumps);
        const double saddle = bumps(0, 0);
        auto high = marchingSquares(spec, f, 0.5 * (saddle + 1.0));
        QCOMPARE(int(high.size()), 2);
        QCOMPARE(closedCount(high), 2);
        auto low = marchingSquares(spec, f, 0.5 * saddle);
        QCOMPARE(int(low.size()), 1);
        QCOMPARE(closedCount(low), 1);
        // sin x sin y on [-π, π]² has four extrema inside: four loops at level ±0.5.
        const GridSpec square{-M_PI, M_PI, -M_PI, M_PI, 101};
        const auto wave = sample(square, [](double x, double y) { return std::sin(x) * std::sin(y); });
        QCOMPARE(closedCount(marchingSquares(square, wave, 0.5)), 2);
        QCOMPARE(closedCount(marchingSquares(square, wave, -0.5)), 2);
    }

    void undefinedPointsCutCurves()
    {
        const GridSpec spec{-2, 2, -2, 2, 41};
        auto f = sample(spec, [](double x, double y) { return x * x + y * y; });
        // A NaN column through the circle splits the loop into two open arcs.
        for (int j = 0; j < spec.n; ++j) f[static_cast<std::size_t>(j) * spec.n + 20] = std::numeric_limits<double>::quiet_NaN();
        const auto lines = marchingSquares(spec, f, 1.0);
        QCOMPARE(int(lines.size()), 2);
        QCOMPARE(closedCount(lines), 0);
        for (const auto& line : lines)
            for (std::size_t k = 0; k < line.size(); ++k) QVERIFY(std::isfinite(line.x[k]) && std::isfinite(line.y[k]));
    }

    void emptyAndWrongSizedInputs()
    {
        const GridSpec spec{-1, 1, -1, 1, 5};
        const auto f = sample(spec, [](double x, double) { return x; });
        QVERIFY(marchingSquares(spec, f, 5.0).empty());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, marchingSquares(spec, std::vector<double>(3), 0.0));
    }

    void quantileLevelsSpreadOverTheValues()
    {
        std::vector<double> values;
        for (int k = 0; k <= 100; ++k) values.push_back(k * k);  // fast growth, like a quadratic loss
        values.push_back(std::numeric_limits<double>::quiet_NaN());
        const auto levels = quantileLevels(values, 4);
        QCOMPARE(int(levels.size()), 4);
        CL_COMPARE_APPROX(levels[0], 20.0 * 20.0, 1e-12, 1e-12);  // 1/5 of the way through 0..100
        CL_COMPARE_APPROX(levels[3], 80.0 * 80.0, 1e-12, 1e-12);
        QVERIFY(quantileLevels(std::vector<double>(10, 2.0), 5).empty());
        QVERIFY(quantileLevels({}, 5).empty());
        const GridSpec spec{-1, 1, -1, 1, 3};
        const auto byLevel = contourLevels(spec, sample(spec, [](double x, double) { return x; }), {-0.5, 0.5});
        QCOMPARE(int(byLevel.size()), 2);
        QCOMPARE(byLevel[1].level, 0.5);
        QCOMPARE(int(byLevel[1].lines.size()), 1);
    }

    void onePassGivesTheLinesOfEachLevel()
    {
        // Saddles, a hole of undefined values and levels given out of order (one repeated, one
        // NaN): every level must get exactly the lines marchingSquares finds for it alone.
        const GridSpec spec{-2, 2, -2, 2, 61};
        auto f = sample(spec, [](double x, double y) { return std::sin(2 * x) * std::cos(3 * y) + 0.1 * x; });
        for (int j = 25; j < 30; ++j)
            for (int i = 10; i < 14; ++i) f[j * spec.n + i] = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> levels{0.5, -0.3, 0.0, std::numeric_limits<double>::quiet_NaN(), 0.5, 0.9};
        const auto all = contourLevels(spec, f, levels);
        QCOMPARE(all.size(), levels.size());
        int lines = 0;
        for (std::size_t k = 0; k < levels.size(); ++k) {
            const auto alone = marchingSquares(spec, f, levels[k]);
            QCOMPARE(all[k].lines.size(), alone.size());
            for (std::size_t m = 0; m < alone.size(); ++m) {
                QCOMPARE(all[k].lines[m].x, alone[m].x);
                QCOMPARE(all[k].lines[m].y, alone[m].y);
                QCOMPARE(all[k].lines[m].closed, alone[m].closed);
            }
            lines += int(alone.size());
        }
        QVERIFY(all[3].lines.empty());
        QVERIFY(lines > 10);
    }

    void largeFieldsGetLevelsFromAStride()
    {
        // 10⁶ values k² (k = 0 … 10⁶−1): the exact q-quantile is about (q·10⁶)²; reading every
        // 16th value moves it by at most a few strides.
        std::vector<double> values(1000000);
        for (std::size_t k = 0; k < values.size(); ++k) values[k] = double(k) * double(k);
        const auto levels = quantileLevels(values, 3);
        QCOMPARE(int(levels.size()), 3);
        for (int q = 1; q <= 3; ++q) {
            const double exact = std::pow(q / 4.0 * (values.size() - 1), 2);
            QVERIFY2(std::abs(levels[q - 1] - exact) <= 1e-4 * exact, qPrintable(QString::number(levels[q - 1])));
        }
    }
};

QTEST_APPLESS_MAIN(TestContours)
#include "test_contours.moc"
