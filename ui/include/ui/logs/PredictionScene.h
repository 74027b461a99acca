#pragma once
// The prediction figure: each logged excess loss EL_k^{ab} against its P-based prediction
// (paper Tables 2, 3 drawn as a scatter), agreeing signs in one colour, disagreeing in another,
// with the line y = x and the zero lines that split the sign quadrants.

#include <QString>

#include <vector>

class vtkContextScene;

namespace cl::ui::logs {

struct PredictionPoint {
    double predicted = 0, observed = 0;
    bool agrees = false;
};

void populatePredictionScene(vtkContextScene* scene, const std::vector<PredictionPoint>& points,
                             const QString& xTitle, const QString& title, int width, int height, double scale,
                             bool grid = true);

}  // namespace cl::ui::logs
