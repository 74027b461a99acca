// The field sampler against a direct per-point computation with lieBracket/criterionP/classifyRegion.

#include "Approx.h"
#include "RandomMatrices.h"
#include "core/FieldSampler.h"
#include "core/QuadraticLoss.h"
#include "core/expr/ExpressionLoss.h"

#include <QtTest>

using namespace cl;

class TestFieldSampler : public QObject {
    Q_OBJECT

private:
    static void compareWithDirect(const FieldRequest& request, const FieldGrid& grid)
    {
        const auto target = request.target.asLoss({request.l1, request.l2});
        for (int j = 0; j < grid.spec.n; ++j)
            for (int i = 0; i < grid.spec.n; ++i) {
                Vector theta(2);
                theta << grid.spec.x(i), grid.spec.y(j);
                const std::size_t k = grid.index(i, j);
                const Vector r = lieBracket(*request.l1, *request.l2, theta);
                const Vector g1 = request.l1->gradient(theta), g2 = request.l2->gradient(theta);
                CL_COMPARE_APPROX(grid.l1[k], request.l1->value(theta), 1e-12, 1e-12);
                CL_COMPARE_APPROX(grid.l2[k], request.l2->value(theta), 1e-12, 1e-12);
                CL_COMPARE_APPROX(grid.g1x[k], g1[0], 1e-12, 1e-12);
                CL_COMPARE_APPROX(grid.g2y[k], g2[1], 1e-12, 1e-12);
                CL_COMPARE_APPROX(grid.rx[k], r[0], 1e-11, 1e-11);
                CL_COMPARE_APPROX(grid.ry[k], r[1], 1e-11, 1e-11);
                CL_COMPARE_APPROX(grid.p[k], criterionP(*request.l1, *request.l2, *target, theta), 1e-10, 1e-11);
                QCOMPARE(grid.region[k], classifyRegion(r, {g1, g2}));
            }
    }

private slots:
    void gridIncludesBothEnds()
    {
        const GridSpec s{-2, 3, -1, 4, 6};
        QCOMPARE(s.x(0), -2.0);
        QCOMPARE(s.x(5), 3.0);
        QCOMPARE(s.y(5), 4.0);
        CL_COMPARE_APPROX(s.x(1), -1.0, 1e-15, 0);
    }

    void quadraticPairMatchesDirect()
    {
        cl::testing::TestRandom rng(3);
        FieldRequest request;
        request.l1 = std::make_shared<QuadraticLoss>(rng.spd(2), rng.vector(2));
        request.l2 = std::make_shared<QuadraticLoss>(rng.spd(2), rng.vector(2));
        request.grid = GridSpec{-2, 2, -1.5, 2.5, 17};
        FieldGrid grid;
        sampleFields(request, grid);
        compareWithDirect(request, grid);
    }

    void typedPairMatchesDirectForEveryTarget_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("mean") << "mean";
        QTest::newRow("l1") << "l1";
        QTest::newRow("l2") << "l2";
        QTest::newRow("weighted") << "weighted";
        QTest::newRow("expression") << "x^2 + sin(y)";
    }

    void typedPairMatchesDirectForEveryTarget()
    {
        QFETCH(QString, target);
        FieldRequest request;
        request.l1 = ExpressionLoss::fromText("0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y");
        request.l2 = ExpressionLoss::fromText("log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)");
        if (target == "mean") request.target = Target::mean(2);
        else if (target == "l1") request.target = Target::domain(0, 2);
        else if (target == "l2") request.target = Target::domain(1, 2);
        else if (target == "weighted") request.target = Target::weighted({0.25, 0.75});
        else request.target = Target::loss(ExpressionLoss::fromText(target.toStdString()), target.toStdString());
        request.grid = GridSpec{-3, 3, -3, 3, 21};
        FieldGrid grid;
        sampleFields(request, grid, nullptr, 3);
        compareWithDirect(request, grid);
        const FieldSummary s = summarize(grid);
        CL_COMPARE_APPROX(s.greenFraction + s.purpleFraction + s.neutralFraction + s.undefinedFraction, 1.0, 1e-15, 0);
    }

    void resultDoesNotDependOnThreadCount()
    {
        FieldRequest request;
        request.l1 = ExpressionLoss::fromText("sin(x*y) + x^2");
        request.l2 = ExpressionLoss::fromText("exp(-(x-1)^2 - y^2)");
        request.grid = GridSpec{-2, 2, -2, 2, 64};
        FieldGrid one, many;
        sampleFields(request, one, nullptr, 1);
        sampleFields(request, many, nullptr, 4);
        QVERIFY(one.p == many.p);
        QVERIFY(one.region == many.region);
    }

    void undefinedPointsAreCountedNotFatal()
    {
        // log(x) is undefined for x <= 0: on a 11-point axis over [-1, 1] that is 6 of 11 columns.
        FieldRequest request;
        request.l1 = ExpressionLoss::fromText("log(x) + y^2");
        request.l2 = ExpressionLoss::fromText("x^2 + x*y");
        request.grid = GridSpec{-1, 1, -1, 1, 11};
        FieldGrid grid;
        sampleFields(request, grid);
        const FieldSummary s = summarize(grid);
        CL_COMPARE_APPROX(s.undefinedFraction, 6.0 / 11.0, 1e-15, 0);
        QVERIFY(std::isfinite(s.pMin) && std::isfinite(s.pMax));
    }

    void cancellationStopsTheWork()
    {
        FieldRequest request;
        request.l1 = ExpressionLoss::fromText("x^2");
        request.l2 = ExpressionLoss::fromText("y^2 + x*y");
        request.grid.n = 512;
        CancelFlag flag;
        flag.cancel();
        FieldGrid grid;
        QVERIFY_THROWS_EXCEPTION(Cancelled, sampleFields(request, grid, &flag));
    }

    void badRequestsAreRefusedWithTheirReason()
    {
        FieldRequest request;
        request.l1 = ExpressionLoss::fromText("x^2");
        request.l2 = ExpressionLoss::fromText("y^2");
        request.grid = GridSpec{1, -1, -1, 1, 10};
        FieldGrid grid;
        try {
            sampleFields(request, grid);
            QFAIL("no error for an empty x range");
        } catch (const std::invalid_argument& e) {
            QCOMPARE(QString(e.what()), QString("grid: xmax must be greater than xmin"));
        }
        request.grid = GridSpec{-1, 1, -1, 1, 1};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampleFields(request, grid));
    }
};

QTEST_APPLESS_MAIN(TestFieldSampler)
#include "test_field_sampler.moc"
