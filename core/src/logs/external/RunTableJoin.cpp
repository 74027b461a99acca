// Per-run tables joined with their mixture weights (issue 11, format 5). RegMix keeps the
// losses of its proxy runs and the domain weights they were trained on in two files keyed by
// `index`; joined, each run is one point of the Pareto plane with its weights alongside.

#include "core/logs/ExternalLogReaders.h"

#include <cmath>
#include <map>

namespace cl::logs {

namespace {
std::map<double, std::size_t> keysOf(const ScalarRun& run)
{
    std::map<double, std::size_t> keys;
    for (const auto& s : run.series)
        for (double step : s.steps) keys.emplace(step, keys.size());
    return keys;
}

std::string weightDomain(std::string name)
{
    for (const char* prefix : {"train_", "weight_", "the_pile_"})
        if (name.rfind(prefix, 0) == 0 && name.size() > std::string(prefix).size())
            name.erase(0, std::string(prefix).size());
    return name;
}
}  // namespace

bool isMixtureTable(const ScalarRun& table)
{
    if (table.format != "run-table" || table.series.empty() || table.rowLabels.empty()) return false;
    std::map<double, double> rowSums;
    for (const auto& s : table.series)
        for (std::size_t i = 0; i < s.size(); ++i) {
            const double w = s.values[i];
            if (!(w >= 0 && w <= 1)) return false;
            rowSums[s.steps[i]] += w;
        }
    if (rowSums.size() != table.rowLabels.size()) return false;
    for (const auto& [key, sum] : rowSums)
        if (std::fabs(sum - 1) > 0.01) return false;
    return true;
}

bool sameRunKeys(const ScalarRun& a, const ScalarRun& b)
{
    const auto keysA = keysOf(a), keysB = keysOf(b);
    if (keysA.size() != keysB.size()) return false;
    for (auto i = keysA.begin(), j = keysB.begin(); i != keysA.end(); ++i, ++j)
        if (i->first != j->first) return false;
    return true;
}

void joinMixtureWeights(ScalarRun& table, const ScalarRun& weights)
{
    if (!sameRunKeys(table, weights))
        throw LogError({weights.source, 0, 0, table.series.empty() ? std::string() : table.series.front().axis},
                       "cannot join with " + table.source + ": the tables hold different keys (" +
                           std::to_string(keysOf(weights).size()) + " vs " + std::to_string(keysOf(table).size()) +
                           " runs)");
    const std::string axis = table.series.empty() ? std::string("index") : table.series.front().axis;
    for (const auto& s : weights.series) {
        ScalarSeries joined = s;
        joined.name = "weight/" + weightDomain(s.name);
        joined.axis = axis;
        if (table.seriesIndex(joined.name, axis) >= 0) continue;
        table.series.push_back(std::move(joined));
    }
    table.metadata.emplace_back("weights", weights.source);
}

}  // namespace cl::logs
