// The order-effect read-out of a clicked point: observed displacements and excess losses
// against the bracket's predictions ½Δt²R and ½Δt²P (science page), whose ratios tend to 1 as
// Δt → 0 with an error linear in Δt, and the inset square that holds the parallelogram.

#include "Approx.h"
#include "core/LieBracket.h"
#include "core/expr/ExpressionLoss.h"
#include "core/landscape/OrderEffect.h"

#include <QtTest>

#include <cmath>

using namespace cl;

class TestOrderEffect : public QObject {
    Q_OBJECT

private slots:
    void ratiosTendToOne()
    {
        auto l1 = ExpressionLoss::fromText("0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y");
        auto l2 = ExpressionLoss::fromText("log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)");
        auto target = ExpressionLoss::fromText("x^2 + y^2");
        const Vector theta = Eigen::Vector2d(1.5, -1.0);
        double previous = 0;
        for (double dt : {0.04, 0.02, 0.01}) {
            const PointFlows f = computePointFlows(l1, l2, theta, dt, 8);
            const OrderEffect e = orderEffect(f, l1, l2, target, theta, dt);
            // The end points are the flows' own, the predictions base ± ½Δt²R.
            QVERIFY(approxEqualVector(e.oneThenTwo, f.oneThenTwo.states.back()));
            QVERIFY(approxEqualVector(e.predictedDisplacement, 0.5 * dt * dt * lieBracket(*l1, *l2, theta)));
            // Independent: ½Δt²P from the definition P = <R, ∇L>.
            const double p = lieBracket(*l1, *l2, theta).dot(target->gradient(theta));
            CL_COMPARE_APPROX(e.excessOneThenTwo[2].predicted, 0.5 * dt * dt * p, 1e-15, 1e-12);
            CL_COMPARE_APPROX(e.excessTwoThenOne[2].predicted, -0.5 * dt * dt * p, 1e-15, 1e-12);
            CL_COMPARE_APPROX(e.excessOneThenTwo[0].observed, l1->value(e.oneThenTwo) - l1->value(e.base), 0, 0);
            const double miss = std::abs(e.alongBracketOneThenTwo.ratio() - 1);
            for (int k = 0; k < 3; ++k) {
                QVERIFY2(
                    std::abs(e.excessOneThenTwo[k].ratio() - 1) < 30 * dt,
                    qPrintable(QString("dt %1 loss %2 ratio %3").arg(dt).arg(k).arg(e.excessOneThenTwo[k].ratio())));
                QVERIFY(std::abs(e.excessTwoThenOne[k].ratio() - 1) < 30 * dt);
            }
            QVERIFY(std::abs(e.alongBracketTwoThenOne.ratio() - 1) < 30 * dt);
            if (previous > 0) QVERIFY2(miss < 0.6 * previous, qPrintable(QString::number(miss / previous)));
            previous = miss;

            // The inset holds all five points, and is not much larger than they need.
            const InsetSquare s = insetSquare(e);
            for (const Vector* v :
                 {&e.base, &e.oneThenTwo, &e.twoThenOne, &e.predictedOneThenTwo, &e.predictedTwoThenOne}) {
                QVERIFY(std::abs((*v)[0] - s.cx) <= s.halfSide);
                QVERIFY(std::abs((*v)[1] - s.cy) <= s.halfSide);
            }
            QVERIFY(s.halfSide < 2 * (e.oneThenTwo - e.twoThenOne).norm());
        }
    }

    void missingTargetIsNaN()
    {
        auto l1 = ExpressionLoss::fromText("x^2 + x*y");
        auto l2 = ExpressionLoss::fromText("(y-1)^2 + 0.5*x^2*y");
        const Vector theta = Eigen::Vector2d(0.3, 0.2);
        const OrderEffect e = orderEffect(computePointFlows(l1, l2, theta, 0.1, 4), l1, l2, nullptr, theta, 0.1);
        QVERIFY(std::isnan(e.excessOneThenTwo[2].observed));
        QVERIFY(std::isfinite(e.excessOneThenTwo[1].observed));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, orderEffect(PointFlows{}, l1, l2, nullptr, theta, 0.1));
    }

private:
    static bool approxEqualVector(const Vector& a, const Vector& b)
    {
        return cl::testing::approxEqual(a, b, 1e-15, 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestOrderEffect)
#include "test_order_effect.moc"
