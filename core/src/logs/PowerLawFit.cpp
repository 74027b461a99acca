#include "core/logs/PowerLawFit.h"

#include <cmath>
#include <limits>

namespace cl::logs {

double PowerLawFit::at(double x) const
{
    return std::pow(10.0, intercept + slope * std::log10(x));
}

PowerLawFit fitPowerLaw(const std::vector<double>& xs, const std::vector<double>& ys)
{
    PowerLawFit fit;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    fit.slope = fit.intercept = fit.rSquared = nan;
    const std::size_t n = std::min(xs.size(), ys.size());
    // Two passes (means, then centred sums) keep the sums well conditioned when the logs are
    // large and close together, as RMS values of one model are.
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!(xs[i] > 0 && ys[i] > 0 && std::isfinite(xs[i]) && std::isfinite(ys[i]))) continue;
        mx += std::log10(xs[i]);
        my += std::log10(ys[i]);
        ++fit.points;
    }
    if (fit.points < 2) return fit;
    mx /= static_cast<double>(fit.points);
    my /= static_cast<double>(fit.points);
    double sxx = 0, sxy = 0, syy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!(xs[i] > 0 && ys[i] > 0 && std::isfinite(xs[i]) && std::isfinite(ys[i]))) continue;
        const double dx = std::log10(xs[i]) - mx, dy = std::log10(ys[i]) - my;
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    if (!(sxx > 0)) return fit;
    fit.slope = sxy / sxx;
    fit.intercept = my - fit.slope * mx;
    if (syy > 0) fit.rSquared = sxy * sxy / (sxx * syy);
    return fit;
}

}  // namespace cl::logs
