#pragma once
// Filling a ScalarRun point by point: a series is found by (name, axis) in constant time, and
// warnings are capped like RunLog's so a file full of NaN cannot grow without bound.

#include "../PageAdvice.h"
#include "core/logs/ScalarRuns.h"

#include <string>
#include <unordered_map>

namespace cl::logs {

class SeriesBuilder {
public:
    explicit SeriesBuilder(ScalarRun& run) : run_(run) {}

    /// Index of the series (created empty, in first-seen order, when new).
    std::size_t series(const std::string& name, const std::string& axis)
    {
        const auto [it, added] = index_.try_emplace(axis + '\n' + name, run_.series.size());
        if (added) run_.series.push_back({name, axis, {}, {}, {}});
        return it->second;
    }

    void reserve(std::size_t series, std::size_t points)
    {
        run_.series[series].steps.reserve(points);
        run_.series[series].values.reserve(points);
    }

    void add(std::size_t series, double step, double value)
    {
        ScalarSeries& s = run_.series[series];
        if (s.steps.size() % kPopulateAheadPoints == 0) {  // reserved columns fault in a stretch at a time
            populateAhead(s.steps);
            populateAhead(s.values);
        }
        s.steps.push_back(step);
        s.values.push_back(value);
    }

    void warn(LogLocation where, std::string message)
    {
        if (++warnings_ <= kMaxWarnings) run_.warnings.push_back({std::move(where), std::move(message)});
    }

    /// Call once at the end: says how many warnings were not kept.
    void finish()
    {
        if (warnings_ > kMaxWarnings)
            run_.warnings.push_back(
                {{run_.source, 0, 0, {}}, std::to_string(warnings_ - kMaxWarnings) + " more warnings not shown"});
    }

    static constexpr std::size_t kMaxWarnings = 200;

private:
    ScalarRun& run_;
    std::unordered_map<std::string, std::size_t> index_;
    std::size_t warnings_ = 0;
};

}  // namespace cl::logs
