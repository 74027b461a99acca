#pragma once
// The Schedule lab (Tools ▸ Schedule lab): K-domain random quadratic models (paper App. D),
// schedules edited as coloured bands and compared at equal domain amounts, the P-matrix along a
// run, the Table 1 explorer and the Lie-Bracket Tournament planner. All numbers come from core/;
// long computations run in the background with progress and Cancel.
//
// Open it with `new cl::ui::schedule::ScheduleLabWindow(parent)` and show(); the object name is
// "scheduleLab". It builds the default model (K = 3, n = 100) when first constructed.

#include "ui/schedule/LabTypes.h"

#include <QMainWindow>
#include <QMessageBox>

#include <functional>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTabWidget;

namespace cl::ui::schedule {

class PMatrixPanel;
class PlannerPanel;
class RunsPanel;
class Table1Panel;
class TaskBar;

class ScheduleLabWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit ScheduleLabWindow(QWidget* parent = nullptr);
    ~ScheduleLabWindow() override;

    /// The spec the model fields describe.
    RandomQuadraticSpec modelSpec() const;
    /// Builds the model in the background (as the "Build model" button does).
    void buildModel();
    std::shared_ptr<const LabModel> model() const { return model_; }

    RunsPanel* runsPanel() const { return runs_; }
    PMatrixPanel* pMatrixPanel() const { return pmatrix_; }
    Table1Panel* table1Panel() const { return table1_; }
    PlannerPanel* plannerPanel() const { return planner_; }
    TaskBar* modelTask() const { return modelTask_; }
    QTabWidget* tabs() const { return tabs_; }

    /// With runs added (they live only in this window: the lab writes no file), asks Discard /
    /// Cancel before they would be lost. True when the caller may go on. Closing the lab, quitting
    /// the app and "Build model" (a new model clears the runs) ask.
    bool maybeDiscardRuns();
    /// Tests answer the Discard / Cancel question through this instead of a dialog.
    void setUnsavedRunsAnswer(std::function<QMessageBox::StandardButton()> answer)
    {
        unsavedAnswer_ = std::move(answer);
    }

signals:
    void modelChanged();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setModel(std::shared_ptr<const LabModel> model);

    QSpinBox* domains_;
    QSpinBox* dimension_;
    QDoubleSpinBox* q_;
    QSpinBox* seed_;
    QLabel* modelLabel_;
    TaskBar* modelTask_;
    QTabWidget* tabs_;
    RunsPanel* runs_;
    PMatrixPanel* pmatrix_;
    Table1Panel* table1_;
    PlannerPanel* planner_;
    std::shared_ptr<const LabModel> model_;
    std::function<QMessageBox::StandardButton()> unsavedAnswer_;
};

}  // namespace cl::ui::schedule
