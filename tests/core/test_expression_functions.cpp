// The functions added to the expression language (sinh, cosh, asinh, softplus, sigmoid, min,
// max, atan2, ** for ^) and named expressions (a target "0.7*L1 + 0.3*L2"): exact first and
// second derivatives against central finite differences and closed forms, the documented
// choices where a function is not differentiable, and the row evaluator against the scalar path.

#include "Approx.h"
#include "core/WeightedSumLoss.h"
#include "core/expr/Expression.h"
#include "core/expr/ExpressionError.h"
#include "core/expr/ExpressionLoss.h"

#include <QtTest>

#include <cmath>
#include <vector>

namespace {

struct Point {
    double x, y;
};

// Points away from every tie of min/max (x != y, x != 2y …) and from atan2's origin.
const Point kPoints[] = {{0.7, 1.3}, {1.1, 0.4}, {-0.45, 0.8}, {1.6, -1.25}, {-2.3, -0.6}};

Eigen::Vector2d gradientOf(const cl::Expression& e, double x, double y)
{
    const cl::PlanarJet j = e.jet(x, y);
    return {j.dx, j.dy};
}

/// Central differences: the gradient from values, the Hessian from the exact gradient.
void compareWithFiniteDifferences(const cl::Expression& e, Point p)
{
    const double h = 1e-5, tolerance = 2e-6;
    const cl::PlanarJet j = e.jet(p.x, p.y);
    const double gx = (e.value(p.x + h, p.y) - e.value(p.x - h, p.y)) / (2 * h);
    const double gy = (e.value(p.x, p.y + h) - e.value(p.x, p.y - h)) / (2 * h);
    const Eigen::Vector2d hx = (gradientOf(e, p.x + h, p.y) - gradientOf(e, p.x - h, p.y)) / (2 * h);
    const Eigen::Vector2d hy = (gradientOf(e, p.x, p.y + h) - gradientOf(e, p.x, p.y - h)) / (2 * h);
    CL_COMPARE_APPROX(j.dx, gx, tolerance, tolerance);
    CL_COMPARE_APPROX(j.dy, gy, tolerance, tolerance);
    CL_COMPARE_APPROX(j.dxx, hx[0], tolerance, tolerance);
    CL_COMPARE_APPROX(j.dxy, hx[1], tolerance, tolerance);
    CL_COMPARE_APPROX(j.dxy, hy[0], tolerance, tolerance);
    CL_COMPARE_APPROX(j.dyy, hy[1], tolerance, tolerance);
}

bool sameBits(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

}  // namespace

class TestExpressionFunctions : public QObject {
    Q_OBJECT

private slots:
    void derivativesMatchFiniteDifferences_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* text : {"sinh(x*y)", "cosh(x - 0.5*y)", "asinh(x^2*y - 1)", "softplus(3*x - y)",
                                 "sigmoid(2*x*y)", "softplus(-40 + x) + softplus(40 + y)", "sigmoid(x)*sinh(y)",
                                 "min(x^2, y + 1)", "max(x*y, sin(y))", "max(x, y)", "min(x, y)*cosh(x)", "atan2(y, x)",
                                 "atan2(x*y + 0.1, x - y)", "x**3 * y**2", "max(0.5*(x-1)^2, log(1 + y^2))"})
            QTest::newRow(text) << QString(text);
    }

    void derivativesMatchFiniteDifferences()
    {
        QFETCH(QString, text);
        const cl::Expression e = cl::Expression::parse(text.toStdString());
        for (const Point& p : kPoints) compareWithFiniteDifferences(e, p);
    }

    void closedForms()
    {
        const double a = 0.8;
        const cl::PlanarJet s = cl::Expression::parse("sigmoid(x)").jet(a, 0);
        const double sigma = 1 / (1 + std::exp(-a));
        CL_COMPARE_APPROX(s.value, sigma, 1e-16, 1e-15);
        CL_COMPARE_APPROX(s.dx, sigma * (1 - sigma), 1e-16, 1e-14);
        CL_COMPARE_APPROX(s.dxx, sigma * (1 - sigma) * (1 - 2 * sigma), 1e-16, 1e-13);
        const cl::PlanarJet sp = cl::Expression::parse("softplus(x)").jet(a, 0);
        CL_COMPARE_APPROX(sp.value, std::log(1 + std::exp(a)), 1e-16, 1e-15);
        CL_COMPARE_APPROX(sp.dx, sigma, 1e-16, 1e-15);
        // Large arguments neither overflow nor lose the value: softplus(800) = 800, sigmoid(-800) > 0 finite.
        QCOMPARE(cl::Expression::parse("softplus(x)").value(800, 0), 800.0);
        QCOMPARE(cl::Expression::parse("softplus(x)").jet(-800, 0).dx, 0.0);
        QCOMPARE(cl::Expression::parse("sigmoid(x)").value(-800, 0), 0.0);
        const cl::PlanarJet as = cl::Expression::parse("asinh(x)").jet(a, 0);
        CL_COMPARE_APPROX(as.value, std::log(a + std::sqrt(1 + a * a)), 1e-16, 1e-15);
        CL_COMPARE_APPROX(as.dxx, -a / std::pow(1 + a * a, 1.5), 1e-16, 1e-14);
        // atan2(y, x) is the polar angle: gradient (−y, x)/r², Laplacian 0 (harmonic).
        const cl::PlanarJet t = cl::Expression::parse("atan2(y, x)").jet(-1, 2);
        CL_COMPARE_APPROX(t.value, std::atan2(2.0, -1.0), 1e-16, 1e-15);
        CL_COMPARE_APPROX(t.dx, -2.0 / 5, 1e-16, 1e-15);
        CL_COMPARE_APPROX(t.dy, -1.0 / 5, 1e-16, 1e-15);
        CL_COMPARE_APPROX(t.dxx + t.dyy, 0.0, 1e-15, 0);
        // ** is ^: the same tape, the same bits.
        const cl::PlanarJet star = cl::Expression::parse("(x + 2*y)**2.5 - x**-1").jet(1.3, 0.4);
        const cl::PlanarJet caret = cl::Expression::parse("(x + 2*y)^2.5 - x^-1").jet(1.3, 0.4);
        QCOMPARE(star.value, caret.value);
        QCOMPARE(star.dxy, caret.dxy);
    }

    void nonSmoothChoices()
    {
        // A tie of max/min: the average of both arguments' derivatives (docs/workspace.md).
        const cl::PlanarJet m = cl::Expression::parse("max(x^2, y)").jet(1, 1);
        QCOMPARE(m.value, 1.0);
        QCOMPARE(m.dx, 1.0);   // ½ · 2x + ½ · 0
        QCOMPARE(m.dy, 0.5);   // ½ · 0 + ½ · 1
        QCOMPARE(m.dxx, 1.0);  // ½ · 2
        // max(x, −x) is abs(x), and agrees with abs's choice (derivative 0) at 0.
        const cl::PlanarJet a = cl::Expression::parse("max(x, -x)").jet(0, 0);
        QCOMPARE(a.value, 0.0);
        QCOMPARE(a.dx, 0.0);
        // Away from a tie: exactly the selected argument's derivatives.
        const cl::PlanarJet lower = cl::Expression::parse("min(x^2, y)").jet(3, 2);
        QCOMPARE(lower.value, 2.0);
        QCOMPARE(lower.dx, 0.0);
        QCOMPARE(lower.dy, 1.0);
        // atan2 at the origin and min of an undefined argument are undefined.
        QVERIFY(std::isnan(cl::Expression::parse("atan2(y, x)").value(0, 0)));
        QVERIFY(std::isnan(cl::Expression::parse("atan2(y, x)").jet(0, 0).dx));
        QVERIFY(std::isnan(cl::Expression::parse("min(log(x), y)").value(-1, 0)));
    }

    void rowEvaluatorAgreesWithScalar()
    {
        // Every operand kind (constant, x-only, y-only, full) through each new function.
        const char* texts[] = {"max(x, y)",
                               "min(x^2, 0.5)",
                               "atan2(y, x) + max(y, 0.2)",
                               "sinh(x)*cosh(y)",
                               "asinh(x*y) + softplus(y)",
                               "sigmoid(x - y) + min(sin(x), y)",
                               "max(x*y, x + y)",
                               "atan2(x, 2)"};
        std::vector<double> xs;
        for (int i = 0; i < 301; ++i) xs.push_back(-3 + 0.02 * i);
        const std::size_t n = xs.size();
        std::vector<double> data(6 * n);
        const cl::PlanarJetRow row{&data[0], &data[n], &data[2 * n], &data[3 * n], &data[4 * n], &data[5 * n]};
        for (const char* text : texts) {
            const cl::Expression e = cl::Expression::parse(text);
            auto evaluator = e.rowEvaluator(xs);
            for (double y : {-1.3, 0.0, 0.2, 2.5}) {
                evaluator->evaluateRow(y, row);
                for (std::size_t i = 0; i < n; ++i) {
                    const cl::PlanarJet j = e.jet(xs[i], y);
                    const double expected[] = {j.value, j.dx, j.dy, j.dxx, j.dxy, j.dyy};
                    for (int c = 0; c < 6; ++c)
                        QVERIFY2(sameBits(data[c * n + i], expected[c]),
                                 qPrintable(QString("%1 at (%2, %3) component %4").arg(text).arg(xs[i]).arg(y).arg(c)));
                }
            }
        }
    }

    void targetsUseL1AndL2ByName()
    {
        const std::string l1 = "0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y";
        const std::string l2 = "log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)";
        const std::vector<std::pair<std::string, std::string>> named{{"L1", l1}, {"L2", l2}};
        const cl::Expression mix = cl::Expression::parse("0.7*L1 + 0.3*L2", named);
        const cl::Expression explicitMix = cl::Expression::parse("0.7*(" + l1 + ") + 0.3*(" + l2 + ")");
        const cl::Expression upper = cl::Expression::parse("max(L1, L2)", named);
        const cl::Expression first = cl::Expression::parse(l1), second = cl::Expression::parse(l2);
        // The weighted sum of the two losses, computed independently of the parser.
        const auto weighted = std::make_shared<cl::WeightedSumLoss>(
            std::vector<cl::LossPtr>{cl::ExpressionLoss::fromText(l1), cl::ExpressionLoss::fromText(l2)},
            std::vector<double>{0.7, 0.3});
        for (const Point& p : kPoints) {
            const cl::PlanarJet a = mix.jet(p.x, p.y), b = explicitMix.jet(p.x, p.y);
            QCOMPARE(a.value, b.value);
            QCOMPARE(a.dx, b.dx);
            QCOMPARE(a.dxy, b.dxy);
            const Eigen::Vector2d theta(p.x, p.y);
            const cl::Vector g = weighted->gradient(theta);
            const cl::Matrix h = weighted->hessian(theta);
            CL_COMPARE_APPROX(a.dx, g[0], 1e-14, 1e-13);
            CL_COMPARE_APPROX(a.dy, g[1], 1e-14, 1e-13);
            CL_COMPARE_APPROX(a.dxx, h(0, 0), 1e-14, 1e-13);
            CL_COMPARE_APPROX(a.dxy, h(0, 1), 1e-14, 1e-13);
            CL_COMPARE_APPROX(a.dyy, h(1, 1), 1e-14, 1e-13);
            // max(L1, L2) is whichever loss is larger, with its exact derivatives.
            const cl::PlanarJet m = upper.jet(p.x, p.y);
            const cl::PlanarJet larger =
                first.value(p.x, p.y) > second.value(p.x, p.y) ? first.jet(p.x, p.y) : second.jet(p.x, p.y);
            QCOMPARE(m.value, larger.value);
            QCOMPARE(m.dy, larger.dy);
            QCOMPARE(m.dxx, larger.dxx);
            compareWithFiniteDifferences(upper, p);
        }
        // Without the names, L1 is an unknown name; a bad named text says which name it was.
        QVERIFY_THROWS_EXCEPTION(cl::ExpressionError, cl::Expression::parse("0.7*L1"));
        try {
            cl::Expression::parse("1 + L2", {{"L2", "x +"}});
            QFAIL("no error");
        } catch (const cl::ExpressionError& e) {
            QVERIFY2(std::string(e.what()).find("L2 (used at column 5)") != std::string::npos, e.what());
            QCOMPARE(e.column(), 5);
        }
    }

    void argumentCountErrors()
    {
        try {
            cl::Expression::parse("max(x)");
            QFAIL("no error");
        } catch (const cl::ExpressionError& e) {
            QCOMPARE(std::string(e.what()),
                     std::string("function 'max' takes two arguments at column 6: write max(a, b)"));
            QCOMPARE(e.column(), 6);
        }
        QVERIFY_THROWS_EXCEPTION(cl::ExpressionError, cl::Expression::parse("sinh(x, y)"));
        QVERIFY_THROWS_EXCEPTION(cl::ExpressionError, cl::Expression::parse("x ** "));
    }
};

QTEST_APPLESS_MAIN(TestExpressionFunctions)
#include "test_expression_functions.moc"
