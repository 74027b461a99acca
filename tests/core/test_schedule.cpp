// Weight schedules: every invalid schedule gets its own exact message, and the paper's
// interventions (eq. 9/10) and the Corollary 3.2 perturbation have the right weights and keep the
// amount of each domain's data.

#include "Approx.h"
#include "core/flow/Schedule.h"

#include <QtTest>

#include <cmath>
#include <limits>

using cl::Schedule;
using cl::ScheduleError;
using Segments = std::vector<Schedule::Segment>;
Q_DECLARE_METATYPE(Segments)

class TestSchedule : public QObject {
    Q_OBJECT

private slots:
    void invalidSchedules_data()
    {
        QTest::addColumn<Segments>("segments");
        QTest::addColumn<int>("domains");
        QTest::addColumn<QString>("message");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("no domains") << Segments{{0, {}}} << 0 << "schedule: needs at least one domain, got 0";
        QTest::newRow("no segments") << Segments{} << 2 << "schedule: has no segments";
        QTest::newRow("start not finite") << Segments{{0, {0.5, 0.5}}, {inf, {1, 0}}} << 2
                                          << "schedule: segment 2 starts at t = inf, which is not finite";
        QTest::newRow("breakpoints decrease") << Segments{{0, {0.5, 0.5}}, {0.3, {1, 0}}, {0.1, {0, 1}}} << 2
                                              << "schedule: segment 3 starts at t = 0.1, not after segment 2 (t = 0.3)";
        QTest::newRow("breakpoint repeated") << Segments{{0, {0.5, 0.5}}, {0, {1, 0}}} << 2
                                             << "schedule: segment 2 starts at t = 0, not after segment 1 (t = 0)";
        QTest::newRow("too many weights") << Segments{{0, {0.2, 0.3, 0.5}}} << 2
                                          << "schedule: segment 1 (t = 0) has 3 weights for 2 domains";
        QTest::newRow("too few weights") << Segments{{0, {0.5, 0.5}}, {1.5, {1}}} << 2
                                         << "schedule: segment 2 (t = 1.5) has 1 weights for 2 domains";
        QTest::newRow("negative weight") << Segments{{0, {0.5, 0.5}}, {0.25, {1.1, -0.1}}} << 2
                                         << "schedule: segment 2 (t = 0.25): weight of domain 2 is negative (-0.1)";
        QTest::newRow("NaN weight") << Segments{{0, {nan, 0.5, 0.5}}} << 3
                                    << "schedule: segment 1 (t = 0): weight of domain 1 is not finite (nan)";
        QTest::newRow("sum below 1") << Segments{{0, {0.5, 0.5}}, {2, {0.6, 0.3}}} << 2
                                     << "schedule: segment 2 (t = 2): weights sum to 0.9, not 1";
        QTest::newRow("sum misses 1 by 1e-11")
            << Segments{{0, {0.5, 0.5 + 1e-11}}} << 2 << "schedule: segment 1 (t = 0): weights sum to 1.00000000001, not 1";
    }

    void invalidSchedules()
    {
        QFETCH(Segments, segments);
        QFETCH(int, domains);
        QFETCH(QString, message);
        try {
            Schedule schedule(segments, domains);
            QFAIL("no ScheduleError");
        } catch (const ScheduleError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), message);
        }
    }

    void invalidPerturbations_data()
    {
        QTest::addColumn<int>("i");
        QTest::addColumn<int>("j");
        QTest::addColumn<double>("delta");
        QTest::addColumn<double>("t0");
        QTest::addColumn<double>("eps");
        QTest::addColumn<QString>("message");
        QTest::newRow("i out of range") << 3 << 0 << 0.1 << 1.0 << 0.1
                                        << "perturbed schedule: domain index 3 is out of range for 3 domains";
        QTest::newRow("same domain") << 1 << 1 << 0.1 << 1.0 << 0.1
                                     << "perturbed schedule: domains i and j must differ, both are 1";
        QTest::newRow("empty window") << 0 << 1 << 0.1 << 1.0 << 0.0
                                      << "perturbed schedule: window length must be positive and finite, got 0";
        QTest::newRow("before start") << 0 << 1 << 0.1 << -1.0 << 0.1
                                      << "perturbed schedule: t0 = -1 is before the base schedule starts (t = 0)";
        // Domain 3 has weight 0.5 until t = 1.05 and 0.1 after: lowering it by 0.2 from 1.05 on goes negative.
        QTest::newRow("weight goes negative") << 0 << 2 << 0.2 << 1.0 << 0.1
                                              << "schedule: segment 3 (t = 1.05): weight of domain 3 is negative (-0.1)";
    }

    void invalidPerturbations()
    {
        QFETCH(int, i);
        QFETCH(int, j);
        QFETCH(double, delta);
        QFETCH(double, t0);
        QFETCH(double, eps);
        QFETCH(QString, message);
        const Schedule base({{0, {0.2, 0.3, 0.5}}, {1.05, {0.3, 0.6, 0.1}}}, 3);
        try {
            cl::perturbedSchedule(base, i, j, delta, t0, eps);
            QFAIL("no ScheduleError");
        } catch (const ScheduleError& e) {
            QCOMPARE(QString::fromUtf8(e.what()), message);
        }
    }

    void interventionTooStrong()
    {
        // Eq. 10 with base (0.9, 0.1): Δw = 0.15 drives domain 2 below 0 in the first half.
        try {
            cl::interventionSchedule(0.9, 2.0, 0.5, 0.15, cl::InterventionOrder::OneThenTwo);
            QFAIL("no ScheduleError");
        } catch (const ScheduleError& e) {
            QCOMPARE(QString::fromUtf8(e.what()),
                     QString("schedule: segment 2 (t = 2): weight of domain 2 is negative (-0.05)"));
        }
    }

    void timeBeforeStart()
    {
        const Schedule s = Schedule::constant({1.0}, 2.0);
        QVERIFY_THROWS_EXCEPTION(ScheduleError, s.weightsAt(1.0));
    }

    void rightContinuous()
    {
        const Schedule s({{0, {0.5, 0.5}}, {1, {1, 0}}, {2, {0, 1}}}, 2);
        QCOMPARE(s.weightsAt(0.0), (std::vector<double>{0.5, 0.5}));
        QCOMPARE(s.weightsAt(0.999), (std::vector<double>{0.5, 0.5}));
        QCOMPARE(s.weightsAt(1.0), (std::vector<double>{1, 0}));  // the breakpoint belongs to the new segment
        QCOMPARE(s.weightsAt(2.0), (std::vector<double>{0, 1}));
        QCOMPARE(s.weightsAt(1e9), (std::vector<double>{0, 1}));
        QCOMPARE(s.breakpointsIn(0.0, 2.0), (std::vector<double>{1.0}));  // open interval: 2 is excluded
        QCOMPARE(s.breakpointsIn(0.5, 2.5), (std::vector<double>{1.0, 2.0}));
    }

    void equation9Weights()
    {
        // θ12 of paper eq. 9: (0.5+Δw, 0.5-Δw) on [t0, t0+Δt), then (0.5-Δw, 0.5+Δw), then (0.5, 0.5).
        const Schedule s12 = cl::interventionSchedule(0.5, 3.0, 0.5, 0.3, cl::InterventionOrder::OneThenTwo);
        const Schedule s21 = cl::interventionSchedule(0.5, 3.0, 0.5, 0.3, cl::InterventionOrder::TwoThenOne);
        const std::vector<std::pair<double, std::vector<double>>> expected12{
            {1.0, {0.5, 0.5}}, {3.0, {0.8, 0.2}}, {3.49, {0.8, 0.2}}, {3.5, {0.2, 0.8}}, {4.0, {0.5, 0.5}}};
        for (const auto& [t, w] : expected12) {
            for (int k = 0; k < 2; ++k) {
                CL_COMPARE_APPROX(s12.weightsAt(t)[k], w[k], 1e-15, 0.0);
                CL_COMPARE_APPROX(s21.weightsAt(t)[k], w[1 - k], 1e-15, 0.0);  // 21 swaps the roles
            }
        }
        // Same tokens per domain as the base: ∫ w = (0.5, 0.5) × 5 over [0, 5].
        for (const Schedule* s : {&s12, &s21})
            for (double amount : s->amounts(0.0, 5.0)) CL_COMPARE_APPROX(amount, 2.5, 1e-14, 0.0);
    }

    void perturbationKeepsBaseBreakpoints()
    {
        // The window [1.0, 1.2) contains the base breakpoint 1.05; each piece keeps its own base weights.
        const Schedule base({{0, {0.2, 0.3, 0.5}}, {1.05, {0.3, 0.6, 0.1}}}, 3);
        const Schedule p = cl::perturbedSchedule(base, 1, 0, 0.05, 1.0, 0.1);
        const std::vector<std::pair<double, std::vector<double>>> expected{{0.5, {0.2, 0.3, 0.5}},
                                                                           {1.0, {0.15, 0.35, 0.5}},
                                                                           {1.07, {0.25, 0.65, 0.1}},
                                                                           {1.1, {0.35, 0.55, 0.1}},
                                                                           {1.2, {0.3, 0.6, 0.1}}};
        for (const auto& [t, w] : expected)
            for (int k = 0; k < 3; ++k) CL_COMPARE_APPROX(p.weightsAt(t)[k], w[k], 1e-15, 0.0);
        const std::vector<double> before = base.amounts(0.0, 2.0), after = p.amounts(0.0, 2.0);
        for (int k = 0; k < 3; ++k) CL_COMPARE_APPROX(after[k], before[k], 1e-14, 0.0);
    }
};

QTEST_APPLESS_MAIN(TestSchedule)
#include "test_schedule.moc"
