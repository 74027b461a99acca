#include "FieldStatistics.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <mutex>

namespace cl::ui {

double absoluteQuantile(const std::vector<double>& values, double q)
{
    std::vector<double> magnitudes;
    magnitudes.reserve(values.size());
    for (double v : values)
        if (std::isfinite(v)) magnitudes.push_back(std::abs(v));
    if (magnitudes.empty()) return 0;
    const auto k = static_cast<std::size_t>(std::clamp(q, 0.0, 1.0) * double(magnitudes.size() - 1));
    std::nth_element(magnitudes.begin(), magnitudes.begin() + static_cast<long>(k), magnitudes.end());
    return magnitudes[k];
}

LandscapeFieldData computeFieldData(std::shared_ptr<const FieldGrid> grid, const LandscapeOptions& options)
{
    LandscapeFieldData d;
    d.grid = std::move(grid);
    if (!d.grid) return d;
    const FieldGrid& g = *d.grid;
    const int count = std::clamp(options.contourCount, 0, 64);
    // The two losses' level curves are independent: trace L2's on a second thread.
    auto l2Curves = std::async(std::launch::async,
                               [&g, count] { return contourLevels(g.spec, g.l2, quantileLevels(g.l2, count)); });
    d.l1Curves = contourLevels(g.spec, g.l1, quantileLevels(g.l1, count));
    d.summary = summarize(g);
    double largest = 0;
    for (double v : g.p)
        if (std::isfinite(v)) largest = std::max(largest, std::abs(v));
    d.pLimit = absoluteQuantile(g.p, 0.99);
    if (!(d.pLimit > 0)) d.pLimit = largest;
    d.pClipped = largest > d.pLimit * (1 + 1e-9);
    d.l2Curves = l2Curves.get();
    return d;
}

std::shared_ptr<const LandscapeFieldData> sharedFieldData(const std::shared_ptr<const FieldGrid>& grid,
                                                          const LandscapeOptions& options)
{
    // The entries hold their grids, so a pointer can never be reused by another grid while it
    // is a key. Two entries: a new grid arriving while the old one is still shown elsewhere.
    struct Entry {
        std::shared_ptr<const FieldGrid> grid;
        int contourCount;
        std::shared_ptr<const LandscapeFieldData> data;
    };
    static std::mutex mutex;
    static std::vector<Entry> entries;
    {
        std::lock_guard<std::mutex> lock(mutex);
        for (const Entry& e : entries)
            if (e.grid == grid && e.contourCount == options.contourCount) return e.data;
    }
    auto data = std::make_shared<const LandscapeFieldData>(computeFieldData(grid, options));
    std::lock_guard<std::mutex> lock(mutex);
    entries.insert(entries.begin(), Entry{grid, options.contourCount, data});
    if (entries.size() > 2) entries.pop_back();
    return data;
}

}  // namespace cl::ui
