#pragma once
// The Schedule lab's part of `commutelab render`: which lab figure to draw, from a lab file
// (`--lab FILE --view loss|plane|pmatrix|histogram|schedule`) through the same figure functions
// the lab window uses (ui/schedule/LabFigures.h), or the P matrix at θ0 of a model given on the
// command line (`--lab pmatrix --domains K --dim N --seed S`, the form from before lab files).

#include "cli/CommandRegistry.h"
#include "ui/schedule/LabFigures.h"

namespace cl::cli {

struct LabRender {
    std::string view;
    ui::schedule::LabFigure figure;
};

/// Reads the lab file (located errors), recomputes what the view needs and builds its figure.
/// Throws UsageError for a bad option, LabFileError or std::invalid_argument for bad input.
LabRender labRenderFigure(const ParsedArgs& args);

}  // namespace cl::cli
