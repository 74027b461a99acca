#pragma once
// File ▸ Export: the sampled fields as VTK image data (.vti) or CSV. Figures are written by
// ui/LandscapeExport.h, their size asked by ui/FigureSizeDialog.h.

#include "ui/FigureExport.h"
#include "ui/LandscapeFigure.h"

namespace cl::ui {

/// .vti through writeFieldsVti, .csv through core's writeFieldsCsv; throws std::invalid_argument
/// for another suffix and std::runtime_error naming the path when it cannot be written.
void exportFields(const FieldGrid& grid, const QString& path);

}  // namespace cl::ui
