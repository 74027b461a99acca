#include "core/logs/OrderAdvice.h"

#include <cmath>
#include <map>

namespace cl::logs {

const char* const kOrderAdviceCaveat =
    "This is the paper's local prediction (the sign of P at the checkpoint, first order in the window length), "
    "not a guarantee: Adam, gradient noise and long windows can change the outcome (paper §4.2).";

std::vector<CheckpointAdvice> adviseOrder(const RunLog& log)
{
    // Predicted change of L_k under ordering ab, per step: P(L_a, L_b; L_k), or −P(L_b, L_a; L_k).
    struct Candidate {
        DomainPair order;
        double change;
    };
    std::map<double, std::map<int, std::vector<Candidate>>> byStep;
    for (std::size_t r = 0; r < log.pValues.size(); ++r) {
        const double v = log.scaledP(r);
        if (!std::isfinite(v)) continue;
        auto& list = byStep[log.pValues.step[r]][log.pValues.target[r]];
        list.push_back({log.pValues.pair(r), v});
        list.push_back({log.pValues.pair(r).reversed(), -v});
    }
    std::vector<CheckpointAdvice> advice;
    for (const auto& [step, targets] : byStep) {
        CheckpointAdvice entry;
        entry.step = step;
        for (const auto& [k, candidates] : targets) {
            const Candidate* best = &candidates.front();
            for (const auto& c : candidates)
                if (c.change < best->change) best = &c;
            entry.targets.push_back({k, best->order, best->change});
        }
        // Win-win: one ordering with a negative predicted change for every domain.
        if (static_cast<int>(targets.size()) == log.domainCount()) {
            for (const auto& c : targets.begin()->second) {
                bool all = true;
                for (const auto& [k, candidates] : targets) {
                    bool lowers = false;
                    for (const auto& other : candidates)
                        if (other.order == c.order && other.change < 0) lowers = true;
                    all = all && lowers;
                }
                if (all && c.change < 0) {
                    entry.hasWinWin = true;
                    entry.winWin = c.order;
                    break;
                }
            }
        }
        advice.push_back(std::move(entry));
    }
    return advice;
}

std::vector<CheckpointAdvice> winWinCheckpoints(const RunLog& log)
{
    std::vector<CheckpointAdvice> out;
    for (auto& entry : adviseOrder(log))
        if (entry.hasWinWin) out.push_back(std::move(entry));
    return out;
}

}  // namespace cl::logs
