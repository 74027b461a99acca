// The bracket R(X,Y) = H_Y g_X − H_X g_Y: algebraic properties, the quadratic closed form, and
// for typed losses the definition (D g2) g1 − (D g1) g2 with finite differences of exact gradients.

#include "Approx.h"
#include "RandomMatrices.h"
#include "core/LieBracket.h"
#include "core/QuadraticLoss.h"
#include "core/WeightedSumLoss.h"
#include "core/expr/ExpressionLoss.h"

#include <QtTest>

using namespace cl;
using cl::testing::TestRandom;

class TestLieBracket : public QObject {
    Q_OBJECT

private:
    static std::shared_ptr<QuadraticLoss> randomQuadratic(TestRandom& rng, int n)
    {
        return std::make_shared<QuadraticLoss>(rng.spd(n), rng.vector(n));
    }

    // Directional derivative of a gradient field by central differences: (D g)(θ) v.
    static Vector gradientJacobianTimes(const Loss& loss, const Vector& theta, const Vector& v, double h)
    {
        return (loss.gradient(theta + h * v) - loss.gradient(theta - h * v)) / (2 * h);
    }

private slots:
    void quadraticClosedForm()
    {
        TestRandom rng(11);
        for (int n : {2, 5, 30}) {
            auto l1 = randomQuadratic(rng, n), l2 = randomQuadratic(rng, n);
            const Vector theta = rng.vector(n);
            const Vector expected = l2->A() * l1->A() * (theta - l1->b()) - l1->A() * l2->A() * (theta - l2->b());
            QVERIFY(cl::testing::approxEqual(lieBracket(*l1, *l2, theta), expected, 1e-12, 1e-12));
        }
    }

    void antisymmetricAndZeroOnItself()
    {
        TestRandom rng(12);
        auto l1 = randomQuadratic(rng, 6), l2 = randomQuadratic(rng, 6);
        const Vector theta = rng.vector(6);
        QVERIFY(cl::testing::approxEqual(lieBracket(*l1, *l2, theta), -lieBracket(*l2, *l1, theta), 1e-13, 1e-13));
        QVERIFY(lieBracket(*l1, *l1, theta).cwiseAbs().maxCoeff() < 1e-13);
        // And P inherits the antisymmetry.
        CL_COMPARE_APPROX(criterionP(*l1, *l2, *l1, theta), -criterionP(*l2, *l1, *l1, theta), 1e-12, 1e-12);
    }

    void bilinear()
    {
        TestRandom rng(13);
        auto a = randomQuadratic(rng, 4), b = randomQuadratic(rng, 4), c = randomQuadratic(rng, 4);
        const Vector theta = rng.vector(4);
        const double alpha = 0.7, beta = -1.3;
        const WeightedSumLoss mix({a, b}, {alpha, beta});
        const Vector lhs = lieBracket(mix, *c, theta);
        const Vector rhs = alpha * lieBracket(*a, *c, theta) + beta * lieBracket(*b, *c, theta);
        QVERIFY(cl::testing::approxEqual(lhs, rhs, 1e-12, 1e-12));
        const Vector lhs2 = lieBracket(*c, mix, theta);
        const Vector rhs2 = alpha * lieBracket(*c, *a, theta) + beta * lieBracket(*c, *b, theta);
        QVERIFY(cl::testing::approxEqual(lhs2, rhs2, 1e-12, 1e-12));
    }

    void typedLossesMatchTheDefinition_data()
    {
        QTest::addColumn<QString>("l1");
        QTest::addColumn<QString>("l2");
        QTest::newRow("figure1 pair") << "0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y"
                                      << "log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)";
        QTest::newRow("trig and exp") << "sin(x)*cos(y) + exp(0.3*x*y)" << "tanh(x - y)^2 + sqrt(1 + x^2 + y^4)";
        QTest::newRow("rational") << "1/(1 + x^2 + y^2)" << "abs(x + 3) * (y - 1)^2 / 4 + tan(0.2*x)";
    }

    void typedLossesMatchTheDefinition()
    {
        QFETCH(QString, l1);
        QFETCH(QString, l2);
        auto a = ExpressionLoss::fromText(l1.toStdString());
        auto b = ExpressionLoss::fromText(l2.toStdString());
        const double h = 1e-5;
        for (const auto& p : {std::pair{0.3, -0.4}, std::pair{-1.1, 0.9}, std::pair{1.7, 1.2}}) {
            Vector theta(2);
            theta << p.first, p.second;
            // [g1, g2] = (D g2) g1 − (D g1) g2, the standard bracket the paper's eq. 6 writes out.
            const Vector byDefinition = gradientJacobianTimes(*b, theta, a->gradient(theta), h) -
                                        gradientJacobianTimes(*a, theta, b->gradient(theta), h);
            QVERIFY2(cl::testing::approxEqual(lieBracket(*a, *b, theta), byDefinition, 1e-7, 1e-7),
                     qPrintable(QString("at (%1, %2)").arg(p.first).arg(p.second)));
        }
    }

    void criterionIsBracketDotTargetGradient()
    {
        auto a = ExpressionLoss::fromText("x^2 + 3*y^2 + x*y");
        auto b = ExpressionLoss::fromText("(x-1)^2*(1 + y^2)");
        auto z = ExpressionLoss::fromText("exp(0.1*x) + y");
        Vector theta(2);
        theta << 0.4, -0.2;
        CL_COMPARE_APPROX(criterionP(*a, *b, *z, theta), lieBracket(*a, *b, theta).dot(z->gradient(theta)), 0, 1e-14);
    }

    void regionClassesForSeveralDomains()
    {
        Vector r(2), g1(2), g2(2), g3(2);
        r << 1, 0;
        g1 << 1, 5;
        g2 << 0.5, -2;
        g3 << -0.1, 1;
        QCOMPARE(classifyRegion(r, {g1, g2}), Region::Green);
        QCOMPARE(classifyRegion(-r, {g1, g2}), Region::Purple);
        QCOMPARE(classifyRegion(r, {g1, g2, g3}), Region::Neutral);
        Vector bad(2);
        bad << std::nan(""), 1;
        QCOMPARE(classifyRegion(r, {g1, bad}), Region::Undefined);
        QCOMPARE(classifyRegion2(1, 0, 1, 5, 0.5, -2), Region::Green);
        QCOMPARE(classifyRegion2(1, 0, 1, 5, -0.5, -2), Region::Neutral);
        // Exactly zero is not positive: the boundary belongs to neither region.
        QCOMPARE(classifyRegion2(0, 0, 1, 5, 0.5, -2), Region::Neutral);
    }
};

QTEST_APPLESS_MAIN(TestLieBracket)
#include "test_lie_bracket.moc"
