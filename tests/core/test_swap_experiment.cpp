// What the bracket predicts for reordering (science page): the swap experiment's excess loss is
// ½ Δt² P(L1, L2; L) + O(Δt³), eq. 9/10 interventions give Δw Δt² P(L1, L2; L), and the
// Corollary 3.2 perturbation for K = 3 gives δ ε² P(L_i - L_j, Σ w L; L) + O(ε³). We check that
// observed/predicted → 1 at first order (|ratio - 1| halves with the step) and compute every P
// here from the quadratics' matrices (A2 A1 (θ-b1) - A1 A2 (θ-b2)), not with cl::criterionP.

#include "Approx.h"
#include "core/WeightedSumLoss.h"
#include "core/experiments/Interventions.h"
#include "core/experiments/RandomQuadraticModel.h"
#include "core/flow/OdeintFlow.h"

#include <QtTest>

#include <cmath>

using cl::Matrix;
using cl::Schedule;
using cl::Vector;

namespace {

// R(L_i, L_j)(θ) for quadratics, from the science page.
Vector bracket(const cl::QuadraticLoss& li, const cl::QuadraticLoss& lj, const Vector& theta)
{
    return lj.A() * (li.A() * (theta - li.b())) - li.A() * (lj.A() * (theta - lj.b()));
}

void checkFirstOrder(const std::vector<double>& deviations, const char* what)
{
    for (std::size_t i = 1; i < deviations.size(); ++i) {
        const double ratio = deviations[i - 1] / deviations[i];
        qInfo("%s: |observed/predicted - 1| = %.3e -> %.3e, ratio %.3f", what, deviations[i - 1], deviations[i], ratio);
        QVERIFY2(ratio > 1.8 && ratio < 2.2, qPrintable(QString("%1: ratio %2").arg(what).arg(ratio)));
    }
    QVERIFY2(deviations.back() < 0.05, qPrintable(QString("%1: deviation %2").arg(what).arg(deviations.back())));
}

}  // namespace

class TestSwapExperiment : public QObject {
    Q_OBJECT

private slots:
    void swapRatioConvergesAtFirstOrder()
    {
        const cl::QuadraticModel m = cl::sampleQuadraticModel({20, 2, 0.7, 21});
        const cl::ExactQuadraticFlow flow = m.exactFlow();
        const double t = 0.3;
        const Vector theta = flow.flow(Schedule::constant({0.5, 0.5}), m.theta0, 0, t);
        const cl::QuadraticLoss& l1 = *m.domains[0];
        const cl::QuadraticLoss& l2 = *m.domains[1];
        const Vector r = bracket(l1, l2, theta);
        const Vector gradMean = 0.5 * (l1.gradient(theta) + l2.gradient(theta));

        std::vector<double> deviations[3], thetaDeviations;
        for (double dt : {0.04, 0.02, 0.01, 0.005}) {
            const cl::InterventionResult s = cl::runSwapExperiment(flow, theta, t, dt);
            QCOMPARE(s.targets.size(), std::size_t(3));
            // Targets L1, L2, L = mean, with predictions ½ Δt² <R, ∇target>.
            const Vector grads[3] = {l1.gradient(theta), l2.gradient(theta), gradMean};
            for (int k = 0; k < 3; ++k) {
                const double predicted = 0.5 * dt * dt * r.dot(grads[k]);
                CL_COMPARE_APPROX(s.targets[k].predicted12, predicted, 0.0, 1e-12);
                CL_COMPARE_APPROX(s.targets[k].p21, -r.dot(grads[k]), 0.0, 1e-12);
                deviations[k].push_back(std::abs(s.targets[k].observed12 / predicted - 1));
                // θ_{2→1} moves the other way: L(θ21) - L(θbase) ≈ -½ Δt² P.
                QVERIFY2(std::abs(s.targets[k].observed21 / -predicted - 1) < 40 * dt,
                         qPrintable(QString("21 ratio %1").arg(s.targets[k].observed21 / -predicted)));
            }
            // θ_{1→2} - θ_base = ½ Δt² R + O(Δt³).
            thetaDeviations.push_back((s.theta12 - s.thetaBase - 0.5 * dt * dt * r).norm() / (0.5 * dt * dt * r.norm()));
        }
        checkFirstOrder(deviations[0], "target L1");
        checkFirstOrder(deviations[1], "target L2");
        checkFirstOrder(deviations[2], "target L");
        checkFirstOrder(thetaDeviations, "theta12 - thetaBase vs ½Δt²R");
    }

    void interventionEquation10()
    {
        // Eq. 10: base (0.9, 0.1), Δw = 0.05, from t0 = 0.5, with odeint flows; prediction Δw Δt² P.
        const cl::QuadraticModel m = cl::sampleQuadraticModel({12, 2, 0.7, 22});
        const cl::OdeintFlow flow(m.losses(), {cl::OdeintOptions::Stepper::Dopri5Adaptive, 1e-13, 1e-13, 1e-2});
        const Vector atT0 = m.exactFlow().flow(Schedule::constant({0.9, 0.1}), m.theta0, 0, 0.5);
        const Vector r = bracket(*m.domains[0], *m.domains[1], atT0);
        std::vector<double> deviations;
        for (double dt : {0.04, 0.02, 0.01, 0.005}) {
            const cl::InterventionResult res =
                cl::runInterventionFromStart(flow, m.theta0, 0.9, 0.5, dt, 0.05, {m.losses()[1]});
            QVERIFY(cl::testing::approxEqual(res.thetaAtStart, atT0, 1e-10, 1e-10));
            const double predicted = 0.05 * dt * dt * r.dot(m.domains[1]->gradient(atT0));
            CL_COMPARE_APPROX(res.targets[0].predicted12, predicted, 0.0, 1e-9);
            deviations.push_back(std::abs(res.targets[0].observed12 / predicted - 1));
        }
        checkFirstOrder(deviations, "eq. 10, target L2");
    }

    void corollary32ThreeDomains()
    {
        // K = 3, base weights (0.2, 0.3, 0.5) switching to (0.5, 0.25, 0.25) at t = 0.2; perturb
        // domains 1 and 3 (i = 0, j = 2) by δ = 0.15 from t0 = 0.4 (after the switch).
        const cl::QuadraticModel m = cl::sampleQuadraticModel({15, 3, 0.7, 23});
        const cl::ExactQuadraticFlow flow = m.exactFlow();
        const Schedule base({{0, {0.2, 0.3, 0.5}}, {0.2, {0.5, 0.25, 0.25}}}, 3);
        const double t0 = 0.4, delta = 0.15;
        const Vector theta = flow.flow(base, m.theta0, 0, t0);
        const std::vector<double> w{0.5, 0.25, 0.25};
        const cl::WeightedSumLoss target(m.losses(), {0.6, 0.3, 0.1});

        // P(L_1 - L_3, Σ w L; target) by bilinearity: Σ_k w_k (R(L1, Lk) - R(L3, Lk)).
        Vector r = Vector::Zero(15);
        for (int k = 0; k < 3; ++k)
            r += w[k] * (bracket(*m.domains[0], *m.domains[k], theta) - bracket(*m.domains[2], *m.domains[k], theta));
        const double p = r.dot(target.gradient(theta));

        std::vector<double> deviations;
        for (double eps : {0.04, 0.02, 0.01, 0.005}) {
            const cl::PerturbationResult res = cl::runPerturbation(flow, base, 0, 2, delta, theta, t0, eps, target);
            // The science page's constant δ ε² (the paper prints ½ δ ε²).
            CL_COMPARE_APPROX(res.predicted, delta * eps * eps * p, 0.0, 1e-10);
            deviations.push_back(std::abs(res.observed / res.predicted - 1));
        }
        checkFirstOrder(deviations, "Corollary 3.2, K = 3");
    }

    void lossDifferenceIsExactForQuadratics()
    {
        // ½(x-b)ᵀA(x-b) - ½(y-b)ᵀA(y-b) where both values are ~1e8 and differ by ~1e-6:
        // the direct difference loses every digit, the factored form keeps them.
        Matrix a(2, 2);
        a << 2, 1, 1, 3;
        const cl::QuadraticLoss q(a, (Vector(2) << 1e4, -1e4).finished());
        const Vector x = Vector::Zero(2);
        const Vector y = (Vector(2) << 1e-10, 0).finished();
        // By hand, with x = 0: L(x) - L(y) = ½ bᵀAb - ½ (y-b)ᵀA(y-b) = yᵀAb - ½ yᵀAy, and
        // Ab = (1e4, -2e4), so this is 1e-10 · 1e4 - ½ · 2e-20 = 1e-6 - 1e-20.
        CL_COMPARE_APPROX(cl::lossDifference(q, x, y), 1e-6 - 1e-20, 0.0, 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestSwapExperiment)
#include "test_swap_experiment.moc"
