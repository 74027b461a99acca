#pragma once
// The P-matrix at a time along a run: e(A, B) = P(L_A, L_B; mean)(θ(t)) for all domain pairs
// (core's pairwiseOrderMatrix), as a heat map with a colour bar; the run and the time are chosen
// with a combo box and a slider over the run's samples; the matrix is computed off the GUI thread.

#include "ui/schedule/LabTypes.h"

#include "core/Loss.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;

namespace cl::ui::schedule {

class PlotView;
class TaskBar;

class PMatrixPanel : public QWidget {
    Q_OBJECT

public:
    explicit PMatrixPanel(QWidget* parent = nullptr);

    void setRuns(std::shared_ptr<const LabModel> model, std::vector<std::shared_ptr<RunRecord>> runs);
    /// Shows run `run` (0-based) at sample `index`; the matrix is computed in the background,
    /// matrix() and time() change when it is ready.
    void showAt(int run, int index);

    /// The chosen run (0-based, -1 without runs) and sample index, as the lab file keeps them.
    int currentRun() const;
    int currentSample() const;

    const Matrix& matrix() const { return matrix_; }
    double time() const { return time_; }
    PlotView* plot() const { return plot_; }
    TaskBar* taskBar() const { return task_; }

signals:
    void selectionChanged();

private:
    void recompute();

    QComboBox* runCombo_;
    QSlider* slider_;
    QLabel* timeLabel_;
    PlotView* plot_;
    TaskBar* task_;
    std::shared_ptr<const LabModel> model_;
    std::vector<std::shared_ptr<RunRecord>> runs_;
    Matrix matrix_;
    double time_ = 0;
};

}  // namespace cl::ui::schedule
