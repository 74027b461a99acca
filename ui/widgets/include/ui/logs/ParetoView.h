#pragma once
// The Pareto tab (paper Figs. 2, 3): the chart, axis choice, run and budget-group check boxes,
// equal axis scaling, the front table next to the plot, and a hover line with every number of the
// point under the mouse. Several runs overlay, a colour each; one of them is the base run whose
// interventions are drawn and which the others are compared with.

#include "ui/logs/ParetoData.h"

#include <QWidget>

#include <QPointF>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;
class QVBoxLayout;

namespace cl::ui::logs {

class FigureHost;

class ParetoView : public QWidget {
    Q_OBJECT

public:
    explicit ParetoView(QWidget* parent = nullptr);
    ~ParetoView() override;

    /// Shows a log (null clears). Axis choice and hidden groups survive a reload of the same run.
    void setLog(std::shared_ptr<const cl::logs::RunLog> log);
    /// Shows several runs; `baseRun` indexes `runs`. Axis choice and hidden runs and groups
    /// survive a reload (they are kept by name).
    void setRuns(std::vector<ParetoRunInput> runs, int baseRun);
    /// Shows or hides a run by its index in the runs last given (the same as its check box).
    void setRunVisible(int run, bool visible);
    const ParetoData& data() const { return data_; }

    FigureHost* plot() const { return plot_; }
    QTableWidget* frontTable() const { return table_; }
    /// Where data point (x, y) is on the plot widget (logical pixels), with the chart's current
    /// axis ranges; nullopt before the first layout.
    std::optional<QPointF> dataToWidget(double x, double y) const;

    /// Writes the figure (format by suffix) via writeFigure; false with `error` set.
    bool exportFigure(const QString& path, QString* error = nullptr) const;

signals:
    /// The hover read-out changed (empty when the mouse is over no point).
    void pointDescribed(const QString& text);

private:
    void rebuildData();
    void rebuildGroupBoxes();
    void rebuildRunBoxes();
    void fillFrontTable();
    void onHover(QPointF scene, bool inside);

    std::shared_ptr<const cl::logs::RunLog> log_;  // the base run's
    std::vector<ParetoRunInput> runs_;
    int baseRun_ = 0;
    ParetoData data_;
    ParetoHidden hidden_;
    bool equalAxes_ = false;

    FigureHost* plot_ = nullptr;
    QComboBox* xAxis_ = nullptr;
    QComboBox* yAxis_ = nullptr;
    QCheckBox* equal_ = nullptr;
    QVBoxLayout* groupLayout_ = nullptr;
    QWidget* runBox_ = nullptr;
    QVBoxLayout* runLayout_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* hover_ = nullptr;
    QLabel* note_ = nullptr;
};

}  // namespace cl::ui::logs
