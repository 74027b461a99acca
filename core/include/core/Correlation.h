#pragma once
// Pearson's correlation coefficient, the one used wherever CommuteLab compares predicted with
// observed values (the prediction agreement of a log, its scaled view).

#include <vector>

namespace cl {

/// Pearson's r of x with y (equal lengths); NaN below two pairs or when either side is constant.
double pearsonCorrelation(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace cl
