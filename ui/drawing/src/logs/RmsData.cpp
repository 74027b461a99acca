#include "ui/logs/RmsData.h"

#include <algorithm>
#include <cmath>

namespace cl::ui::logs {

std::vector<double> rmsSteps(const cl::logs::RunLog& log)
{
    std::vector<double> steps = log.rms.step;
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    return steps;
}

RmsData buildRmsData(const cl::logs::RunLog& log, std::optional<double> step)
{
    RmsData d;
    d.step = step;
    const auto& t = log.rms;
    auto name = [&](int k) {
        return k >= 0 && k < log.domainCount() ? QString::fromStdString(log.domains[k]) : QString::number(k + 1);
    };
    std::vector<double> allX, allY;
    for (std::size_t r = 0; r < t.size(); ++r) {
        if (step && t.step[r] != *step) continue;
        const double x = t.gradRms[r], y = t.bracketRms[r];
        if (!(x > 0 && y > 0 && std::isfinite(x) && std::isfinite(y))) {
            ++d.leftOut;
            continue;
        }
        const cl::logs::DomainPair pair = t.pair(r);
        auto it = std::find_if(d.pairs.begin(), d.pairs.end(), [&](const RmsPairSeries& s) { return s.pair == pair; });
        if (it == d.pairs.end()) {
            RmsPairSeries s;
            s.pair = pair;
            s.label = QStringLiteral("R(L_%1, L_%2)").arg(name(pair.first), name(pair.second));
            d.pairs.push_back(s);
            it = d.pairs.end() - 1;
        }
        it->gradRms.push_back(x);
        it->bracketRms.push_back(y);
        it->tensors.push_back(QString::fromStdString(t.tensor[r]));
        allX.push_back(x);
        allY.push_back(y);
    }
    for (RmsPairSeries& s : d.pairs) s.fit = cl::logs::fitPowerLaw(s.gradRms, s.bracketRms);
    d.fit = cl::logs::fitPowerLaw(allX, allY);
    return d;
}

}  // namespace cl::ui::logs
