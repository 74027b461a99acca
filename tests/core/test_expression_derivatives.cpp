// Exact derivatives of typed expressions: against closed forms, against central finite
// differences (with the O(h²) truncation order shown, not just a loose tolerance), and the
// promised NaN behaviour outside the domain.

#include "Approx.h"
#include "core/expr/Expression.h"
#include "core/expr/ExpressionLoss.h"

#include <QtTest>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Point {
    double x, y;
};

// Every operator, function and constant appears at least once; all points are inside every
// expression's domain (x, y > 0, x != y).
const char* const kCoverage[] = {
    "x + y",
    "x - 2*y",
    "x*y",
    "sin(x + y)*cos(x*y)",  // a product of two factors that each depend on x and y
    "x/y",
    "(x + y)/(x*y + 1)",
    "-x^2 + +y",
    "x^3*y - x^-1 + y^-2",
    "x^2.5 * y^0.5",
    "x^y",
    "2^x * y",
    "sin(x*y)",
    "cos(x + y^2)",
    "tan(0.3*x*y)",
    "exp(x - y)",
    "log(1 + x^2 + y^2)",
    "sqrt(1 + x^2*y^2)",
    "abs(x - y)*y",
    "tanh(x*y - 1)",
    "pi*x + e*y",
    "(x - y)^2/(1 + x^2)",
    "sqrt(x)*log(y)",
    "1e-3*x^4 + 2.5E+2*y + .5",
    "0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y",
    "log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)",
};

const Point kPoints[] = {{0.7, 1.3}, {1.1, 0.4}, {0.45, 0.8}, {1.6, 1.25}};

Eigen::Vector2d gradientOf(const cl::Expression& e, double x, double y)
{
    const cl::PlanarJet j = e.jet(x, y);
    return {j.dx, j.dy};
}

/// Largest error of the central-difference gradient (from values) and Hessian (from the exact
/// gradient) with step h, against the exact jet.
double finiteDifferenceError(const cl::Expression& e, Point p, double h)
{
    const cl::PlanarJet j = e.jet(p.x, p.y);
    const double gx = (e.value(p.x + h, p.y) - e.value(p.x - h, p.y)) / (2 * h);
    const double gy = (e.value(p.x, p.y + h) - e.value(p.x, p.y - h)) / (2 * h);
    const Eigen::Vector2d hx = (gradientOf(e, p.x + h, p.y) - gradientOf(e, p.x - h, p.y)) / (2 * h);
    const Eigen::Vector2d hy = (gradientOf(e, p.x, p.y + h) - gradientOf(e, p.x, p.y - h)) / (2 * h);
    const double errors[] = {gx - j.dx,     gy - j.dy,     hx[0] - j.dxx,
                             hx[1] - j.dxy, hy[0] - j.dxy, hy[1] - j.dyy};
    double worst = 0;
    for (double err : errors) worst = std::max(worst, std::abs(err));
    return worst;
}

void verifyAllNaN(const cl::PlanarJet& j)
{
    QVERIFY(std::isnan(j.value));
    QVERIFY(std::isnan(j.dx) && std::isnan(j.dy));
    QVERIFY(std::isnan(j.dxx) && std::isnan(j.dxy) && std::isnan(j.dyy));
}

}  // namespace

class TestExpressionDerivatives : public QObject {
    Q_OBJECT

private slots:
    void closedForms()
    {
        // x^2 y at (2, 3): value 12, gradient (2xy, x^2) = (12, 4), Hessian [[2y, 2x], [2x, 0]].
        const cl::PlanarJet j = cl::Expression::parse("x^2*y").jet(2, 3);
        QCOMPARE(j.value, 12.0);
        QCOMPARE(j.dx, 12.0);
        QCOMPARE(j.dy, 4.0);
        QCOMPARE(j.dxx, 6.0);
        QCOMPARE(j.dxy, 4.0);
        QCOMPARE(j.dyy, 0.0);
        // sin(x) cos(y): all six components in closed form.
        const double x = 0.3, y = -1.2;
        const cl::PlanarJet s = cl::Expression::parse("sin(x)*cos(y)").jet(x, y);
        CL_COMPARE_APPROX(s.value, std::sin(x) * std::cos(y), 1e-15, 1e-15);
        CL_COMPARE_APPROX(s.dx, std::cos(x) * std::cos(y), 1e-15, 1e-15);
        CL_COMPARE_APPROX(s.dy, -std::sin(x) * std::sin(y), 1e-15, 1e-15);
        CL_COMPARE_APPROX(s.dxx, -std::sin(x) * std::cos(y), 1e-15, 1e-15);
        CL_COMPARE_APPROX(s.dxy, -std::cos(x) * std::sin(y), 1e-15, 1e-15);
        CL_COMPARE_APPROX(s.dyy, -std::sin(x) * std::cos(y), 1e-15, 1e-15);
    }

    void integerPowersOfNegativeBases()
    {
        // x^3 at -2: -8, 3x^2 = 12, 6x = -12. x^-1 at -2: -0.5, -x^-2 = -0.25, 2x^-3 = -0.25.
        const cl::PlanarJet cube = cl::Expression::parse("x^3").jet(-2, 0);
        QCOMPARE(cube.value, -8.0);
        QCOMPARE(cube.dx, 12.0);
        QCOMPARE(cube.dxx, -12.0);
        const cl::PlanarJet inverse = cl::Expression::parse("x^-1").jet(-2, 0);
        QCOMPARE(inverse.value, -0.5);
        QCOMPARE(inverse.dx, -0.25);
        QCOMPARE(inverse.dxx, -0.25);
        const cl::PlanarJet square = cl::Expression::parse("(x - y)^2").jet(-1, 2);
        QCOMPARE(square.value, 9.0);
        QCOMPARE(square.dx, -6.0);
        QCOMPARE(square.dxy, -2.0);
    }

    void valueAgreesWithJet()
    {
        for (const char* text : kCoverage) {
            const cl::Expression e = cl::Expression::parse(text);
            for (const Point& p : kPoints) QCOMPARE(e.value(p.x, p.y), e.jet(p.x, p.y).value);
        }
    }

    void matchesCentralDifferences_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* text : kCoverage) QTest::newRow(text) << QString(text);
    }

    void matchesCentralDifferences()
    {
        // h = 1e-4: truncation error ~h^2 * (third derivatives) ~ 1e-8, rounding ~1e-16/h ~ 1e-12.
        QFETCH(QString, text);
        const cl::Expression e = cl::Expression::parse(text.toStdString());
        const double h = 1e-4, tolerance = 1e-6;
        for (const Point& p : kPoints) {
            const cl::PlanarJet j = e.jet(p.x, p.y);
            const double gx = (e.value(p.x + h, p.y) - e.value(p.x - h, p.y)) / (2 * h);
            const double gy = (e.value(p.x, p.y + h) - e.value(p.x, p.y - h)) / (2 * h);
            const Eigen::Vector2d hx = (gradientOf(e, p.x + h, p.y) - gradientOf(e, p.x - h, p.y)) / (2 * h);
            const Eigen::Vector2d hy = (gradientOf(e, p.x, p.y + h) - gradientOf(e, p.x, p.y - h)) / (2 * h);
            CL_COMPARE_APPROX(gx, j.dx, tolerance, tolerance);
            CL_COMPARE_APPROX(gy, j.dy, tolerance, tolerance);
            CL_COMPARE_APPROX(hx[0], j.dxx, tolerance, tolerance);
            CL_COMPARE_APPROX(hx[1], j.dxy, tolerance, tolerance);  // d/dx of d/dy
            CL_COMPARE_APPROX(hy[0], j.dxy, tolerance, tolerance);  // d/dy of d/dx
            CL_COMPARE_APPROX(hy[1], j.dyy, tolerance, tolerance);
        }
    }

    void finiteDifferenceErrorIsSecondOrder()
    {
        // Halving h divides the central-difference error by ~4 when the derivatives are exact
        // (a wrong derivative would leave an error that does not shrink at all).
        const char* texts[] = {"exp(x - y)*sin(x*y)", "log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)",
                               "x^y/(1 + y^2)"};
        for (const char* text : texts) {
            const cl::Expression e = cl::Expression::parse(text);
            const Point p{0.8, 1.1};
            double previous = finiteDifferenceError(e, p, 0.04);
            for (double h : {0.02, 0.01, 0.005}) {
                const double error = finiteDifferenceError(e, p, h);
                const double ratio = previous / error;
                QVERIFY2(ratio > 3 && ratio < 5, qPrintable(QString("%1: h=%2 ratio %3").arg(text).arg(h).arg(ratio)));
                previous = error;
            }
        }
    }

    void lossInterface()
    {
        const auto loss = cl::ExpressionLoss::fromText("x^2*y + sin(y)");
        QCOMPARE(loss->dimension(), 2);
        const Eigen::Vector2d theta(0.5, -1.5);
        const cl::PlanarJet j = loss->expression().jet(theta[0], theta[1]);
        QCOMPARE(loss->value(theta), j.value);
        QCOMPARE(loss->gradient(theta)[0], j.dx);
        QCOMPARE(loss->gradient(theta)[1], j.dy);
        const cl::Matrix h = loss->hessian(theta);
        QCOMPARE(h(0, 0), j.dxx);
        QCOMPARE(h(0, 1), j.dxy);
        QCOMPARE(h(1, 0), j.dxy);
        QCOMPARE(h(1, 1), j.dyy);
        const Eigen::Vector2d v(0.25, -2);
        QVERIFY(cl::testing::approxEqual(loss->hessianVectorProduct(theta, v), h * v, 0, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, loss->value(Eigen::Vector3d(1, 2, 3)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, loss->gradient(Eigen::VectorXd(1)));
    }

    void outsideTheDomainIsNaN()
    {
        // Never an exception: each of these is NaN in value and every derivative.
        const struct {
            const char* text;
            double x, y;
        } cases[] = {
            {"log(x)", -1, 0},      {"log(x)", 0, 0},           {"1/(x - x)", 2, 0},   {"y/(x - 1)", 1, 3},
            {"sqrt(x)", -1, 0},     {"x^0.5", -1, 0},           {"x^y", -2, 2},        {"(-8)^(1/3) + x", 1, 1},
            {"x^-1", 0, 0},         {"log(x*y) + y^2", -1, 2},  {"2/(y - y) + x", 1, 1},
        };
        for (const auto& c : cases) {
            const cl::Expression e = cl::Expression::parse(c.text);
            cl::PlanarJet j;
            try {
                j = e.jet(c.x, c.y);
            } catch (...) {
                QFAIL(c.text);
            }
            verifyAllNaN(j);
            QVERIFY(std::isnan(e.value(c.x, c.y)));
        }
    }

    void sqrtAndAbsAtZero()
    {
        // sqrt(0) = 0 but its derivatives are infinite: NaN. abs at 0: derivatives chosen 0.
        const cl::PlanarJet s = cl::Expression::parse("sqrt(x)").jet(0, 0);
        QCOMPARE(s.value, 0.0);
        QVERIFY(std::isnan(s.dx) && std::isnan(s.dxx));
        QCOMPARE(s.dy, 0.0);
        const cl::PlanarJet a = cl::Expression::parse("abs(x - y)").jet(1, 1);
        QCOMPARE(a.value, 0.0);
        QCOMPARE(a.dx, 0.0);
        QCOMPARE(a.dy, 0.0);
        QCOMPARE(a.dxx, 0.0);
        QCOMPARE(a.dxy, 0.0);
        QCOMPARE(a.dyy, 0.0);
        const cl::PlanarJet signOnly = cl::Expression::parse("abs(x)").jet(-2, 0);
        QCOMPARE(signOnly.dx, -1.0);
    }
};

QTEST_APPLESS_MAIN(TestExpressionDerivatives)
#include "test_expression_derivatives.moc"
