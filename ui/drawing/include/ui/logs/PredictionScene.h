#pragma once
// The prediction figure: each logged excess loss EL_k^{ab} against its P-based prediction
// (paper Tables 2, 3 drawn as a scatter), agreeing signs in one colour, disagreeing in another,
// with the zero lines that split the sign quadrants, y = x and the
// least-squares line through 0. Each axis has its own range symmetric about 0 (core's
// predictionScatterAxes), so predictions much smaller than the observations still spread out. Where the log records a
// standard error of P, a horizontal bar spans predicted ± se (issue 12: the probe's estimates).

#include <QString>

#include <vector>

class vtkContextScene;

namespace cl::ui::logs {

struct PredictionPoint {
    double predicted = 0, observed = 0;
    bool agrees = false;
    double stdError = -1;  // of `predicted`, on its scale; negative or NaN: none recorded
};

/// The error bars' end points, two per bar: (predicted − se, observed), (predicted + se, observed)
/// for every point with a standard error, in point order. The scene draws exactly these.
std::vector<double> errorBarEnds(const std::vector<PredictionPoint>& points, bool horizontal);

/// The legend label of the error-bar series (tests find the series by it).
inline constexpr char kErrorBarLabel[] = "± 1 standard error of P";

/// The legend label of the fitted line through the origin, stating its slope.
QString predictionFitLabel(double slope);

void populatePredictionScene(vtkContextScene* scene, const std::vector<PredictionPoint>& points, const QString& xTitle,
                             const QString& title, int width, int height, double scale, bool grid = true);

}  // namespace cl::ui::logs
