#pragma once
// The main window: loss panel on top, the landscape below, and a status bar with the values
// at the grid point nearest the mouse. It only assembles and connects the panels.

#include "core/FieldGrid.h"

#include <QMainWindow>

#include <memory>

class QLabel;

namespace cl::ui {

class FieldComputation;
class LandscapeView;
class LossPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The lattice every landscape is sampled on: [-3, 3]², 200 points a side.
    static GridSpec defaultGrid();

    LandscapeView* landscapeView() const { return view_; }
    LossPanel* lossPanel() const { return lossPanel_; }
    FieldComputation* computation() const { return computation_; }
    /// The status bar's read-out of the point under the mouse (empty when outside the plot).
    QString hoverText() const;

private:
    void recompute();
    void showFields(std::shared_ptr<const FieldGrid> grid);
    void showHover(double x, double y, bool inside);

    LossPanel* lossPanel_;
    LandscapeView* view_;
    FieldComputation* computation_;
    QLabel* hoverLabel_;
    QLabel* stateLabel_;
    qint64 requestStartedMs_ = 0;
    QString requestedSubtitle_;  // the expressions of the latest request, shown with its grid
};

}  // namespace cl::ui
