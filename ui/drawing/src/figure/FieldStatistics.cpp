#include "FieldStatistics.h"

#include "core/Contours.h"

#include <algorithm>
#include <cmath>
#include <future>
#include <mutex>

namespace cl::ui {

double absoluteQuantile(const std::vector<double>& values, double q)
{
    // A colour limit only needs to be representative, as the level curves' quantiles.
    std::vector<double> magnitudes = finiteSample(values);
    for (double& v : magnitudes) v = std::abs(v);
    if (magnitudes.empty()) return 0;
    const auto k = static_cast<std::size_t>(std::clamp(q, 0.0, 1.0) * double(magnitudes.size() - 1));
    std::nth_element(magnitudes.begin(), magnitudes.begin() + static_cast<long>(k), magnitudes.end());
    return magnitudes[k];
}

namespace {

std::vector<unsigned char> regionPixels(const FieldGrid& g, const RegionTints& tints)
{
    std::vector<unsigned char> pixels(3 * g.region.size());
    for (std::size_t k = 0; k < g.region.size(); ++k) {
        Rgb c = palette::regionUndefined;
        switch (g.region[k]) {
            case Region::Green:
                c = tints.green;
                break;
            case Region::Purple:
                c = tints.purple;
                break;
            case Region::Neutral:
                c = palette::regionNeutral;
                break;
            case Region::Undefined:
                break;
        }
        pixels[3 * k] = c.r;
        pixels[3 * k + 1] = c.g;
        pixels[3 * k + 2] = c.b;
    }
    return pixels;
}

std::vector<unsigned char> pPixels(const std::vector<double>& p, const ColorScale& scale, const ColorMap& map)
{
    // A table of the map at 2049 steps: within a quarter of a colour unit of ColorMap::at for
    // these maps, and no interpolation per point.
    constexpr int steps = 2048;
    std::vector<Rgb> table(steps + 1);
    for (int k = 0; k <= steps; ++k) table[k] = map.at(double(k) / steps);
    std::vector<unsigned char> pixels(3 * p.size());
    const double toIndex = 0.5 * steps / scale.limit;
    for (std::size_t k = 0; k < p.size(); ++k) {
        Rgb c = palette::regionUndefined;
        if (std::isfinite(p[k])) {
            const double index = scale.symLog ? 0.5 * steps * (1 + scale.position(p[k])) : steps / 2 + p[k] * toIndex;
            c = table[std::clamp(std::lround(index), 0L, long(steps))];
        }
        pixels[3 * k] = c.r;
        pixels[3 * k + 1] = c.g;
        pixels[3 * k + 2] = c.b;
    }
    return pixels;
}

/// White where `values` is finite, the undefined colour elsewhere; empty when all are finite.
std::vector<unsigned char> undefinedPixels(const std::vector<double>& values)
{
    if (std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); })) return {};
    std::vector<unsigned char> pixels(3 * values.size());
    for (std::size_t k = 0; k < values.size(); ++k) {
        const Rgb c = std::isfinite(values[k]) ? palette::background : palette::regionUndefined;
        pixels[3 * k] = c.r;
        pixels[3 * k + 1] = c.g;
        pixels[3 * k + 2] = c.b;
    }
    return pixels;
}

}  // namespace

LandscapeFieldData computeFieldData(std::shared_ptr<const FieldGrid> grid, const LandscapeOptions& options,
                                    const LandscapeFieldData* previous)
{
    LandscapeFieldData d;
    d.grid = std::move(grid);
    if (!d.grid) return d;
    const FieldGrid& g = *d.grid;
    const int count = std::clamp(options.contourCount, 0, 64);
    // While one loss is edited the other's values stay the same: its curves are taken over.
    const FieldGrid* before =
        previous && previous->grid && previous->grid->spec == g.spec ? previous->grid.get() : nullptr;
    auto curves = [&g, count](const std::vector<double>& values) {
        return contourLevels(g.spec, values, quantileLevels(values, count));
    };
    const bool sameL1 = before && before->l1 == g.l1, sameL2 = before && before->l2 == g.l2;
    // The two losses' level curves are independent: trace L2's on a second thread.
    std::future<std::vector<ContourLevel>> l2Curves;
    if (!sameL2) l2Curves = std::async(std::launch::async, [&] { return curves(g.l2); });
    d.l1Curves = sameL1 ? previous->l1Curves : curves(g.l1);
    d.summary = summarize(g);
    d.pScale = colorScaleFor(g.spec, g.p, options.pScale);
    d.pLimit = d.pScale.limit;
    d.pClipped = d.pScale.clipped;
    if (g.region.size() == g.spec.size()) d.regionPixels = regionPixels(g, regionTints(options.colorBlindRegions));
    if (g.p.size() == g.spec.size())
        d.pPixels = pPixels(g.p, d.pScale, ColorMap::named(withKnownColorMaps(options).divergingMap));
    if (g.l1.size() == g.spec.size()) d.l1Pixels = undefinedPixels(g.l1);
    if (g.l2.size() == g.spec.size()) d.l2Pixels = undefinedPixels(g.l2);
    d.l2Curves = sameL2 ? previous->l2Curves : l2Curves.get();
    return d;
}

std::shared_ptr<const LandscapeFieldData> sharedFieldData(const std::shared_ptr<const FieldGrid>& grid,
                                                          const LandscapeOptions& options)
{
    // The entries hold their grids, so a pointer can never be reused by another grid while it
    // is a key. Two entries: a new grid arriving while the old one is still shown elsewhere.
    struct Entry {
        std::shared_ptr<const FieldGrid> grid;
        LandscapeOptions options;  // the parts computeFieldData reads
        std::shared_ptr<const LandscapeFieldData> data;
    };
    auto sameUse = [](const LandscapeOptions& a, const LandscapeOptions& b) {
        return a.contourCount == b.contourCount && a.divergingMap == b.divergingMap &&
               a.colorBlindRegions == b.colorBlindRegions && a.pScale.limits == b.pScale.limits &&
               a.pScale.manualLimit == b.pScale.manualLimit && a.pScale.symLog == b.pScale.symLog;
    };
    static std::mutex mutex;
    static std::vector<Entry> entries;
    // The views draw with known colour maps; the worker may be handed the raw setting.
    const LandscapeOptions known = withKnownColorMaps(options);
    std::shared_ptr<const LandscapeFieldData> previous;  // the newest entry, for curves to take over
    {
        std::lock_guard<std::mutex> lock(mutex);
        for (const Entry& e : entries)
            if (e.grid == grid && sameUse(e.options, known)) return e.data;
        if (!entries.empty() && sameUse(entries.front().options, known)) previous = entries.front().data;
    }
    auto data = std::make_shared<const LandscapeFieldData>(computeFieldData(grid, known, previous.get()));
    std::lock_guard<std::mutex> lock(mutex);
    entries.insert(entries.begin(), Entry{grid, known, data});
    if (entries.size() > 2) entries.pop_back();
    return data;
}

}  // namespace cl::ui
