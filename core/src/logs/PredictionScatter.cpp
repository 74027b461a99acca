#include "core/logs/PredictionScatter.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cl::logs {

PredictionScatterAxes predictionScatterAxes(const std::vector<double>& predicted, const std::vector<double>& observed,
                                            const std::vector<double>& stdError, double margin)
{
    if (predicted.size() != observed.size() || (!stdError.empty() && stdError.size() != predicted.size()))
        throw std::invalid_argument("predictionScatterAxes: predicted, observed and stdError differ in length");
    double xMax = 0, yMax = 0, sxy = 0, sxx = 0;
    for (std::size_t i = 0; i < predicted.size(); ++i) {
        const double x = predicted[i], y = observed[i];
        if (!std::isfinite(x) || !std::isfinite(y)) continue;
        const double se = stdError.empty() ? -1 : stdError[i];
        xMax = std::max(xMax, std::abs(x) + (std::isfinite(se) && se > 0 ? se : 0.0));
        yMax = std::max(yMax, std::abs(y));
        sxy += x * y;
        sxx += x * x;
    }
    PredictionScatterAxes axes;
    // An axis with nothing off zero keeps the other's extent (or 1), so the plot is never degenerate.
    const double fallback = std::max({xMax, yMax}) > 0 ? std::max(xMax, yMax) : 1.0;
    axes.xExtent = (xMax > 0 ? xMax : fallback) * (1 + margin);
    axes.yExtent = (yMax > 0 ? yMax : fallback) * (1 + margin);
    if (sxx > 0) axes.slope = sxy / sxx;  // least squares through the origin
    return axes;
}

}  // namespace cl::logs
