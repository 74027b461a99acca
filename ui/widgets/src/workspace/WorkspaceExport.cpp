#include "ui/workspace/WorkspaceExport.h"

#include "ui/FieldImageExport.h"

#include "ui/LandscapeExport.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QSpinBox>

#include <stdexcept>

namespace cl::ui {

void exportFields(const FieldGrid& grid, const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "vti") {
        writeFieldsVti(grid, path);
        return;
    }
    if (suffix != "csv")
        throw std::invalid_argument(("cannot export fields as '." + suffix + "': use .vti or .csv").toStdString());
    writeFieldsCsvFile(grid, path);
}

PngSizeDialog::PngSizeDialog(const FigureOptions& initial, QWidget* parent)
    : QDialog(parent), initial_(initial), width_(new QSpinBox), height_(new QSpinBox), dpi_(new QSpinBox)
{
    setObjectName("pngSizeDialog");
    setWindowTitle("PNG size");
    width_->setObjectName("pngWidth");
    height_->setObjectName("pngHeight");
    dpi_->setObjectName("pngDpi");
    for (QSpinBox* box : {width_, height_}) {
        box->setRange(64, 8192);
        box->setSuffix(" px");
    }
    dpi_->setRange(48, 1200);
    width_->setValue(initial.width);
    height_->setValue(initial.height);
    dpi_->setValue(initial.dpi);
    auto* form = new QFormLayout(this);
    form->addRow("Width", width_);
    form->addRow("Height", height_);
    form->addRow("DPI", dpi_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

FigureOptions PngSizeDialog::options() const
{
    FigureOptions o = initial_;
    o.width = width_->value();
    o.height = height_->value();
    o.dpi = dpi_->value();
    return o;
}

}  // namespace cl::ui
