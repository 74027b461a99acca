// Paper Figure 4 data: trajectories of the constant schedule (½, ½) from random starts in the
// (L1, L2) plane. Checked against facts that hold for any gradient flow and this model: the mixed
// loss ½(L1 + L2) never increases, every trajectory ends at the same (L1, L2) point (the flow's
// limit does not depend on the start in the directions the time scale reaches), and, as §4.1 says,
// a single domain loss can rise on the way.

#include "Approx.h"
#include "core/experiments/Figure4.h"

#include <QtTest>

class TestFlowFigure4 : public QObject {
    Q_OBJECT

private slots:
    void trajectories()
    {
        cl::Figure4Spec spec;
        // n = 20: by Weyl's inequality ½(A1 + A2) has eigenvalues >= 0.7^19 ≈ 1.1e-3, so at
        // t = 1e5 every direction has decayed by e^{-110} and all starts reach the same minimiser.
        spec.dimension = 20;
        spec.starts = 8;
        spec.tEnd = 1e5;
        const cl::Figure4Data d = cl::figure4Trajectories(spec);
        QCOMPARE(d.trajectories.size(), std::size_t(8));
        QCOMPARE(d.times.size(), std::size_t(spec.samples));
        QCOMPARE(d.times.front(), 0.0);
        QCOMPARE(d.times.back(), spec.tEnd);

        int nonMonotone = 0;
        double endL1 = d.trajectories[0].domainLosses[0].back(), endL2 = d.trajectories[0].domainLosses[1].back();
        for (std::size_t s = 0; s < d.trajectories.size(); ++s) {
            const std::vector<double>& l1 = d.trajectories[s].domainLosses[0];
            const std::vector<double>& l2 = d.trajectories[s].domainLosses[1];
            for (std::size_t i = 1; i < l1.size(); ++i)
                QVERIFY2(l1[i] + l2[i] <= l1[i - 1] + l2[i - 1] + 1e-12,
                         qPrintable(QString("start %1: mixed loss rose at t = %2").arg(s).arg(d.times[i])));
            CL_COMPARE_APPROX(l1.back(), endL1, 1e-9, 1e-9);
            CL_COMPARE_APPROX(l2.back(), endL2, 1e-9, 1e-9);
            QVERIFY(std::abs(l1.front() - d.trajectories[0].domainLosses[0].front()) > 1e-3 || s == 0);
            nonMonotone += d.l1NonMonotone[s] || d.l2NonMonotone[s];
        }
        qInfo("%d of 8 trajectories have a non-monotone L1 or L2; end point (%.4f, %.4f)", nonMonotone, endL1, endL2);
        QVERIFY(nonMonotone > 0);
    }
};

QTEST_APPLESS_MAIN(TestFlowFigure4)
#include "test_flow_figure4.moc"
