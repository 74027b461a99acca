#pragma once
// The Schedule lab (Tools ▸ Schedule lab): K-domain random quadratic models (paper App. D),
// schedules edited as coloured bands and compared at equal domain amounts, the P-matrix along a
// run, the Table 1 explorer and the Lie-Bracket Tournament planner. All numbers come from core/;
// long computations run in the background with progress and Cancel.
//
// Open it with `new cl::ui::schedule::ScheduleLabWindow(parent)` and show(); the object name is
// "scheduleLab". It builds the default model (K = 3, n = 100) when first constructed.
//
// The lab saves to a lab file (core's LabFile, docs/lab-format.md): File ▸ Save (Ctrl+S), Save As
// (Ctrl+Shift+S), Open (Ctrl+O). Runs are recomputed on open (deterministic from the model's seed
// and the schedules). The title shows the file name with * while the lab differs from it.

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

    /// The lab as a file would hold it (model fields, editor, runs, planner, Table 1, views).
    LabFile labFile() const;
    /// True while the lab differs from the file it was opened from or saved to (or, before any,
    /// from the lab as it started).
    bool isModified() const;
    const QString& filePath() const { return path_; }
    /// Opens a lab file: the model is rebuilt and the runs recomputed in the background
    /// (isLoading() until done). False, with the located message shown, when it cannot be read.
    bool openLabFile(const QString& path);
    bool isLoading() const { return pending_ != nullptr; }
    /// Writes the lab to `path` atomically; false (with the reason shown) when it cannot.
    bool saveLabFileAs(const QString& path);
    /// Save: to the current file, or asks for a name (a bare name gets .json).
    bool save();
    bool saveAs();

    /// With unsaved changes asks Save / Discard / Cancel; true when the caller may go on (after
    /// saving, on Save). Closing the lab, quitting the app and Open ask.
    bool maybeSaveChanges();
    /// Tests answer the Save / Discard / Cancel question through this instead of a dialog.
    void setUnsavedChangesAnswer(std::function<QMessageBox::StandardButton()> answer)
    {
        unsavedAnswer_ = std::move(answer);
    }
    /// Tests give Save As its file name through this instead of a dialog.
    void setSaveFileNameAnswer(std::function<QString()> answer) { saveNameAnswer_ = std::move(answer); }

signals:
    void modelChanged();
    /// A lab file finished opening (its runs are in).
    void labOpened();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setModel(std::shared_ptr<const LabModel> model);
    void createMenus();
    /// Applies the rest of a lab file once its model is built.
    void applyPending();
    void markSaved();
    void refreshTitle();

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
    std::function<QString()> saveNameAnswer_;
    QString path_;
    LabFile saved_;
    std::unique_ptr<LabFile> pending_;  // a file being opened, until its runs are in
};

}  // namespace cl::ui::schedule
