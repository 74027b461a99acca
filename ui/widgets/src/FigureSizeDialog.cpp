#include "ui/FigureSizeDialog.h"

#include "ui/SaveFileName.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>

#include <QSignalBlocker>

#include <algorithm>
#include <cmath>

namespace cl::ui {

namespace {

constexpr double kCentimetresPerInch = 2.54;
const char* const kUnitKey = "figureExport/unit";
const char* const kDpiKey = "figureExport/dpi";

}  // namespace

FigureSizeDialog::FigureSizeDialog(const FigureOptions& initial, QWidget* parent)
    : QDialog(parent),
      initial_(initial),
      unit_(new QComboBox),
      width_(new QDoubleSpinBox),
      height_(new QDoubleSpinBox),
      dpi_(new QSpinBox),
      summary_(new QLabel)
{
    setObjectName("figureSizeDialog");
    setWindowTitle("Figure size");
    unit_->setObjectName("figureUnit");
    width_->setObjectName("figureWidth");
    height_->setObjectName("figureHeight");
    dpi_->setObjectName("figureDpi");
    summary_->setObjectName("figureSizeSummary");
    unit_->addItems({"pixels", "inches", "cm"});
    // The export's limits (checkFigureOptions): 16 to 16384 pixels a side, 10 to 2400 DPI.
    dpi_->setRange(10, 2400);
    const QSettings settings;
    dpi_->setValue(settings.value(kDpiKey, initial.dpi).toInt());
    shownUnit_ = Unit::Pixels;
    // The remembered DPI keeps the figure's size in inches (its look), with more or fewer pixels.
    const double perInitialPixel = double(dpi_->value()) / std::max(1, initial.dpi);
    widthPx_ = initial.width * perInitialPixel;
    heightPx_ = initial.height * perInitialPixel;
    showSize(widthPx_, heightPx_);
    setUnit(static_cast<Unit>(std::clamp(settings.value(kUnitKey, 0).toInt(), 0, 2)));

    auto* form = new QFormLayout(this);
    form->addRow("Unit", unit_);
    form->addRow("Width", width_);
    form->addRow("Height", height_);
    form->addRow("DPI", dpi_);
    form->addRow(summary_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        remember();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    connect(unit_, &QComboBox::currentIndexChanged, this, [this](int index) { setUnit(static_cast<Unit>(index)); });
    connect(width_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        widthPx_ = pixels(v);
        updateSummary();
    });
    connect(height_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        heightPx_ = pixels(v);
        updateSummary();
    });
    // A new DPI keeps the size in the unit shown: inches stay inches (more pixels), pixels stay
    // pixels (a smaller page), as with matplotlib's figsize and dpi.
    connect(dpi_, &QSpinBox::valueChanged, this, [this] {
        if (shownUnit_ != Unit::Pixels) {
            widthPx_ = pixels(width_->value());
            heightPx_ = pixels(height_->value());
        }
        showSize(widthPx_, heightPx_);  // the ranges follow the DPI
        updateSummary();
    });
    updateSummary();
}

double FigureSizeDialog::pixels(double shown) const
{
    switch (shownUnit_) {
        case Unit::Pixels:
            return shown;
        case Unit::Inches:
            return shown * dpi_->value();
        case Unit::Centimetres:
            return shown / kCentimetresPerInch * dpi_->value();
    }
    return shown;
}

void FigureSizeDialog::showSize(double widthPx, double heightPx)
{
    const double perPixel = shownUnit_ == Unit::Pixels   ? 1.0
                            : shownUnit_ == Unit::Inches ? 1.0 / dpi_->value()
                                                         : kCentimetresPerInch / dpi_->value();
    const int decimals = shownUnit_ == Unit::Pixels ? 0 : 3;
    for (QDoubleSpinBox* box : {width_, height_}) {
        const QSignalBlocker block(box);
        box->setDecimals(decimals);
        box->setRange(16 * perPixel, 16384 * perPixel);
        box->setSingleStep(shownUnit_ == Unit::Pixels ? 10 : 0.1);
        box->setSuffix(shownUnit_ == Unit::Pixels ? " px" : shownUnit_ == Unit::Inches ? " in" : " cm");
    }
    const QSignalBlocker bw(width_), bh(height_);
    width_->setValue(widthPx * perPixel);
    height_->setValue(heightPx * perPixel);
}

void FigureSizeDialog::setUnit(Unit unit)
{
    if (unit == shownUnit_) return;
    shownUnit_ = unit;
    const QSignalBlocker block(unit_);
    unit_->setCurrentIndex(static_cast<int>(unit));
    showSize(widthPx_, heightPx_);  // the exact pixels, not the rounded numbers shown
    updateSummary();
}

FigureSizeDialog::Unit FigureSizeDialog::unit() const
{
    return shownUnit_;
}

FigureOptions FigureSizeDialog::options() const
{
    FigureOptions o = initial_;
    o.dpi = dpi_->value();
    o.width = int(std::lround(widthPx_));
    o.height = int(std::lround(heightPx_));
    return o;
}

void FigureSizeDialog::remember() const
{
    QSettings settings;
    settings.setValue(kUnitKey, static_cast<int>(shownUnit_));
    settings.setValue(kDpiKey, dpi_->value());
}

void FigureSizeDialog::updateSummary()
{
    const FigureOptions o = options();
    summary_->setText(QString("%1 × %2 px = %3 × %4 in at %5 dpi")
                          .arg(o.width)
                          .arg(o.height)
                          .arg(o.width / double(o.dpi), 0, 'f', 2)
                          .arg(o.height / double(o.dpi), 0, 'f', 2)
                          .arg(o.dpi));
}

std::optional<FigureExportChoice> askFigureExport(QWidget* parent, const QString& caption, const QString& suggestedName,
                                                  const FigureOptions& defaults)
{
    const QString path = askSaveFileName(parent, caption, suggestedName,
                                         "SVG vector (*.svg);;PNG image (*.png);;PDF vector (*.pdf)", ".svg");
    if (path.isEmpty()) return std::nullopt;
    FigureSizeDialog dialog(defaults, parent);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    return FigureExportChoice{path, dialog.options()};
}

}  // namespace cl::ui
