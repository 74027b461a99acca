#include "core/logs/PredictionAgreement.h"

#include "core/Correlation.h"

#include <cmath>
#include <cstring>
#include <map>
#include <tuple>

namespace cl::logs {

namespace {
int sign(double x)
{
    return (x > 0) - (x < 0);
}

double pearson(const std::vector<AgreementCell>& cells)
{
    std::vector<double> observed, predicted;
    for (const auto& c : cells) {
        observed.push_back(c.observed);
        predicted.push_back(c.predicted);
    }
    return pearsonCorrelation(observed, predicted);
}
}  // namespace

AgreementReport comparePredictions(const RunLog& log)
{
    AgreementReport report;
    // P-values by (step, a, b, k) with their standard errors on the same scale; a later row for
    // the same key wins (logs should not repeat).
    std::map<std::tuple<double, int, int, int>, std::pair<double, double>> p;
    const auto& pv = log.pValues;
    for (std::size_t r = 0; r < pv.size(); ++r) {
        const double v = log.scaledP(r);
        if (!std::isfinite(v)) continue;
        double se = missing();
        // The same scale scaledP applies to the value: 1, or lr² for raw P.
        if (r < pv.stdError.size() && isRecorded(pv.stdError[r]))
            se = log.pScaledByLr2 ? pv.stdError[r] : pv.stdError[r] * log.learningRate * log.learningRate;
        p[{pv.step[r], pv.first[r], pv.second[r], pv.target[r]}] = {v, se};
    }
    std::map<double, CheckpointAgreement> byStep;
    const auto& iv = log.interventions;
    for (std::size_t r = 0; r < iv.size(); ++r) {
        const DomainPair ab = iv.order(r);
        for (int k = 0; k < log.domainCount(); ++k) {
            const double observed = iv.excessLoss(k, r);
            if (isMissing(observed)) continue;  // this domain was not measured: not a cell
            double predicted = std::nan(""), se = missing();
            // By antisymmetry P(L_b, L_a; L_k) = -P(L_a, L_b; L_k), with the same standard error.
            if (auto it = p.find({iv.start[r], ab.first, ab.second, k}); it != p.end())
                std::tie(predicted, se) = it->second;
            else if (auto back = p.find({iv.start[r], ab.second, ab.first, k}); back != p.end())
                predicted = -back->second.first, se = back->second.second;
            if (!std::isfinite(observed) || !std::isfinite(predicted)) {
                ++report.cellsWithoutPrediction;
                continue;
            }
            AgreementCell cell{iv.start[r], r, k, ab, observed, predicted, sign(observed) == sign(predicted), se};
            report.cells.push_back(cell);
            auto& group = byStep[iv.start[r]];
            group.step = iv.start[r];
            ++group.cells;
            group.agreeing += cell.agrees;
            report.cellsAgreeing += cell.agrees;
        }
    }
    for (const auto& [step, group] : byStep) {
        report.checkpoints.push_back(group);
        report.checkpointsInFullAgreement += group.full();
    }
    report.correlation = pearson(report.cells);
    return report;
}

}  // namespace cl::logs
