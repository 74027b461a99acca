// The row evaluator (what the field sampler uses) against the scalar jet path at every point of
// a grid, NaN for NaN, for expressions with constant, x-only, y-only and xy parts and with
// domain errors inside the grid.

#include "core/expr/Expression.h"
#include "core/expr/ExpressionLoss.h"
#include "core/expr/TapeRowEvaluator.h"

#include <QtTest>

#include <cmath>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace {

const char* const kExpressions[] = {
    "0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y",
    "log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)",
    "3.5",                          // constant
    "x^3 - 2*x + pi",               // x only
    "sin(y)^2 - e",                 // y only
    "log(x) + y",                   // NaN for x <= 0
    "sqrt(x*y)",                    // NaN where xy < 0; NaN derivatives where xy = 0
    "sqrt(x) + y^2",                // x-only NaN derivative at x = 0 next to a y term
    "1/(x - y)",                    // division by exactly zero on the diagonal
    "y/(x - x)",                    // division by zero everywhere
    "x^y",                          // non-integer powers of negative bases
    "(x + y)^-2 + (x*y)^0.5",
    "abs(x)*y + tan(y) - abs(x - y)",
    "exp(x)/y - tanh(x*y)*cos(x)",
    "-x^2*y^3 + x/3 - y*(2 + x)^4",
    "2^x*log(2 + y) + e^(x*y)",
    // x ± y and x * y parts in every order, which the row evaluator recomputes in their users
    // instead of storing: y - x, x - y, y + x, y * x, and two of them combined.
    "(y - x)*x + sin(y*x)",
    "exp(y + x) - (x - y)^2",
    "(x + y)*(x*y) - (y - x)/(y*x)",
};

std::vector<double> linspace(double a, double b, int n)
{
    std::vector<double> v(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = a + (b - a) * i / (n - 1);
    return v;
}

struct RowStore {
    explicit RowStore(std::size_t n) : data(6 * n), n(n) {}
    cl::PlanarJetRow row() { return {&data[0], &data[n], &data[2 * n], &data[3 * n], &data[4 * n], &data[5 * n]}; }
    double at(int component, std::size_t i) const { return data[static_cast<std::size_t>(component) * n + i]; }
    std::vector<double> data;
    std::size_t n;
};

double component(const cl::PlanarJet& j, int c)
{
    const double all[] = {j.value, j.dx, j.dy, j.dxx, j.dxy, j.dyy};
    return all[c];
}

/// Every component at every grid point equals the scalar path's bit for bit (both paths apply
/// the same rules to operands of the same structural sparsity, in the same order), NaN where
/// it is NaN.
/// Returns the number of NaN values seen (so callers can check the grid hit the domain edges).
int compareWithScalar(const cl::Expression& e, cl::PlanarRowEvaluator& evaluator, const std::vector<double>& xs,
                      const std::vector<double>& ys)
{
    RowStore store(xs.size());
    int nans = 0;
    for (double y : ys) {
        evaluator.evaluateRow(y, store.row());
        for (std::size_t i = 0; i < xs.size(); ++i) {
            const cl::PlanarJet j = e.jet(xs[i], y);
            for (int c = 0; c < 6; ++c) {
                const double batch = store.at(c, i), scalar = component(j, c);
                if (std::isnan(scalar) || std::isnan(batch)) {
                    if (std::isnan(scalar) != std::isnan(batch)) {
                        qWarning("%s at (%g, %g) component %d: batch %g, scalar %g", e.text().c_str(), xs[i], y, c,
                                 batch, scalar);
                        return -1;
                    }
                    ++nans;
                    continue;
                }
                if (batch != scalar) {  // exact, and unlike approxEqual it accepts inf == inf
                    qWarning("%s at (%g, %g) component %d: batch %.17g, scalar %.17g", e.text().c_str(), xs[i], y, c,
                             batch, scalar);
                    return -1;
                }
            }
        }
    }
    return nans;
}

/// Random expressions over every operation, from a fixed linear congruential generator (the
/// same on every platform, unlike std:: distributions).
class RandomExpressions {
public:
    std::string next(int depth)
    {
        static const char* const leaves[] = {"x", "y", "2", "0.5", "pi", "e", "3", "x", "y", "1"};
        static const char* const functions[] = {"sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh"};
        static const char* const exponents[] = {"2", "3", "-1", "-2", "0.5", "1.5", "y", "x", "0", "1", "4"};
        if (depth <= 0 || draw(4) == 0) return leaves[draw(10)];
        switch (draw(14)) {
        case 0: return "(" + next(depth - 1) + " + " + next(depth - 1) + ")";
        case 1: return "(" + next(depth - 1) + " - " + next(depth - 1) + ")";
        case 2:
        case 3: return "(" + next(depth - 1) + " * " + next(depth - 1) + ")";
        case 4: return "(" + next(depth - 1) + " / " + next(depth - 1) + ")";
        case 5: return "(" + next(depth - 1) + ")^" + exponents[draw(11)];
        case 6: return "-" + next(depth - 1);
        default: return std::string(functions[draw(8)]) + "(" + next(depth - 1) + ")";
        }
    }

private:
    unsigned draw(unsigned n)
    {
        state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<unsigned>(state_ >> 33) % n;
    }
    std::uint64_t state_ = 777;
};

}  // namespace

class TestExpressionBatch : public QObject {
    Q_OBJECT

private slots:
    void rowsMatchScalarPath_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* text : kExpressions) QTest::newRow(text) << QString(text);
    }

    void rowsMatchScalarPath()
    {
        QFETCH(QString, text);
        const cl::Expression e = cl::Expression::parse(text.toStdString());
        // 41 points over [-2, 2] include 0 and hit x = y exactly; 300 points cross chunk
        // boundaries (the evaluator works in chunks of 128) with a partial last chunk.
        const std::vector<double> grid = linspace(-2, 2, 41);
        auto small = e.rowEvaluator(grid);
        QVERIFY(compareWithScalar(e, *small, grid, grid) >= 0);
        const std::vector<double> wide = linspace(-2.5, 3, 300);
        auto large = e.rowEvaluator(wide);
        QVERIFY(compareWithScalar(e, *large, wide, linspace(-2, 2, 17)) >= 0);
    }

    void randomExpressionsMatchScalarPath()
    {
        // Beyond the hand-picked list: 1000 random expressions of depth up to 5 (constant
        // folding, shared subexpressions, lazy x±y and x*y nodes, every kernel), on a 301-point
        // row that spans three chunks.
        RandomExpressions random;
        const std::vector<double> xs = linspace(-2, 2, 301);
        const std::vector<double> ys = {-1.5, -0.5, 0.0, 0.3, 1.0, 2.0};
        for (int k = 0; k < 1000; ++k) {
            const cl::Expression e = cl::Expression::parse(random.next(5));
            auto evaluator = e.rowEvaluator(xs);
            QVERIFY2(compareWithScalar(e, *evaluator, xs, ys) >= 0, e.text().c_str());
            for (double y : ys) {
                const double v = e.value(0.7, y), j = e.jet(0.7, y).value;
                QVERIFY2((std::isnan(v) && std::isnan(j)) || v == j, e.text().c_str());
            }
        }
    }

    void domainErrorsAppearInRows()
    {
        const std::vector<double> grid = linspace(-2, 2, 41);
        const char* withNaN[] = {"log(x) + y", "sqrt(x*y)", "1/(x - y)", "y/(x - x)", "x^y", "sqrt(x) + y^2"};
        for (const char* text : withNaN) {
            const cl::Expression e = cl::Expression::parse(text);
            auto evaluator = e.rowEvaluator(grid);
            QVERIFY2(compareWithScalar(e, *evaluator, grid, grid) > 0, text);
        }
        // The diagonal of 1/(x - y) is undefined in value and all derivatives.
        const cl::Expression e = cl::Expression::parse("1/(x - y)");
        auto evaluator = e.rowEvaluator(grid);
        RowStore store(grid.size());
        evaluator->evaluateRow(grid[7], store.row());
        for (int c = 0; c < 6; ++c) QVERIFY(std::isnan(store.at(c, 7)));
        QVERIFY(!std::isnan(store.at(0, 8)));
    }

    void lossRowEvaluatorIsTheExpressions()
    {
        const auto loss = cl::ExpressionLoss::fromText("x*y^2 - log(1 + x^2)");
        const std::vector<double> grid = linspace(-1, 1, 9);
        auto evaluator = loss->planarRowEvaluator(grid);
        QVERIFY(compareWithScalar(loss->expression(), *evaluator, grid, grid) >= 0);
        RowStore store(grid.size());
        evaluator->evaluateRow(0.5, store.row());
        const Eigen::Vector2d theta(grid[3], 0.5);
        QCOMPARE(store.at(1, 3), loss->gradient(theta)[0]);
        QCOMPARE(store.at(4, 3), loss->hessian(theta)(0, 1));
    }

    void evaluatorsOnSeveralThreadsShareOneExpression()
    {
        const cl::Expression e = cl::Expression::parse("log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)");
        const std::vector<double> xs = linspace(-3, 3, 200);
        const std::vector<double> ys = linspace(-3, 3, 50);
        int results[2] = {-1, -1};
        std::thread a([&] { auto ev = e.rowEvaluator(xs); results[0] = compareWithScalar(e, *ev, xs, ys); });
        std::thread b([&] { auto ev = e.rowEvaluator(xs); results[1] = compareWithScalar(e, *ev, xs, ys); });
        a.join();
        b.join();
        QCOMPARE(results[0], 0);
        QCOMPARE(results[1], 0);
    }

    // Long expressions (issue #16, class 5): once the x-only arrays over a row would pass
    // TapeRowEvaluator::kWholeRowXBytes the evaluator works in blocks of points. Results stay
    // those of the scalar path bit for bit, and the working memory no longer grows with the width.
    void blockModeMatchesScalarPathAndBoundsMemory()
    {
        std::string sum, mixed;
        for (int k = 1; k <= 600; ++k) {
            const std::string c = std::to_string(0.01 * k);
            sum += (k > 1 ? " + " : "") + ("sin(" + c + "*x)*y");              // x part of a lazy product
            mixed += (k > 1 ? " - " : "") + ("cos(x + " + c + ")*(x - y)^2");  // stored x and xy nodes
        }
        for (const std::string& text : {sum + " + log(x)", "(" + mixed + ")/(1 + x^2)", sum + " - x^3/" + mixed}) {
            const cl::Expression e = cl::Expression::parse(text);
            const std::vector<double> xs = linspace(-1.5, 2.5, 333), ys = linspace(-2, 2, 5);
            auto evaluator = e.rowEvaluator(xs);
            QVERIFY(dynamic_cast<cl::expr::TapeRowEvaluator&>(*evaluator).blockMode());
            QVERIFY(compareWithScalar(e, *evaluator, xs, ys) >= 0);
            const std::size_t narrow = e.rowEvaluatorBytes(1024), wide = e.rowEvaluatorBytes(8192);
            qInfo("%zu characters: %.2f MiB per evaluator at width 1024, %.2f MiB at 8192", text.size(),
                  narrow / 1048576.0, wide / 1048576.0);
            QVERIFY(wide - narrow <= 8 * sizeof(double) * (8192 - 1024));  // only the abscissae themselves
            QVERIFY(narrow < std::size_t(8) << 20);
        }
        // A short expression keeps the whole-row path (x-only work done once per evaluator).
        const cl::Expression shortOne = cl::Expression::parse("sin(x)*y + x^2");
        QVERIFY(!dynamic_cast<cl::expr::TapeRowEvaluator&>(*shortOne.rowEvaluator(linspace(-1, 1, 2048))).blockMode());
    }
};

QTEST_APPLESS_MAIN(TestExpressionBatch)
#include "test_expression_batch.moc"
