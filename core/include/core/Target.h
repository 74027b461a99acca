#pragma once
// What "better" means when P is evaluated: a domain, a weighted mix of domains, or any loss.

#include "core/Loss.h"

#include <string>

namespace cl {

struct Target {
    /// Weights over the domains when the target is a mix (one entry per domain); empty when custom.
    std::vector<double> mix;
    /// A loss of its own (for example a typed expression); null when the target is a mix.
    LossPtr custom;
    /// How the user named it ("mean", "l1", "l2", or the expression text), for reports.
    std::string label;

    static Target mean(int domainCount);
    static Target domain(int index, int domainCount);
    static Target weighted(std::vector<double> weights, std::string label = "weighted");
    static Target loss(LossPtr loss, std::string label);

    bool isMix() const { return custom == nullptr; }
    /// The target as a loss over the given domains (a WeightedSumLoss for a mix).
    LossPtr asLoss(const std::vector<LossPtr>& domains) const;
};

}  // namespace cl
