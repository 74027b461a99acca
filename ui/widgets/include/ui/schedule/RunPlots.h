#pragma once
// The two figures of the Runs tab: every domain loss and the target (mean) over time for the
// visible runs, and the (L_i, L_j) plane for a chosen pair from several random starts (paper
// Figure 4). Runs are told apart by line style, domains by colour.

#include "ui/schedule/LabTypes.h"
#include "ui/schedule/ScheduleCharts.h"

#include <QWidget>

class QComboBox;

namespace cl::ui::schedule {

class PlotView;

class RunPlots : public QWidget {
    Q_OBJECT

public:
    explicit RunPlots(QWidget* parent = nullptr);

    void setRuns(std::shared_ptr<const LabModel> model, std::vector<std::shared_ptr<RunRecord>> runs);
    /// The pair shown in the plane (0-based, i != j).
    void setPair(int i, int j);
    int pairI() const;
    int pairJ() const;

    PlotView* lossPlot() const { return lossPlot_; }
    PlotView* planePlot() const { return planePlot_; }
    /// The curves drawn in the loss plot, as plotted (names "run r: L_k" and "run r: mean").
    const std::vector<Series>& lossSeries() const { return lossSeries_; }
    const std::vector<Series>& planeSeries() const { return planeSeries_; }

signals:
    void pairChanged();

private:
    void redraw();

    PlotView* lossPlot_;
    PlotView* planePlot_;
    QComboBox* pairI_;
    QComboBox* pairJ_;
    std::shared_ptr<const LabModel> model_;
    std::vector<std::shared_ptr<RunRecord>> runs_;
    std::vector<Series> lossSeries_, planeSeries_;
};

}  // namespace cl::ui::schedule
