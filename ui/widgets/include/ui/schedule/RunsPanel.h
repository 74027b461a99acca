#pragma once
// The Runs tab: the schedule editor, "Add run" (the flow is integrated in the background from θ0
// and from extra random starts), the list of runs (each toggleable, with its amount of each
// domain) and the plots. Runs compared must use the same amount of each domain: a schedule whose
// Schedule::amounts differ from the first run's by more than 1e-9 is refused with a message.

#include "ui/schedule/LabTypes.h"

#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QSpinBox;

namespace cl::ui::schedule {

class RunPlots;
class ScheduleEditorPanel;
class TaskBar;

class RunsPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr double kAmountTolerance = kLabAmountTolerance;

    explicit RunsPanel(QWidget* parent = nullptr);

    /// A new model clears the runs (they belong to the old one).
    void setModel(std::shared_ptr<const LabModel> model);
    /// Checks the editor's schedule and starts integrating it; false (with the reason in
    /// message()) when there is no model, the schedule is invalid, or its amounts differ.
    bool addRun();
    void clearRuns();
    /// Replaces the runs by a lab file's, recomputed in the background on `model` (which
    /// becomes the panel's model); `done` runs on the GUI thread once they are in.
    void restoreRuns(std::shared_ptr<const LabModel> model, const LabFile& lab, std::function<void()> done);
    int extraStarts() const;
    void setExtraStarts(int starts);

    const std::vector<std::shared_ptr<RunRecord>>& runs() const { return runs_; }
    QString message() const;
    ScheduleEditorPanel* editorPanel() const { return editor_; }
    RunPlots* plots() const { return plots_; }
    TaskBar* taskBar() const { return task_; }

signals:
    void runsChanged();

private:
    void refused(const QString& why);
    void append(std::shared_ptr<RunRecord> run);
    void publish();

    ScheduleEditorPanel* editor_;
    QSpinBox* startsSpin_;
    QListWidget* list_;
    QLabel* message_;
    TaskBar* task_;
    RunPlots* plots_;
    std::shared_ptr<const LabModel> model_;
    std::vector<std::shared_ptr<RunRecord>> runs_;
};

}  // namespace cl::ui::schedule
