// Flows from a clicked point: end points against closed forms and the bracket's prediction.

#include "Approx.h"
#include "RandomMatrices.h"
#include "core/QuadraticLoss.h"
#include "core/expr/ExpressionLoss.h"
#include "core/flow/ExactQuadraticFlow.h"
#include "core/landscape/PointFlows.h"

#include <QtTest>

using namespace cl;

class TestPointFlows : public QObject {
    Q_OBJECT

private slots:
    void endPointsMatchTheClosedForm()
    {
        cl::testing::TestRandom rng(5);
        auto l1 = std::make_shared<QuadraticLoss>(rng.spd(2), rng.vector(2));
        auto l2 = std::make_shared<QuadraticLoss>(rng.spd(2), rng.vector(2));
        Vector theta(2);
        theta << 0.8, -0.4;
        const double dt = 0.3;
        const PointFlows f = computePointFlows(l1, l2, theta, dt, 16);
        const ExactQuadraticFlow exact({l1, l2});
        const Vector base = exact.flowAtWeights({0.5, 0.5}, theta, 2 * dt);
        const Vector oneTwo = exact.flowAtWeights({0, 1}, exact.flowAtWeights({1, 0}, theta, dt), dt);
        const Vector twoOne = exact.flowAtWeights({1, 0}, exact.flowAtWeights({0, 1}, theta, dt), dt);
        QVERIFY(cl::testing::approxEqual(f.mixed.states.back(), base, 1e-8, 1e-8));
        QVERIFY(cl::testing::approxEqual(f.oneThenTwo.states.back(), oneTwo, 1e-8, 1e-8));
        QVERIFY(cl::testing::approxEqual(f.twoThenOne.states.back(), twoOne, 1e-8, 1e-8));
        QCOMPARE(f.mixed.states.size(), std::size_t(16));
        // The switch happens at Δt: the 1-then-2 path at Δt is L1's flow for Δt.
        QVERIFY(cl::testing::approxEqual(f.oneThenTwo.states.front(), theta, 0, 0));
    }

    void predictionApproachesTheObservedParallelogram()
    {
        // θ_{1→2} − (θ_base + ½Δt²R) = O(Δt³): relative to ½Δt²|R| the miss shrinks linearly in Δt.
        auto l1 = ExpressionLoss::fromText("0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y");
        auto l2 = ExpressionLoss::fromText("log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)");
        Vector theta(2);
        theta << 1.5, -1.0;
        double previous = 0;
        for (double dt : {0.04, 0.02, 0.01}) {
            const PointFlows f = computePointFlows(l1, l2, theta, dt, 4);
            const double scale = 0.5 * dt * dt * f.bracket.norm();
            const double miss = (f.oneThenTwo.states.back() - f.predictedOneThenTwo).norm() / scale;
            const double missReverse = (f.twoThenOne.states.back() - f.predictedTwoThenOne).norm() / scale;
            QVERIFY(missReverse < 2 * miss + 1e-3);
            if (previous > 0) QVERIFY2(miss < 0.6 * previous && miss > 0.4 * previous, qPrintable(QString::number(miss / previous)));
            previous = miss;
        }
        // Measured: 0.343, 0.186, 0.096 for Δt = 0.04, 0.02, 0.01 (about 9.6 Δt).
        QVERIFY(previous < 0.15);
    }

    void undefinedStartIsRefused()
    {
        auto l1 = ExpressionLoss::fromText("log(x)");
        auto l2 = ExpressionLoss::fromText("y^2");
        Vector theta(2);
        theta << -1, 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, computePointFlows(l1, l2, theta, 0.1));
    }

    void descentPathReachesTheMinimum()
    {
        auto loss = ExpressionLoss::fromText("(x-1)^2 + 3*(y+2)^2 + 0.5*x*y");
        Vector theta(2);
        theta << -2, 2;
        const Trajectory path = descentPath(loss, theta);
        QVERIFY(path.states.size() > 10);
        // Minimum of the quadratic: solve ∇L = 0 → [2 0.5; 0.5 6] θ = [2; -12].
        Eigen::Matrix2d a;
        a << 2, 0.5, 0.5, 6;
        const Eigen::Vector2d minimum = a.colPivHouseholderQr().solve(Eigen::Vector2d(2, -12));
        QVERIFY((path.states.back() - Vector(minimum)).norm() < 1e-5);
        for (std::size_t i = 1; i < path.domainLosses[0].size(); ++i)
            QVERIFY(path.domainLosses[0][i] <= path.domainLosses[0][i - 1] + 1e-12);
    }

    void descentPathStopsWhereTheLossIsUndefined()
    {
        // L = log(x) + y²: the flow pushes x down toward 0, where the loss stops being defined.
        auto loss = ExpressionLoss::fromText("log(x) + y^2");
        Vector theta(2);
        theta << 1, 1;
        const Trajectory path = descentPath(loss, theta, {1e-9, 10.0, 200});
        QVERIFY(!path.states.empty());
        for (const Vector& s : path.states) QVERIFY(s.allFinite() && s[0] > 0);
    }
};

QTEST_APPLESS_MAIN(TestPointFlows)
#include "test_point_flows.moc"
