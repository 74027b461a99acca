// The closed-form quadratic flow against independent truths (diagonal quadratics, where the
// mixed loss and its flow are written by hand), and Boost.Odeint against the closed form on random
// App. D quadratics, across schedule breakpoints, to 1e-8 relative.

#include "Approx.h"
#include "core/experiments/RandomQuadraticModel.h"
#include "core/flow/ExactQuadraticFlow.h"
#include "core/flow/OdeintFlow.h"

#include <QtTest>

#include <cmath>

using cl::Matrix;
using cl::Schedule;
using cl::Vector;

namespace {

double relativeError(const Vector& a, const Vector& b) { return (a - b).norm() / b.norm(); }

// Three diagonal quadratics in 3-D: at weights w the mixed loss is diagonal with
// a_j = Σ w_k a_kj and minimiser m_j = Σ w_k a_kj b_kj / a_j, so θ_j(s) = m_j + e^{-a_j s}(θ_j - m_j).
struct DiagonalDomains {
    std::vector<Vector> a{Vector::Zero(3), Vector::Zero(3), Vector::Zero(3)};
    std::vector<Vector> b{Vector::Zero(3), Vector::Zero(3), Vector::Zero(3)};
    DiagonalDomains()
    {
        a[0] << 2.0, 0.5, 1e-3;
        a[1] << 0.1, 1.5, 0.7;
        a[2] << 1.0, 1.0, 3.0;
        b[0] << 1.0, -2.0, 0.5;
        b[1] << -1.0, 0.3, 2.0;
        b[2] << 0.2, 0.1, -0.4;
    }
    std::vector<cl::LossPtr> losses() const
    {
        std::vector<cl::LossPtr> out;
        for (int k = 0; k < 3; ++k) out.push_back(std::make_shared<cl::QuadraticLoss>(Matrix(a[k].asDiagonal()), b[k]));
        return out;
    }
    Vector flow(const std::vector<double>& w, const Vector& theta, double s) const
    {
        Vector out(3);
        for (int j = 0; j < 3; ++j) {
            double aj = 0, num = 0;
            for (int k = 0; k < 3; ++k) {
                aj += w[k] * a[k][j];
                num += w[k] * a[k][j] * b[k][j];
            }
            const double m = num / aj;
            out[j] = m + std::exp(-aj * s) * (theta[j] - m);
        }
        return out;
    }
};

}  // namespace

class TestFlowExactVsOdeint : public QObject {
    Q_OBJECT

private slots:
    void exactFlowMatchesDiagonalTruth()
    {
        const DiagonalDomains d;
        const cl::ExactQuadraticFlow flow(d.losses());
        const Vector theta0 = (Vector(3) << 0.3, -0.7, 1.9).finished();
        // Three pieces with breakpoints at 0.4 and 1.1: the truth composes the hand-written flows.
        const Schedule s({{0, {0.2, 0.3, 0.5}}, {0.4, {1, 0, 0}}, {1.1, {0, 0.5, 0.5}}}, 3);
        Vector truth = d.flow({0.2, 0.3, 0.5}, theta0, 0.4 - 0.1);
        truth = d.flow({1, 0, 0}, truth, 0.7);
        truth = d.flow({0, 0.5, 0.5}, truth, 2.5 - 1.1);
        const Vector got = flow.flow(s, theta0, 0.1, 2.5);
        QVERIFY2(relativeError(got, truth) < 1e-14, qPrintable(QString::number(relativeError(got, truth))));
        QCOMPARE(flow.cachedDecompositions(), std::size_t(3));  // one per distinct weight vector
        flow.flow(s, theta0, 0.1, 2.5);
        QCOMPARE(flow.cachedDecompositions(), std::size_t(3));  // reused, not recomputed

        // A sweep over many weight vectors keeps the cache bounded and the results right.
        for (int i = 0; i <= 100; ++i) {
            const double w = i / 100.0;
            const Vector swept = flow.flowAtWeights({w, 1 - w, 0}, theta0, 0.3);
            QVERIFY(swept.isApprox(d.flow({w, 1 - w, 0}, theta0, 0.3), 1e-13));
            QVERIFY(flow.cachedDecompositions() <= cl::ExactQuadraticFlow::kMaxCachedWeightVectors);
        }
    }

    void exactFlowRejectsNonQuadratic()
    {
        const DiagonalDomains d;
        std::vector<cl::LossPtr> domains = d.losses();
        struct Flat final : cl::Loss {
            int dimension() const override { return 3; }
            double value(const Vector&) const override { return 0; }
            Vector gradient(const Vector&) const override { return Vector::Zero(3); }
            Matrix hessian(const Vector&) const override { return Matrix::Zero(3, 3); }
        };
        domains.push_back(std::make_shared<Flat>());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, cl::ExactQuadraticFlow{domains});
    }

    void odeintMatchesExactOnRandomQuadratics_data()
    {
        QTest::addColumn<int>("domains");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("K=2 seed 11") << 2 << quint64(11);
        QTest::newRow("K=2 seed 12") << 2 << quint64(12);
        QTest::newRow("K=3 seed 13") << 3 << quint64(13);
    }

    void odeintMatchesExactOnRandomQuadratics()
    {
        QFETCH(int, domains);
        QFETCH(quint64, seed);
        const cl::QuadraticModel model = cl::sampleQuadraticModel({12, domains, 0.7, seed});
        const cl::ExactQuadraticFlow exact = model.exactFlow();
        const cl::ExactQuadraticFlow exactFresh(model.losses());  // decomposes every A_k itself
        const cl::OdeintFlow odeint(model.losses(), {cl::OdeintOptions::Stepper::Dopri5Adaptive, 1e-13, 1e-13, 1e-2});

        // A mixed base with a Corollary 3.2 perturbation: breakpoints at 0.5, 0.8, 1.1.
        std::vector<double> w(domains, 1.0 / domains);
        const Schedule s = cl::perturbedSchedule(Schedule::constant(w), 0, domains - 1, 1.0 / domains, 0.5, 0.3);
        for (double t1 : {0.3, 0.8, 0.95, 2.0}) {
            const Vector truth = exact.flow(s, model.theta0, 0.0, t1);
            const Vector numeric = odeint.flow(s, model.theta0, 0.0, t1);
            const double err = relativeError(numeric, truth);
            QVERIFY2(err < 1e-8, qPrintable(QString("t1 %1: relative error %2").arg(t1).arg(err)));
            const double errFresh = relativeError(exactFresh.flow(s, model.theta0, 0.0, t1), truth);
            QVERIFY2(errFresh < 1e-12, qPrintable(QString("fresh decompositions: %1").arg(errFresh)));
        }
    }

    void denseOutputMatchesExact()
    {
        const cl::QuadraticModel model = cl::sampleQuadraticModel({10, 2, 0.7, 5});
        const cl::ExactQuadraticFlow exact = model.exactFlow();
        const cl::OdeintFlow odeint(model.losses(), {cl::OdeintOptions::Stepper::Dopri5Adaptive, 1e-13, 1e-13, 1e-2});
        const Schedule s = cl::interventionSchedule(0.5, 0.4, 0.25, 0.5, cl::InterventionOrder::TwoThenOne);
        // Sample times on both sides of, and exactly at, the breakpoints 0.4 and 0.65, plus a repeat.
        const std::vector<double> times{0.0, 0.1, 0.4, 0.4, 0.5, 0.65, 0.7, 0.9, 1.3};
        const cl::Trajectory tr = cl::sampleTrajectory(odeint, s, model.theta0, 0.0, times);
        QCOMPARE(tr.states.size(), times.size());
        for (std::size_t i = 0; i < times.size(); ++i) {
            const Vector truth = exact.flow(s, model.theta0, 0.0, times[i]);
            const double err = relativeError(tr.states[i], truth);
            QVERIFY2(err < 1e-8, qPrintable(QString("t %1: relative error %2").arg(times[i]).arg(err)));
            for (int k = 0; k < 2; ++k)
                CL_COMPARE_APPROX(tr.domainLosses[k][i], model.domains[k]->value(truth), 0.0, 1e-8);
        }
    }

    void argumentChecks()
    {
        const cl::QuadraticModel model = cl::sampleQuadraticModel({4, 2, 0.7, 1});
        const cl::ExactQuadraticFlow exact = model.exactFlow();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, exact.flow(Schedule::constant({1.0}), model.theta0, 0, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, exact.flow(Schedule::constant({0.5, 0.5}), Vector::Zero(3), 0, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, exact.flow(Schedule::constant({0.5, 0.5}), model.theta0, 1, 0));
        QVERIFY_THROWS_EXCEPTION(cl::ScheduleError, exact.flow(Schedule::constant({0.5, 0.5}, 1.0), model.theta0, 0, 2));
    }
};

QTEST_APPLESS_MAIN(TestFlowExactVsOdeint)
#include "test_flow_exact_vs_odeint.moc"
