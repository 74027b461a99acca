#pragma once
// View ▸ Options…: arrow density and scaling, level curves, colour maps, the colour-blind-safe
// region pair and the grid resolution. Non-modal: every change applies at once (optionsChanged).

#include "ui/LandscapeOptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace cl::ui {

class OptionsDialog : public QDialog {
    Q_OBJECT

public:
    explicit OptionsDialog(QWidget* parent = nullptr);

    LandscapeOptions options() const;
    int gridSize() const;
    /// Shows these values (no signals).
    void setValues(const LandscapeOptions& options, int gridSize);

signals:
    void optionsChanged(const cl::ui::LandscapeOptions& options);
    void gridSizeChanged(int n);

private:
    QSpinBox* density_;
    QComboBox* scaling_;
    QSpinBox* contours_;
    QComboBox* colorMap_;
    QComboBox* divergingMap_;
    QCheckBox* colorBlind_;
    QSpinBox* gridSize_;
    QComboBox* pLimits_;
    QDoubleSpinBox* pManualLimit_;
    QCheckBox* pSymLog_;
};

}  // namespace cl::ui
