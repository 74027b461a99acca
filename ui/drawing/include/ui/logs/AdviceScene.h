#pragma once
// The advice figure: the signed criterion P(L_a, L_b; L_k) of the log's first logged pair for
// every target k along the run (the paper's Table 4 as curves), the zero line that decides the
// ordering, and the win-win checkpoints marked on the side of zero where every target lies.

#include "core/logs/OrderAdvice.h"

class vtkContextScene;

namespace cl::ui::logs {

void populateAdviceScene(vtkContextScene* scene, const cl::logs::RunLog& log,
                         const std::vector<cl::logs::CheckpointAdvice>& advice, int width, int height, double scale,
                         bool grid = true);

}  // namespace cl::ui::logs
