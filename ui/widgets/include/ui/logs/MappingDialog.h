#pragma once
// Series -> domains by hand (issue 11): every scalar series of a run with its point count, step
// range and a sparkline; the user ticks the domain losses, names the domains and picks the x axis.
// The dialog only returns the choice; the window applies it (runLogFromSeries) and remembers it
// (the mapping file, core/logs/MappingFile.h). Series on another axis than the chosen one cannot be ticked: axes are
// never mixed.

#include "core/logs/DomainMapping.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableWidget;

namespace cl::ui::logs {

class MappingDialog : public QDialog {
    Q_OBJECT

public:
    /// Table columns, for tests and for reading the code.
    enum Column { UseColumn, DomainColumn, SeriesColumn, AxisColumn, PointsColumn, StepsColumn, ShapeColumn };

    MappingDialog(const cl::logs::ScalarRun& run, const cl::logs::DomainMapping& current, QWidget* parent = nullptr);

    /// The ticked series on the chosen axis, in table order, with their domain names.
    cl::logs::DomainMapping mapping() const;

    QTableWidget* seriesTable() const { return table_; }
    QComboBox* axisBox() const { return axis_; }
    /// Ticks (or unticks) a series by name and sets its domain name (for scripting and tests).
    bool choose(const QString& series, bool use, const QString& domain = {});

    void accept() override;

private:
    void axisChanged();

    QTableWidget* table_ = nullptr;
    QComboBox* axis_ = nullptr;
    QLabel* error_ = nullptr;
};

}  // namespace cl::ui::logs
