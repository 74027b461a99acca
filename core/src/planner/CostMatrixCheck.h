#pragma once
// Shared input checks of the linear-ordering solvers (private to core/src/planner).

#include "core/Loss.h"

#include <vector>

namespace cl::detail {

/// Throws std::invalid_argument for a non-square or empty W or a non-finite entry (named by its
/// 1-based row and column): a NaN would make every comparison false and the search meaningless.
void checkCostMatrix(const Matrix& w, const char* who);

/// Throws std::invalid_argument unless `order` is a permutation of 0..k-1.
void checkPermutation(const std::vector<int>& order, int k, const char* who);

}  // namespace cl::detail
