#pragma once
// The bracket-vs-gradient RMS tab (issue 12): the probe's per-tensor RMS of the bracket
// R(L_a, L_b) against the gradient RMS at one step (or all), the fitted power law with its slope,
// a table of the fits per pair, and the same export as every other log figure.

#include "ui/logs/RmsData.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QTableWidget;

namespace cl::ui::logs {

class FigureHost;

class RmsView : public QWidget {
    Q_OBJECT

public:
    explicit RmsView(QWidget* parent = nullptr);
    ~RmsView() override;

    /// Shows the log's RMS rows (null clears); the latest step is chosen.
    void setLog(std::shared_ptr<const cl::logs::RunLog> log);
    const RmsData& data() const { return data_; }

    FigureHost* plot() const { return plot_; }
    QComboBox* stepBox() const { return step_; }
    QLabel* summaryLabel() const { return summary_; }
    QTableWidget* fitTable() const { return table_; }

    /// Writes the figure (PNG, SVG or PDF by suffix); false with `error` set.
    bool exportFigure(const QString& path, QString* error = nullptr) const;

private:
    void refresh();

    std::shared_ptr<const cl::logs::RunLog> log_;
    std::vector<double> steps_;
    RmsData data_;
    FigureHost* plot_ = nullptr;
    QComboBox* step_ = nullptr;
    QLabel* summary_ = nullptr;
    QTableWidget* table_ = nullptr;
};

}  // namespace cl::ui::logs
