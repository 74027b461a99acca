#include "ui/workspace/OptionsDialog.h"

#include "ui/workspace/WorkspaceSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QSpinBox>

namespace cl::ui {

OptionsDialog::OptionsDialog(QWidget* parent)
    : QDialog(parent), density_(new QSpinBox), scaling_(new QComboBox), contours_(new QSpinBox),
      colorMap_(new QComboBox), divergingMap_(new QComboBox), colorBlind_(new QCheckBox), gridSize_(new QSpinBox)
{
    setObjectName("optionsDialog");
    setWindowTitle("Landscape options");
    density_->setObjectName("arrowDensity");
    scaling_->setObjectName("arrowScaling");
    contours_->setObjectName("contourCount");
    colorMap_->setObjectName("colorMap");
    divergingMap_->setObjectName("divergingMap");
    colorBlind_->setObjectName("colorBlindRegions");
    gridSize_->setObjectName("gridSize");
    density_->setRange(2, 200);
    density_->setSuffix(" per side");
    scaling_->addItems({"linear in |v|", "square root of |v|", "logarithmic", "all the same length"});
    contours_->setRange(0, 50);
    colorMap_->addItems({"viridis", "cividis", "magma", "plasma"});
    divergingMap_->addItems({"RdBu", "PuOr", "BrBG"});
    colorBlind_->setText("colour-blind-safe green/purple regions");
    gridSize_->setRange(WorkspaceSettings::minGridSize, WorkspaceSettings::maxGridSize);
    gridSize_->setSuffix(" points a side");
    gridSize_->setSingleStep(50);

    auto* form = new QFormLayout(this);
    form->addRow("Arrows", density_);
    form->addRow("Arrow length", scaling_);
    form->addRow("Level curves", contours_);
    form->addRow("Level-curve colours", colorMap_);
    form->addRow("P map colours", divergingMap_);
    form->addRow("Regions", colorBlind_);
    form->addRow("Grid resolution", gridSize_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    form->addRow(buttons);

    auto publish = [this] { emit optionsChanged(options()); };
    connect(density_, &QSpinBox::valueChanged, this, publish);
    connect(scaling_, &QComboBox::currentIndexChanged, this, publish);
    connect(contours_, &QSpinBox::valueChanged, this, publish);
    connect(colorMap_, &QComboBox::currentIndexChanged, this, publish);
    connect(divergingMap_, &QComboBox::currentIndexChanged, this, publish);
    connect(colorBlind_, &QCheckBox::toggled, this, publish);
    connect(gridSize_, &QSpinBox::valueChanged, this, &OptionsDialog::gridSizeChanged);
}

LandscapeOptions OptionsDialog::options() const
{
    LandscapeOptions o;
    o.arrowDensity = density_->value();
    o.arrowScaling = LandscapeOptions::ArrowScaling(scaling_->currentIndex());
    o.contourCount = contours_->value();
    o.colorMap = colorMap_->currentText().toStdString();
    o.divergingMap = divergingMap_->currentText().toStdString();
    o.colorBlindRegions = colorBlind_->isChecked();
    return o;
}

int OptionsDialog::gridSize() const
{
    return gridSize_->value();
}

void OptionsDialog::setValues(const LandscapeOptions& o, int gridSize)
{
    const QSignalBlocker b1(density_), b2(scaling_), b3(contours_), b4(colorMap_), b5(divergingMap_),
        b6(colorBlind_), b7(gridSize_);
    density_->setValue(o.arrowDensity);
    scaling_->setCurrentIndex(int(o.arrowScaling));
    contours_->setValue(o.contourCount);
    for (auto [combo, name] : {std::pair{colorMap_, o.colorMap}, std::pair{divergingMap_, o.divergingMap}}) {
        if (combo->findText(QString::fromStdString(name)) < 0) combo->addItem(QString::fromStdString(name));
        combo->setCurrentText(QString::fromStdString(name));
    }
    colorBlind_->setChecked(o.colorBlindRegions);
    gridSize_->setValue(gridSize);
}

}  // namespace cl::ui
