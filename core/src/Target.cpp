#include "core/Target.h"

#include "core/WeightedSumLoss.h"

#include <stdexcept>

namespace cl {

Target Target::mean(int domainCount)
{
    if (domainCount < 1) throw std::invalid_argument("target: needs at least one domain");
    return Target{std::vector<double>(domainCount, 1.0 / domainCount), nullptr, "mean"};
}

Target Target::domain(int index, int domainCount)
{
    if (index < 0 || index >= domainCount)
        throw std::invalid_argument("target: domain " + std::to_string(index + 1) + " does not exist (there are " +
                                    std::to_string(domainCount) + ")");
    std::vector<double> w(domainCount, 0.0);
    w[index] = 1.0;
    return Target{w, nullptr, "l" + std::to_string(index + 1)};
}

Target Target::weighted(std::vector<double> weights, std::string label)
{
    if (weights.empty()) throw std::invalid_argument("target: weights are empty");
    return Target{std::move(weights), nullptr, std::move(label)};
}

Target Target::loss(LossPtr loss, std::string label)
{
    if (!loss) throw std::invalid_argument("target: loss is missing");
    return Target{{}, std::move(loss), std::move(label)};
}

LossPtr Target::asLoss(const std::vector<LossPtr>& domains) const
{
    if (custom) return custom;
    if (mix.size() != domains.size())
        throw std::invalid_argument("target: " + std::to_string(mix.size()) + " weights for " +
                                    std::to_string(domains.size()) + " domains");
    return std::make_shared<WeightedSumLoss>(domains, mix);
}

}  // namespace cl
