#pragma once
// The sampled fields as CSV: one row per grid point, for spreadsheets and pandas.

#include "core/FieldGrid.h"

#include <iosfwd>

namespace cl {

/// Header `x,y,l1,l2,g1x,g1y,g2x,g2y,rx,ry,p,region`, rows in grid order (x fastest), numbers
/// with 17 significant digits, undefined values as `nan`, region as green/purple/neutral/undefined.
void writeFieldsCsv(const FieldGrid& grid, std::ostream& out);

}  // namespace cl
