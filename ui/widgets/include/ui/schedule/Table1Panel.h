#pragma once
// Table 1 explorer: runs core's runTable1 (rows t, columns Δt, trials editable) in the
// background, shows each cell as median ± half the 10–90 range, the ratio distribution of the
// selected cell as a histogram, and writes the table as CSV.

#include "core/experiments/LabFile.h"
#include "core/experiments/Table1.h"

#include <QWidget>

#include <memory>
#include <optional>

class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace cl::ui::schedule {

class PlotView;
class TaskBar;

class Table1Panel : public QWidget {
    Q_OBJECT

public:
    explicit Table1Panel(QWidget* parent = nullptr);

    /// The spec the fields describe; throws std::invalid_argument for an unreadable list.
    Table1Spec spec() const;
    void run();
    const std::optional<Table1Result>& result() const { return result_; }
    /// The fields, whether the table has been run and the selected cell (1-based), as the lab
    /// file keeps them; setLabSpec fills the fields and runs the table when it had been run.
    LabTable1Spec labSpec() const;
    std::pair<int, int> selectedCell() const;
    void setLabSpec(const LabTable1Spec& spec, int row, int column);
    /// "median ± half(p90 - p10)", as shown in the table.
    static QString cellText(const Table1Cell& cell);
    /// One row per (t, Δt) cell: t, dt, median, p10, p90, half_range, trials. Throws on I/O failure.
    void exportCsv(const QString& path) const;
    void selectCell(int row, int column);

    TaskBar* taskBar() const { return task_; }
    PlotView* histogram() const { return histogram_; }

signals:
    /// The table was run or a cell was selected.
    void stateChanged();

private:
    void show(Table1Result result);
    void showHistogram();

    QSpinBox* dimension_;
    QSpinBox* trials_;
    QSpinBox* seed_;
    QDoubleSpinBox* q_;
    QLineEdit* times_;
    QLineEdit* steps_;
    TaskBar* task_;
    QTableWidget* table_;
    PlotView* histogram_;
    std::optional<Table1Result> result_;
    std::pair<int, int> pendingCell_{1, 1};  // selected when a table run from a lab file arrives
};

}  // namespace cl::ui::schedule
