#include "ui/workspace/OptionsDialog.h"

#include "ui/workspace/WorkspaceSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QSpinBox>

namespace cl::ui {

OptionsDialog::OptionsDialog(QWidget* parent)
    : QDialog(parent),
      density_(new QSpinBox),
      scaling_(new QComboBox),
      contours_(new QSpinBox),
      colorMap_(new QComboBox),
      divergingMap_(new QComboBox),
      colorBlind_(new QCheckBox),
      gridSize_(new QSpinBox),
      pLimits_(new QComboBox),
      pManualLimit_(new QDoubleSpinBox),
      pSymLog_(new QCheckBox)
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
    pLimits_->setObjectName("pLimits");
    pManualLimit_->setObjectName("pManualLimit");
    pSymLog_->setObjectName("pSymLog");
    pLimits_->addItems({"robust: 99th percentile of |P| away from poles", "manual"});
    pManualLimit_->setDecimals(6);
    pManualLimit_->setRange(1e-6, 1e12);
    pManualLimit_->setPrefix("±");
    pManualLimit_->setToolTip("The P map's colour limit when it is manual");
    pSymLog_->setText("symmetric log scale (sign · log(1 + |P|/c))");
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
    form->addRow("P map limits", pLimits_);
    form->addRow("Manual limit", pManualLimit_);
    form->addRow("P map scale", pSymLog_);
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
    connect(pLimits_, &QComboBox::currentIndexChanged, this, publish);
    connect(pManualLimit_, &QDoubleSpinBox::valueChanged, this, publish);
    connect(pSymLog_, &QCheckBox::toggled, this, publish);
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
    o.pScale.limits = pLimits_->currentIndex() == 1 ? ColorScaleSpec::Limits::Manual : ColorScaleSpec::Limits::Robust;
    o.pScale.manualLimit = pManualLimit_->value();
    o.pScale.symLog = pSymLog_->isChecked();
    return o;
}

int OptionsDialog::gridSize() const
{
    return gridSize_->value();
}

void OptionsDialog::setValues(const LandscapeOptions& o, int gridSize)
{
    const QSignalBlocker b1(density_), b2(scaling_), b3(contours_), b4(colorMap_), b5(divergingMap_), b6(colorBlind_),
        b7(gridSize_), b8(pLimits_), b9(pManualLimit_), b10(pSymLog_);
    density_->setValue(o.arrowDensity);
    scaling_->setCurrentIndex(int(o.arrowScaling));
    contours_->setValue(o.contourCount);
    for (auto [combo, name] : {std::pair{colorMap_, o.colorMap}, std::pair{divergingMap_, o.divergingMap}}) {
        if (combo->findText(QString::fromStdString(name)) < 0) combo->addItem(QString::fromStdString(name));
        combo->setCurrentText(QString::fromStdString(name));
    }
    colorBlind_->setChecked(o.colorBlindRegions);
    pLimits_->setCurrentIndex(o.pScale.limits == ColorScaleSpec::Limits::Manual ? 1 : 0);
    pManualLimit_->setValue(o.pScale.manualLimit);
    pManualLimit_->setEnabled(o.pScale.limits == ColorScaleSpec::Limits::Manual);
    pSymLog_->setChecked(o.pScale.symLog);
    gridSize_->setValue(gridSize);
}

}  // namespace cl::ui
