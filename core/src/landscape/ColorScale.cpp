#include "core/landscape/ColorScale.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace cl {

namespace {

/// Cells within `radius` cells (Chebyshev distance) of a non-finite value: a box dilation, done
/// as a pass along rows and one along columns, each a sliding count (linear in the cells,
/// whatever the radius). Empty when every value is finite.
std::vector<char> nearUndefined(int n, const std::vector<double>& values, int radius)
{
    const std::size_t size = std::size_t(n) * n;
    if (std::all_of(values.begin(), values.begin() + static_cast<long>(size), [](double v) { return std::isfinite(v); }))
        return {};
    std::vector<char> bad(size), rows(size);
    for (std::size_t k = 0; k < size; ++k) bad[k] = !std::isfinite(values[k]);
    // Along x within each row: a sliding count of bad cells in [i − radius, i + radius].
    for (int j = 0; j < n; ++j) {
        const char* in = bad.data() + std::size_t(j) * n;
        char* out = rows.data() + std::size_t(j) * n;
        int count = 0;
        for (int i = 0; i < std::min(n, radius); ++i) count += in[i];
        for (int i = 0; i < n; ++i) {
            if (i + radius < n) count += in[i + radius];
            if (i - radius - 1 >= 0) count -= in[i - radius - 1];
            out[i] = count > 0;
        }
    }
    // Along y: per-column counts over rows [j − radius, j + radius], updated a row at a time
    // (row-major access, no stride-n walks down columns).
    std::vector<int> counts(std::size_t(n), 0);
    auto addRow = [&](int j, int sign) {
        const char* in = rows.data() + std::size_t(j) * n;
        for (int i = 0; i < n; ++i) counts[std::size_t(i)] += sign * in[i];
    };
    for (int j = 0; j < std::min(n, radius); ++j) addRow(j, 1);
    for (int j = 0; j < n; ++j) {
        if (j + radius < n) addRow(j + radius, 1);
        if (j - radius - 1 >= 0) addRow(j - radius - 1, -1);
        char* out = bad.data() + std::size_t(j) * n;
        for (int i = 0; i < n; ++i) out[i] = counts[std::size_t(i)] > 0;
    }
    return bad;
}

double median(std::vector<double> v)
{
    const auto mid = v.begin() + static_cast<long>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

std::string shortNumber(double v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", v);
    return text;
}

}  // namespace

double robustAbsLimit(const GridSpec& spec, const std::vector<double>& values, int erosion)
{
    const bool isGrid = spec.n > 0 && values.size() == spec.size();
    // Keep at most ~65,536 values, evenly strided: a limit only needs to be representative.
    const std::size_t stride = std::max<std::size_t>(1, values.size() / 65536);
    const std::vector<char> excluded =
        isGrid && erosion > 0 ? nearUndefined(spec.n, values, erosion) : std::vector<char>{};
    std::vector<double> magnitudes;
    magnitudes.reserve(values.size() / stride + 1);
    for (std::size_t k = 0; k < values.size(); k += stride)
        if (std::isfinite(values[k]) && (excluded.empty() || !excluded[k])) magnitudes.push_back(std::abs(values[k]));
    if (magnitudes.empty()) return 0;

    // Outliers: far above the bulk on a log scale (median absolute deviation, scaled to a
    // standard deviation by 1.4826). A pole gives a tail of values many decades above the rest.
    std::vector<double> logs;
    logs.reserve(magnitudes.size());
    for (double m : magnitudes)
        if (m > 0) logs.push_back(std::log(m));
    if (logs.size() >= 8) {
        const double centre = median(logs);
        std::vector<double> deviations(logs.size());
        for (std::size_t k = 0; k < logs.size(); ++k) deviations[k] = std::abs(logs[k] - centre);
        const double spread = 1.4826 * median(deviations);
        const double bound = std::exp(centre + std::max(3.0 * spread, std::log(30.0)));
        magnitudes.erase(std::remove_if(magnitudes.begin(), magnitudes.end(), [bound](double m) { return m > bound; }),
                         magnitudes.end());
    }
    const auto k = static_cast<std::size_t>(0.99 * double(magnitudes.size() - 1));
    std::nth_element(magnitudes.begin(), magnitudes.begin() + static_cast<long>(k), magnitudes.end());
    return magnitudes[k];
}

ColorScale colorScaleFor(const GridSpec& spec, const std::vector<double>& values, const ColorScaleSpec& wanted)
{
    double largest = 0;
    for (double v : values)
        if (std::isfinite(v)) largest = std::max(largest, std::abs(v));
    ColorScale s;
    s.symLog = wanted.symLog;
    if (wanted.limits == ColorScaleSpec::Limits::Manual && wanted.manualLimit > 0 &&
        std::isfinite(wanted.manualLimit)) {
        s.limit = wanted.manualLimit;
        s.description = "manual limit";
    } else {
        const int erosion = std::max(3, spec.n / 64);
        s.limit = robustAbsLimit(spec, values, erosion);
        s.description = "robust 99th pct of |P|";
        if (!(s.limit > 0)) s.limit = largest > 0 ? largest : 1;
    }
    if (s.symLog) {
        // The near-linear part is a tenth of the limit; automatic symlog shows the whole range
        // (up to a million times c, beyond which a pole would squash everything else).
        s.linearWidth = s.limit / 10;
        if (wanted.limits == ColorScaleSpec::Limits::Robust)
            s.limit = std::clamp(largest, s.limit, 1e6 * s.linearWidth);
        s.description += ", symlog (linear within \u00b1" + shortNumber(s.linearWidth) + ")";
    }
    s.clipped = largest > s.limit * (1 + 1e-9);
    return s;
}

double ColorScale::position(double v) const
{
    if (!std::isfinite(v)) return std::numeric_limits<double>::quiet_NaN();
    double p = v / limit;
    if (symLog && linearWidth > 0)
        p = std::copysign(std::log1p(std::abs(v) / linearWidth) / std::log1p(limit / linearWidth), v);
    return std::clamp(p, -1.0, 1.0);
}

double ColorScale::valueAt(double p) const
{
    if (symLog && linearWidth > 0)
        return std::copysign(linearWidth * std::expm1(std::abs(p) * std::log1p(limit / linearWidth)), p);
    return p * limit;
}

std::vector<double> ColorScale::symLogTicks() const
{
    std::vector<double> out;
    if (!symLog || !(linearWidth > 0)) return out;
    std::vector<double> positive;
    for (double t = linearWidth; t <= limit * (1 + 1e-9) && positive.size() < 12; t *= 10) positive.push_back(t);
    for (auto it = positive.rbegin(); it != positive.rend(); ++it) out.push_back(-*it);
    out.push_back(0);
    out.insert(out.end(), positive.begin(), positive.end());
    return out;
}

}  // namespace cl
