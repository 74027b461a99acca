// The curriculum planners: Borda row sums without the matrix, the sequential cost matrix c and its
// second-order prediction of every curriculum against integrated flows, pairwise predictions
// against two-stage swaps, and best-of-K! recovery of the exact ordering on random quadratic models.

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
        const std::vector<LossPtr> domains = {
            ExpressionLoss::fromText("x^2 + 3*y^2"), ExpressionLoss::fromText("sin(x) + (y-1)^2"),
            ExpressionLoss::fromText("exp(0.3*x*y)"), ExpressionLoss::fromText("log(1 + x^2 + y^2)")};
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
            if (previousError > 0)
                QVERIFY2(worst < 0.65 * previousError && worst > 0.35 * previousError,
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

    void bordaOnTheCostMatrixIsTheTournamentPlanner()
    {
        // Two ways to the same Borda order: row sums without the matrix (planTournament, O(K)) and the
        // ordering solver's Borda on c, whose antisymmetric part is the tournament e.
        for (std::uint64_t seed : {3, 4, 5}) {
            const QuadraticModel model = sampleQuadraticModel({25, 7, 0.7, seed});
            const auto domains = model.losses();
            const WeightedSumLoss target(domains, std::vector<double>(7, 1.0 / 7));
            QCOMPARE(planCurriculum(domains, target, model.theta0, OrderingMethod::Borda).ordering.order,
                     planTournament(domains, target, model.theta0).order);
        }
    }

    void costMatrixAntisymmetricPartIsTheTournament()
    {
        // c(A,B) − c(B,A) = e(A,B) = P(L_A, L_B; L_T): c from the HVPs, e through criterionP
        // (the bracket H_B g_A − H_A g_B dotted with g_T), computed independently.
        const QuadraticModel model = sampleQuadraticModel({30, 5, 0.7, 21});
        const auto domains = model.losses();
        const WeightedSumLoss target(domains, std::vector<double>(5, 0.2));
        const Matrix c = sequentialCostMatrix(domains, target, model.theta0);
        const Matrix e = pairwiseOrderMatrix(domains, target, model.theta0);
        for (int a = 0; a < 5; ++a)
            for (int b = 0; b < 5; ++b) CL_COMPARE_APPROX(c(a, b) - c(b, a), e(a, b), 1e-13, 1e-10);
        // And c itself against the explicit matrices: c(A,B) = g_Tᵀ A_B g_A.
        const Vector gT = target.gradient(model.theta0);
        for (int a = 0; a < 5; ++a)
            for (int b = 0; b < 5; ++b)
                CL_COMPARE_APPROX(c(a, b), gT.dot(model.domains[b]->A() * domains[a]->gradient(model.theta0)), 1e-13,
                                  1e-10);
    }

    void secondOrderObjectivePredictsEveryCurriculum()
    {
        // The sign and the constant of the planner's objective: for every one of the 4! curricula,
        // L_T(σ) − L_T(σ') = τ² (J(σ) − J(σ')) + O(τ³) with J(σ) = Σ_{A before B} c(A,B), against the
        // integrated closed-form flows. The worst relative error of the differences falls like τ.
        const QuadraticModel model = sampleQuadraticModel({30, 4, 0.7, 13});
        const auto domains = model.losses();
        const WeightedSumLoss target(domains, std::vector<double>(4, 0.25));
        const CurriculumPlan plan = planCurriculum(domains, target, model.theta0, OrderingMethod::Exact);
        double previousError = 0;
        for (double tau : {0.02, 0.01, 0.005}) {
            const auto ranking = rankAllCurricula(model.exactFlow(), target, model.theta0, tau);
            const RankedCurriculum& best = ranking.front();
            double worst = 0, scale = 0;
            for (const auto& r : ranking) scale = std::max(scale, std::abs(r.targetLoss - best.targetLoss));
            for (const auto& r : ranking) {
                const double observed = r.targetLoss - best.targetLoss;
                const double predicted = plan.predictedExcess(r.order, tau) - plan.predictedExcess(best.order, tau);
                worst = std::max(worst, std::abs(observed - predicted) / scale);
            }
            QCOMPARE(ranking.front().order, plan.ordering.order);
            QCOMPARE(ranking.back().order, plan.ordering.worstOrder);
            CL_COMPARE_APPROX(ranking.back().targetLoss - ranking.front().targetLoss, plan.ordering.predictedGain(tau),
                              0, 0.1);
            if (previousError > 0)
                QVERIFY2(worst < 0.65 * previousError && worst > 0.35 * previousError,
                         qPrintable(QString("error %1 after %2").arg(worst).arg(previousError)));
            previousError = worst;
        }
        QVERIFY(previousError < 0.05);
    }

    void exactOrderingRecoversTheBestCurriculum()
    {
        // The protocol (plan defaults: n = 100, q = 0.7; mean target; θ0 of each model).
        // Measured (seed 2024, 200 models): see the qInfo lines and docs/schedule-lab.md. The floors
        // are the issue's; Borda's figures are printed beside them and must not beat the exact order.
        struct Case {
            int domains;
            double tau, floor;
        };
        for (const Case c : {Case{3, 0.1, 0.95}, Case{3, 0.001, 0.99}, Case{4, 0.1, 0.85}}) {
            PlannerEvaluationSpec spec;
            spec.domains = c.domains;
            spec.trials = 200;
            spec.seed = 2024;
            spec.stageTime = c.tau;
            const PlannerEvaluation result = evaluatePlanner(spec);
            for (const auto& m : result.methods)
                qInfo("K = %d, tau = %g, %-5s: best-of-K! %.3f, mean percentile %.3f, pairwise %.3f, %.2e s/plan",
                      c.domains, c.tau, orderingMethodName(m.method), m.bestRecoveryRate, m.meanPercentile,
                      m.pairwiseAccuracy, m.secondsPerPlan);
            const MethodEvaluation& exact = result.of(OrderingMethod::Exact);
            const MethodEvaluation& borda = result.of(OrderingMethod::Borda);
            const MethodEvaluation& local = result.of(OrderingMethod::LocalSearch);
            QVERIFY2(exact.bestRecoveryRate >= c.floor, qPrintable(QString::number(exact.bestRecoveryRate)));
            QVERIFY(exact.bestRecoveryRate >= borda.bestRecoveryRate);
            QVERIFY(exact.meanPercentile >= borda.meanPercentile);
            // Same bound for every method, and the exact J is the lowest: its gap is the smallest.
            QVERIFY(exact.meanBoundGap <= local.meanBoundGap && local.meanBoundGap <= borda.meanBoundGap);
            QVERIFY(exact.meanBoundGap >= 0);
            // Not guaranteed model by model (a move can leave a Borda order that the O(τ³) term made
            // the best), but measured 0.90–1.00 against Borda's 0.30–0.64 on these models.
            QVERIFY(local.bestRecoveryRate >= borda.bestRecoveryRate);
            // Borda stays above a random order (1/K!), so a lost sign in the scores is caught too.
            QVERIFY(borda.bestRecoveryRate >= (c.domains == 3 ? 0.5 : 0.25));
            // The predicted gain is τ²·ΔJ; the observed spread between best and worst order agrees.
            CL_COMPARE_APPROX(exact.meanPredictedGain, result.meanObservedSpread, 0, c.tau > 0.01 ? 0.3 : 0.01);
        }
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
