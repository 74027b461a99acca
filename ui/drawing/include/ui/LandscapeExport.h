#pragma once
// Writing a landscape figure: its default size and the one function that writes it with the
// numbers behind it. The workspace's File ▸ Export and `commutelab render` (presets and
// sessions) both end here, so the same spec gives the same files.

#include "ui/FigureExport.h"
#include "ui/LandscapeFigure.h"

#include <QString>

namespace cl::ui {

/// The size a landscape figure is written at unless the user gives one: several panels (Figure
/// 1) 1800 px wide and exactly as tall as the panels need (landscapeFigureHeight), one panel
/// 960×680, at `dpi`; the file's title is the spec's heading or "CommuteLab landscape".
FigureOptions landscapeFigureOptions(const LandscapeFigureSpec& spec, int dpi = 96);

/// Writes the figure (PNG/SVG/PDF by suffix) and, with `withData` and a grid, every sampled
/// field at every grid point as CSV at figureDataPath(path) (core's writeFieldsCsv). Throws
/// std::invalid_argument (bad suffix or size) or std::runtime_error naming the path.
void writeLandscapeFigure(const LandscapeFigureSpec& spec, const QString& path, const FigureOptions& options,
                          bool withData);

/// Every sampled field at every grid point as CSV (core's writeFieldsCsv), written through
/// QSaveFile (the old file stays intact unless the new one is complete). Throws
/// std::runtime_error naming the path.
void writeFieldsCsvFile(const FieldGrid& grid, const QString& path);

}  // namespace cl::ui
