#include "core/Correlation.h"

#include <cmath>
#include <stdexcept>

namespace cl {

double pearsonCorrelation(const std::vector<double>& x, const std::vector<double>& y)
{
    if (x.size() != y.size()) throw std::invalid_argument("pearsonCorrelation: x and y differ in length");
    if (x.size() < 2) return std::nan("");
    const double n = static_cast<double>(x.size());
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= n;
    my /= n;
    // Two passes (means first): the one-pass sums lose the digits of values far from zero.
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx == 0 || syy == 0) return std::nan("");
    return sxy / std::sqrt(sxx * syy);
}

}  // namespace cl
