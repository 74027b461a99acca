#pragma once
// The axes of the prediction scatter (paper Tables 2, 3 drawn as observed excess loss EL_k^{ab}
// against its P-based prediction). Predictions are often orders of magnitude smaller than the
// observations (an lr²-scaled P under AdamW: the bilingual runs), and on equal axes every point
// then sits on the vertical axis. So each axis gets its own range, symmetric about 0 (the four
// sign quadrants keep equal sizes, which is what the figure is read by), and the scale between
// the two is stated by the least-squares slope through the origin (docs/log-views.md).

#include <optional>
#include <vector>

namespace cl::logs {

struct PredictionScatterAxes {
    /// The x axis spans [−xExtent, xExtent], the y axis [−yExtent, yExtent]; both > 0.
    double xExtent = 1, yExtent = 1;
    /// b of observed ≈ b · predicted, minimising Σ (observed − b·predicted)²: b = Σxy / Σx².
    /// None when every prediction is zero (or there are no points).
    std::optional<double> slope;
};

/// The axes for points (predicted[i], observed[i]); stdError[i] ≥ 0 widens the x range by the
/// point's error bar (negative or NaN: none). Non-finite points are left out. `margin` is the
/// share of room left beyond the farthest point on each axis.
PredictionScatterAxes predictionScatterAxes(const std::vector<double>& predicted, const std::vector<double>& observed,
                                            const std::vector<double>& stdError, double margin = 0.12);

}  // namespace cl::logs
