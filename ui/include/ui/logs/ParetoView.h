#pragma once
// The Pareto tab (paper Figs. 2, 3): the chart, axis choice, budget-group check boxes, equal
// axis scaling, the front table next to the plot, and a hover line with every number of the
// point under the mouse.

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
    void fillFrontTable();
    void onHover(QPointF scene, bool inside);

    std::shared_ptr<const cl::logs::RunLog> log_;
    ParetoData data_;
    std::vector<std::pair<double, double>> hiddenGroups_;
    bool equalAxes_ = false;

    FigureHost* plot_ = nullptr;
    QComboBox* xAxis_ = nullptr;
    QComboBox* yAxis_ = nullptr;
    QCheckBox* equal_ = nullptr;
    QVBoxLayout* groupLayout_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* hover_ = nullptr;
    QLabel* note_ = nullptr;
};

}  // namespace cl::ui::logs
