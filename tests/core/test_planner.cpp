// The Lie-Bracket Tournament planner: row sums without the matrix, pairwise predictions against
// integrated two-stage swaps, and best-of-3! recovery on random quadratic models.

#include "Approx.h"
#include "core/WeightedSumLoss.h"
#include "core/experiments/RandomQuadraticModel.h"
#include "core/expr/ExpressionLoss.h"
#include "core/flow/OdeintFlow.h"
#include "core/planner/CurriculumRanking.h"
#include "core/planner/PlannerEvaluation.h"
#include "core/planner/TournamentPlanner.h"

#include <QtTest>

using namespace cl;

class TestPlanner : public QObject {
    Q_OBJECT

private slots:
    void rowSumsEqualTheExplicitMatrix()
    {
        const QuadraticModel model = sampleQuadraticModel({20, 6, 0.7, 5});
        const auto domains = model.losses();
        const WeightedSumLoss target(domains, std::vector<double>(6, 1.0 / 6));
        const TournamentPlan plan = planTournament(domains, target, model.theta0);
        const Matrix e = pairwiseOrderMatrix(domains, target, model.theta0);
        QVERIFY((e + e.transpose()).cwiseAbs().maxCoeff() < 1e-14);
        for (int a = 0; a < 6; ++a) CL_COMPARE_APPROX(plan.scores[a], e.row(a).sum(), 1e-12, 1e-10);
        for (std::size_t p = 1; p < plan.order.size(); ++p)
            QVERIFY(plan.scores[plan.order[p - 1]] <= plan.scores[plan.order[p]]);
    }

    void rowSumsForTypedLossesAndACustomTarget()
    {
        const std::vector<LossPtr> domains = {ExpressionLoss::fromText("x^2 + 3*y^2"),
                                              ExpressionLoss::fromText("sin(x) + (y-1)^2"),
                                              ExpressionLoss::fromText("exp(0.3*x*y)"),
                                              ExpressionLoss::fromText("log(1 + x^2 + y^2)")};
        const auto target = ExpressionLoss::fromText("(x-0.5)^2 + y^2");
        Vector theta(2);
        theta << 0.7, -0.3;
        const TournamentPlan plan = planTournament(domains, *target, theta);
        const Matrix e = pairwiseOrderMatrix(domains, *target, theta);
        for (int a = 0; a < 4; ++a) CL_COMPARE_APPROX(plan.scores[a], e.row(a).sum(), 1e-12, 1e-10);
    }

    void pairwisePredictionsMatchIntegratedSwaps()
    {
        // D(A,B) = L_T(A then B) − L_T(B then A) = τ² e(A,B) + O(τ³): the ratio tends to 1 at
        // first order (its error roughly halves when τ halves) and every sign agrees.
        const QuadraticModel model = sampleQuadraticModel({30, 4, 0.7, 9});
        const auto domains = model.losses();
        const WeightedSumLoss target(domains, std::vector<double>(4, 0.25));
        const Matrix e = pairwiseOrderMatrix(domains, target, model.theta0);
        const ExactQuadraticFlow flow = model.exactFlow();
        double previousError = 0;
        for (double tau : {0.02, 0.01, 0.005}) {
            const Matrix d = pairwiseSwapOutcomes(flow, target, model.theta0, tau);
            double worst = 0;
            for (int a = 0; a < 4; ++a)
                for (int b = a + 1; b < 4; ++b) {
                    QVERIFY2((d(a, b) < 0) == (e(a, b) < 0), "sign of a pairwise prediction");
                    worst = std::max(worst, std::abs(d(a, b) / (tau * tau * e(a, b)) - 1));
                }
            if (previousError > 0) QVERIFY2(worst < 0.65 * previousError && worst > 0.35 * previousError,
                                            qPrintable(QString("error %1 after %2").arg(worst).arg(previousError)));
            previousError = worst;
        }
        QVERIFY(previousError < 0.05);
    }

    void pairwisePredictionsHoldForTypedLossesWithOdeint()
    {
        const std::vector<LossPtr> domains = {ExpressionLoss::fromText("0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y"),
                                              ExpressionLoss::fromText("log(1 + (x+1)^2 + 3*(y+0.5)^2)"),
                                              ExpressionLoss::fromText("(x+y)^2/4 + cos(x)")};
        const WeightedSumLoss target(domains, {1.0 / 3, 1.0 / 3, 1.0 / 3});
        Vector theta(2);
        theta << 1.2, -0.8;
        const Matrix e = pairwiseOrderMatrix(domains, target, theta);
        OdeintOptions options;
        options.absTolerance = options.relTolerance = 1e-13;
        OdeintFlow flow(domains, options);
        const double tau = 0.005;
        const Matrix d = pairwiseSwapOutcomes(flow, target, theta, tau);
        for (int a = 0; a < 3; ++a)
            for (int b = a + 1; b < 3; ++b) CL_COMPARE_APPROX(d(a, b), tau * tau * e(a, b), 0, 0.05);
    }

    void recoversTheBestOfThreeFactorialOnRandomModels()
    {
        // Measured (seed 2024, 200 models, n = 50, τ = 0.1): best-of-3! rate 0.655, mean percentile
        // 0.901, pairwise accuracy 0.832; at τ = 0.001 the figures are the same (0.650, 0.903, 0.837),
        // so the misses are Borda's (row sums can misorder a near-cyclic tournament), not the
        // O(τ³) remainder. The paper reports 87.5% on LLMs. The floors sit about four binomial
        // standard deviations (0.034 and 0.02) under the measurement and far above a random
        // order (1/6 and 1/2), so they catch a planner that lost its sign or its scores.
        PlannerEvaluationSpec spec;
        spec.domains = 3;
        spec.dimension = 50;
        spec.trials = 200;
        spec.seed = 2024;
        spec.stageTime = 0.1;
        const PlannerEvaluation result = evaluatePlanner(spec);
        qInfo("best-of-3! recovery %.3f, mean percentile %.3f, pairwise accuracy %.3f over %d models",
              result.bestRecoveryRate, result.meanPercentile, result.pairwiseAccuracy, result.trials);
        QVERIFY(result.bestRecoveryRate >= 0.5);
        QVERIFY(result.pairwiseAccuracy >= 0.75);
    }

    void bruteForceRanksEveryOrderOnce()
    {
        const QuadraticModel model = sampleQuadraticModel({10, 4, 0.7, 3});
        const auto domains = model.losses();
        const WeightedSumLoss target(domains, std::vector<double>(4, 0.25));
        const auto ranking = rankAllCurricula(model.exactFlow(), target, model.theta0, 0.2);
        QCOMPARE(ranking.size(), std::size_t(24));
        for (std::size_t r = 1; r < ranking.size(); ++r) QVERIFY(ranking[r - 1].targetLoss <= ranking[r].targetLoss);
        QCOMPARE(percentileOf(ranking.front().order, ranking), 1.0);
        QCOMPARE(percentileOf(ranking.back().order, ranking), 0.0);
    }
};

QTEST_APPLESS_MAIN(TestPlanner)
#include "test_planner.moc"
