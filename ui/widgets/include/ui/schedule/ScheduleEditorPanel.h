#pragma once
// The schedule editor with its presets (constant mix, sequential blocks, paper eq. 9/10
// intervention, more of one domain at the end), a weights field for the selected segment and
// an inline error line that shows core's ScheduleError message.

#include "ui/schedule/ScheduleEditor.h"

#include "ui/FigureExport.h"

#include "core/experiments/LabFile.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace cl::ui::schedule {

class ScheduleEditorPanel : public QWidget {
    Q_OBJECT

public:
    enum Preset { ConstantMix = 0, SequentialBlocks = 1, Intervention = 2, MoreAtEnd = 3 };

    explicit ScheduleEditorPanel(QWidget* parent = nullptr);

    ScheduleEditor* editor() const { return editor_; }
    void setDomainCount(int domains);
    double horizon() const;
    /// Applies a preset with the parameters currently in the fields.
    void applyPreset(Preset preset);
    /// Writes the schedule figure (LabFigures' scheduleFigure, as `render --lab --view schedule`)
    /// and its numbers; an empty options.title is the figure's. Throws when the schedule is invalid.
    void exportFigure(const QString& path, const FigureOptions& options) const;
    /// The error shown inline (empty when the schedule is valid).
    QString errorText() const;
    /// The editor and its preset fields as the lab file keeps them, and back (the segments are
    /// set as they were, valid or not; no preset is applied).
    LabEditorSpec state() const;
    void setState(const LabEditorSpec& state);
    /// A short name for the schedule: the last preset with its parameters, or "edited" after a
    /// change by hand.
    QString description() const { return description_; }

signals:
    void changed();

private:
    void showSelection();
    void commitWeights();
    void refreshError();

    ScheduleEditor* editor_;
    QComboBox* presetCombo_;
    QDoubleSpinBox* horizonSpin_;
    QDoubleSpinBox* wSpin_;
    QDoubleSpinBox* t0Spin_;
    QDoubleSpinBox* dtSpin_;
    QDoubleSpinBox* dwSpin_;
    QComboBox* orderCombo_;
    QSpinBox* domainSpin_;
    QLineEdit* blockOrderEdit_;
    QLineEdit* weightsEdit_;
    QLabel* errorLabel_;
    QString presetError_;
    QString description_ = "constant mix";
};

}  // namespace cl::ui::schedule
