// Odeint on a non-quadratic loss whose flow is known in closed form:
//   L1(x, y) = log cosh x + y⁴/4:   ẋ = -tanh x  →  sinh x(t) = sinh x0 · e^{-t},
//                                   ẏ = -y³      →  y(t) = y0 / √(1 + 2 y0² t);
//   L2(x, y) = (x + ½)⁴/4 + log cosh(y - 1) (the same with the roles of x and y swapped, shifted).
// What we measure: the error at t = 1.2 against these formulas, (a) for fixed-step RK4 as the
// step halves — the error ratio must be ≈ 2⁴ = 16, RK4's order; (b) for adaptive Dormand–Prince
// as the tolerance shrinks 100× — the error must stay below the tolerance scale and shrink by
// at least 10× each time; both with a schedule breakpoint (domain 1 then domain 2) inside.

#include "Approx.h"
#include "core/flow/OdeintFlow.h"

#include <QtTest>

#include <cmath>

using cl::Matrix;
using cl::Schedule;
using cl::Vector;

namespace {

// log cosh(u) + v⁴/4 evaluated at (u, v) = (x - sx, y - sy) or swapped, with hand-written derivatives.
class CoshQuartic final : public cl::Loss {
public:
    CoshQuartic(bool swapped, double sx, double sy) : swapped_(swapped), sx_(sx), sy_(sy) {}
    int dimension() const override { return 2; }
    double value(const Vector& p) const override
    {
        const auto [u, v] = uv(p);
        return std::log(std::cosh(u)) + v * v * v * v / 4;
    }
    Vector gradient(const Vector& p) const override
    {
        const auto [u, v] = uv(p);
        return back(std::tanh(u), v * v * v);
    }
    Matrix hessian(const Vector& p) const override
    {
        const auto [u, v] = uv(p);
        const Vector d = back(1 / (std::cosh(u) * std::cosh(u)), 3 * v * v);
        return d.asDiagonal();
    }
    /// The exact flow of this loss alone for time s.
    Vector flow(const Vector& p, double s) const
    {
        const auto [u, v] = uv(p);
        const double u1 = std::asinh(std::sinh(u) * std::exp(-s));
        const double v1 = v / std::sqrt(1 + 2 * v * v * s);
        const Vector shifted = back(u1, v1);
        return shifted + (Vector(2) << sx_, sy_).finished();
    }

private:
    std::pair<double, double> uv(const Vector& p) const
    {
        const double x = p[0] - sx_, y = p[1] - sy_;
        return swapped_ ? std::pair{y, x} : std::pair{x, y};
    }
    Vector back(double du, double dv) const
    {
        return swapped_ ? (Vector(2) << dv, du).finished() : (Vector(2) << du, dv).finished();
    }
    bool swapped_;
    double sx_, sy_;
};

const auto l1 = std::make_shared<CoshQuartic>(false, 0.0, 0.0);
const auto l2 = std::make_shared<CoshQuartic>(true, -0.5, 1.0);
const Vector theta0 = (Vector(2) << 0.4, -0.9).finished();
// Domain 1 on [0, 0.45), domain 2 after: the truth composes the two closed-form flows.
const Schedule schedule({{0, {1, 0}}, {0.45, {0, 1}}}, 2);
const double tEnd = 1.2;

Vector truth() { return l2->flow(l1->flow(theta0, 0.45), tEnd - 0.45); }

double errorWith(const cl::OdeintOptions& options)
{
    const cl::OdeintFlow flow({l1, l2}, options);
    return (flow.flow(schedule, theta0, 0.0, tEnd) - truth()).norm();
}

}  // namespace

class TestFlowOrder : public QObject {
    Q_OBJECT

private slots:
    void derivativesMatchFiniteDifferences()
    {
        // Guards the hand-written derivatives the rest of the file relies on.
        const Vector p = (Vector(2) << 0.3, -0.8).finished();
        const double h = 1e-5;
        for (const auto& loss : {l1, l2}) {
            for (int i = 0; i < 2; ++i) {
                Vector e = Vector::Zero(2);
                e[i] = h;
                const double dv = (loss->value(p + e) - loss->value(p - e)) / (2 * h);
                CL_COMPARE_APPROX(loss->gradient(p)[i], dv, 1e-8, 1e-8);
                const Vector dg = (loss->gradient(p + e) - loss->gradient(p - e)) / (2 * h);
                for (int j = 0; j < 2; ++j) CL_COMPARE_APPROX(loss->hessian(p)(j, i), dg[j], 1e-8, 1e-8);
            }
        }
    }

    void rk4ConvergesAtFourthOrder()
    {
        std::vector<double> errors;
        for (double h : {0.025, 0.0125, 0.00625, 0.003125})
            errors.push_back(errorWith({cl::OdeintOptions::Stepper::Rk4Fixed, 1e-10, 1e-10, h}));
        for (std::size_t i = 1; i < errors.size(); ++i) {
            const double ratio = errors[i - 1] / errors[i];
            qInfo("RK4 error %.3e -> %.3e, ratio %.2f", errors[i - 1], errors[i], ratio);
            QVERIFY2(ratio > 14 && ratio < 18, qPrintable(QString("ratio %1").arg(ratio)));
        }
    }

    void dopri5ErrorFollowsTolerance()
    {
        double previous = 0;
        for (double tol : {1e-6, 1e-8, 1e-10, 1e-12}) {
            const double err = errorWith({cl::OdeintOptions::Stepper::Dopri5Adaptive, tol, tol, 1e-2});
            qInfo("dopri5 tolerance %.0e: error %.3e", tol, err);
            QVERIFY2(err < 100 * tol, qPrintable(QString("error %1 at tolerance %2").arg(err).arg(tol)));
            if (previous > 0) QVERIFY2(previous / err > 10, qPrintable(QString("only %1x").arg(previous / err)));
            previous = err;
        }
    }

    void denseOutputAcrossBreakpoint()
    {
        const cl::OdeintFlow flow({l1, l2}, {cl::OdeintOptions::Stepper::Dopri5Adaptive, 1e-12, 1e-12, 1e-2});
        const std::vector<double> times{0.2, 0.45, 0.6, tEnd};
        const std::vector<Vector> states = flow.sample(schedule, theta0, 0.0, times);
        const std::vector<Vector> expected{l1->flow(theta0, 0.2), l1->flow(theta0, 0.45),
                                           l2->flow(l1->flow(theta0, 0.45), 0.15), truth()};
        for (std::size_t i = 0; i < times.size(); ++i)
            QVERIFY(cl::testing::approxEqual(states[i], expected[i], 1e-10, 1e-10));
    }
};

QTEST_APPLESS_MAIN(TestFlowOrder)
#include "test_flow_order.moc"
