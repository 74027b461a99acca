// Theorem 3.1 (science page wording): from θ, domain 1 for t1 then domain 2 for t2, minus domain 2
// for t2 then domain 1 for t1, equals t1 t2 R(L1, L2)(θ) + o(t1 t2), R = H2 g1 - H1 g2.
// We measure e(t) = |D(t) - R(θ)| with D(t) = (that difference)/(t1 t2), t1 = t, t2 = 1.5 t, and
// check the convergence is first order: e(t)/e(t/2) ≈ 2. The truth R is computed here from the
// loss derivatives (for quadratics from the science page's closed form), not by cl::lieBracket.

#include "Approx.h"
#include "core/experiments/RandomQuadraticModel.h"
#include "core/flow/OdeintFlow.h"

#include <QtTest>

#include <cmath>

using cl::Matrix;
using cl::Schedule;
using cl::Vector;

namespace {

// A coupled non-quadratic pair with hand-written derivatives:
//   L1 = log(1 + (x-1)² + 2 y²),   L2 = (y - x²)² + ½ x².
class LogBowl final : public cl::Loss {
public:
    int dimension() const override { return 2; }
    double value(const Vector& p) const override { return std::log(q(p)); }
    Vector gradient(const Vector& p) const override { return dq(p) / q(p); }
    Matrix hessian(const Vector& p) const override
    {
        Matrix d2q = Matrix::Zero(2, 2);
        d2q(0, 0) = 2;
        d2q(1, 1) = 4;
        const Vector g = dq(p);
        return d2q / q(p) - g * g.transpose() / (q(p) * q(p));
    }

private:
    static double q(const Vector& p) { return 1 + (p[0] - 1) * (p[0] - 1) + 2 * p[1] * p[1]; }
    static Vector dq(const Vector& p) { return (Vector(2) << 2 * (p[0] - 1), 4 * p[1]).finished(); }
};

class Banana final : public cl::Loss {
public:
    int dimension() const override { return 2; }
    double value(const Vector& p) const override
    {
        const double r = p[1] - p[0] * p[0];
        return r * r + 0.5 * p[0] * p[0];
    }
    Vector gradient(const Vector& p) const override
    {
        const double r = p[1] - p[0] * p[0];
        return (Vector(2) << -4 * p[0] * r + p[0], 2 * r).finished();
    }
    Matrix hessian(const Vector& p) const override
    {
        Matrix h(2, 2);
        h << 12 * p[0] * p[0] - 4 * p[1] + 1, -4 * p[0], -4 * p[0], 2;
        return h;
    }
};

// (domain 1 for t1, then domain 2 for t2) - (domain 2 for t2, then domain 1 for t1), over t1 t2.
Vector scaledCommutator(const cl::FlowIntegrator& flow, const Vector& theta, double t1, double t2)
{
    const Schedule oneThenTwo({{0, {1, 0}}, {t1, {0, 1}}}, 2);
    const Schedule twoThenOne({{0, {0, 1}}, {t2, {1, 0}}}, 2);
    return (flow.flow(oneThenTwo, theta, 0, t1 + t2) - flow.flow(twoThenOne, theta, 0, t1 + t2)) / (t1 * t2);
}

// e(t) for t = t0, t0/2, t0/4, t0/8 and the check that each halving halves it.
void checkFirstOrder(const cl::FlowIntegrator& flow, const Vector& theta, const Vector& bracket, double t0)
{
    std::vector<double> errors;
    for (double t = t0; errors.size() < 4; t /= 2)
        errors.push_back((scaledCommutator(flow, theta, t, 1.5 * t) - bracket).norm());
    for (std::size_t i = 1; i < errors.size(); ++i) {
        const double ratio = errors[i - 1] / errors[i];
        qInfo("|D - R| = %.3e -> %.3e (|R| = %.3e), ratio %.3f", errors[i - 1], errors[i], bracket.norm(), ratio);
        QVERIFY2(ratio > 1.8 && ratio < 2.2, qPrintable(QString("ratio %1").arg(ratio)));
    }
    // And D(t) is already close to R: within 5% at the smallest t.
    QVERIFY2(errors.back() < 0.05 * bracket.norm(), qPrintable(QString("error %1").arg(errors.back())));
}

}  // namespace

class TestTheorem31 : public QObject {
    Q_OBJECT

private slots:
    void nonQuadraticDerivatives()
    {
        const Vector p = (Vector(2) << 0.7, -0.4).finished();
        const double h = 1e-5;
        const LogBowl a;
        const Banana b;
        for (const cl::Loss* loss : {static_cast<const cl::Loss*>(&a), static_cast<const cl::Loss*>(&b)}) {
            for (int i = 0; i < 2; ++i) {
                Vector e = Vector::Zero(2);
                e[i] = h;
                CL_COMPARE_APPROX(loss->gradient(p)[i], (loss->value(p + e) - loss->value(p - e)) / (2 * h), 1e-8, 1e-7);
                const Vector dg = (loss->gradient(p + e) - loss->gradient(p - e)) / (2 * h);
                for (int j = 0; j < 2; ++j) CL_COMPARE_APPROX(loss->hessian(p)(j, i), dg[j], 1e-8, 1e-7);
            }
        }
    }

    void quadratics_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::newRow("seed 3") << quint64(3);
        QTest::newRow("seed 4") << quint64(4);
    }

    void quadratics()
    {
        QFETCH(quint64, seed);
        const cl::QuadraticModel m = cl::sampleQuadraticModel({8, 2, 0.7, seed});
        const Matrix& a1 = m.domains[0]->A();
        const Matrix& a2 = m.domains[1]->A();
        const Vector& b1 = m.domains[0]->b();
        const Vector& b2 = m.domains[1]->b();
        // Science page: R(L1, L2)(θ) = A2 A1 (θ - b1) - A1 A2 (θ - b2).
        const Vector bracket = a2 * a1 * (m.theta0 - b1) - a1 * a2 * (m.theta0 - b2);
        checkFirstOrder(m.exactFlow(), m.theta0, bracket, 0.04);
    }

    void nonQuadratic()
    {
        auto l1 = std::make_shared<LogBowl>();
        auto l2 = std::make_shared<Banana>();
        const cl::OdeintFlow flow({l1, l2}, {cl::OdeintOptions::Stepper::Dopri5Adaptive, 1e-14, 1e-14, 1e-2});
        for (const Vector& theta : {(Vector(2) << 0.7, -0.4).finished(), (Vector(2) << -1.1, 0.9).finished()}) {
            const Vector bracket = l2->hessian(theta) * l1->gradient(theta) - l1->hessian(theta) * l2->gradient(theta);
            checkFirstOrder(flow, theta, bracket, 0.01);
        }
    }
};

QTEST_APPLESS_MAIN(TestTheorem31)
#include "test_theorem31.moc"
