#pragma once
// The fields of a built-in landscape preset sampled at n×n points: what the figure tests draw.

#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"
#include "core/landscape/LandscapePreset.h"

#include <memory>
#include <string>

namespace figtest {

inline std::shared_ptr<const cl::FieldGrid> presetGrid(int n, const std::string& name = "figure1")
{
    const cl::LandscapePreset& preset = cl::findLandscapePreset(name);
    cl::FieldRequest request;
    request.l1 = cl::ExpressionLoss::fromText(preset.l1);
    request.l2 = cl::ExpressionLoss::fromText(preset.l2);
    request.grid = preset.grid;
    request.grid.n = n;
    auto grid = std::make_shared<cl::FieldGrid>();
    cl::sampleFields(request, *grid);
    return grid;
}

}  // namespace figtest
