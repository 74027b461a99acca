#pragma once
// What every panel of a figure derives from the grid, computed once per figure.

#include "../LandscapeModel.h"

namespace cl::ui {

/// Level curves at options.contourCount quantiles, region shares, the P map's colour scale
/// (core's colorScaleFor with options.pScale: by default the 99th percentile of |P| away from
/// poles and undefined cells, which would otherwise wash the map out), and the pixels of the region
/// shading and the P map in the options' colours. A loss whose values equal those of
/// `previous` (same grid spec and options) takes over its level curves instead of tracing them.
LandscapeFieldData computeFieldData(std::shared_ptr<const FieldGrid> grid, const LandscapeOptions& options,
                                    const LandscapeFieldData* previous = nullptr);

/// computeFieldData through a small cache keyed by the grid object and the options it uses: the
/// linked views each build a scene for the same new grid, and should derive it once, not four
/// times. Thread-safe.
std::shared_ptr<const LandscapeFieldData> sharedFieldData(const std::shared_ptr<const FieldGrid>& grid,
                                                          const LandscapeOptions& options);

/// The q-quantile (0..1) of |v| over cl::finiteSample(values); 0 when there are none.
double absoluteQuantile(const std::vector<double>& values, double q);

}  // namespace cl::ui
