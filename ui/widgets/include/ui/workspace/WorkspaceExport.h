#pragma once
// File ▸ Export: a landscape figure (the current view, or Figure 1 = L1 | L2 | bracket) drawn by
// populateLandscapeFigure and written by writeFigure (PNG/SVG/PDF by suffix), and the sampled
// fields as VTK image data (.vti) or CSV. A small dialog asks for a PNG's size and DPI.

#include "ui/FigureExport.h"
#include "ui/LandscapeFigure.h"

#include <QDialog>

class QSpinBox;

namespace cl::ui {

/// Throws std::invalid_argument (bad suffix, size) or std::runtime_error (cannot write).
void exportLandscapeFigure(const LandscapeFigureSpec& spec, const QString& path, const FigureOptions& options);

/// .vti through writeFieldsVti, .csv through core's writeFieldsCsv; throws std::invalid_argument
/// for another suffix and std::runtime_error naming the path when it cannot be written.
void exportFields(const FieldGrid& grid, const QString& path);

class PngSizeDialog : public QDialog {
    Q_OBJECT

public:
    explicit PngSizeDialog(const FigureOptions& initial, QWidget* parent = nullptr);
    FigureOptions options() const;

private:
    FigureOptions initial_;
    QSpinBox* width_;
    QSpinBox* height_;
    QSpinBox* dpi_;
};

}  // namespace cl::ui
