#pragma once
// File ▸ Export: the sampled fields as VTK image data (.vti) or CSV, and the small dialog that
// asks for a PNG's size and DPI (figures are written by ui/LandscapeExport.h).

#include "ui/FigureExport.h"
#include "ui/LandscapeFigure.h"

#include <QDialog>

class QSpinBox;

namespace cl::ui {

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
