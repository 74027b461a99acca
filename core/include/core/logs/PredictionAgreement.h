#pragma once
// Prediction against observation for logged interventions (paper Tables 2, 3; science page
// "LLM logs"). An intervention with order ab (more of a first, more of b at the end of the
// window) changes L_k by about P(L_a, L_b; L_k) (lr²-scaled, paper eq. 7 with the science
// page's constant): so P_{2,1;k} = P(L2, L1; L_k) predicts EL_k^{21}, and −P_{2,1;k} predicts
// EL_k^{12}. Only signs are compared cell by cell; the correlation also weighs sizes.

#include "core/logs/RunLog.h"

#include <cstddef>
#include <vector>

namespace cl::logs {

struct AgreementCell {
    double step = 0;           // the intervention's start t0 (where P was evaluated)
    std::size_t intervention;  // row in RunLog::interventions
    int domain = 0;            // the k of EL_k
    DomainPair order;          // the ab of EL_k^{ab}
    double observed = 0;       // EL_k^{ab}
    double predicted = 0;      // P(L_a, L_b; L_k), lr²-scaled
    bool agrees = false;       // same sign (two zeros agree; zero against non-zero does not)
    /// Standard error of `predicted` on the same scale (the log's stdError, lr²-scaled like P);
    /// missing() when the log records none for that P-value.
    double predictedStdError = missing();
};

struct CheckpointAgreement {
    double step = 0;
    int cells = 0;
    int agreeing = 0;
    bool full() const { return cells > 0 && agreeing == cells; }
};

struct AgreementReport {
    std::vector<AgreementCell> cells;              // every comparable cell, in intervention order
    std::vector<CheckpointAgreement> checkpoints;  // grouped by t0, in increasing step
    int cellsAgreeing = 0;
    int checkpointsInFullAgreement = 0;
    /// Pearson correlation of observed with predicted over the cells; NaN below 2 cells or
    /// when either side is constant.
    double correlation = 0;
    /// Cells that could not be compared: no P-value at t0 for that pair and domain, or a
    /// missing / non-finite excess loss.
    int cellsWithoutPrediction = 0;
};

/// Matches each intervention's excess losses with the P-values logged at its start step
/// (P(L_a, L_b; L_k) directly, or −P(L_b, L_a; L_k)).
AgreementReport comparePredictions(const RunLog& log);

}  // namespace cl::logs
