#pragma once
// The prediction tab (paper Tables 2, 3; science page "LLM logs"): every logged excess loss
// against its P-based prediction as a scatter with y = x, the cells in a table, sign agreement
// counted per cell and per checkpoint (core's comparePredictions), and the correlation.

#include "core/logs/PredictionAgreement.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace cl::ui::logs {

class FigureHost;

class PredictionView : public QWidget {
    Q_OBJECT

public:
    explicit PredictionView(QWidget* parent = nullptr);
    ~PredictionView() override;

    void setLog(std::shared_ptr<const cl::logs::RunLog> log);
    const cl::logs::AgreementReport& report() const { return report_; }

    FigureHost* plot() const { return plot_; }
    QLabel* agreementLabel() const { return summary_; }
    QTableWidget* cellTable() const { return cells_; }
    QTableWidget* checkpointTable() const { return checkpoints_; }

private:
    void refresh();
    bool canScale() const;

    std::shared_ptr<const cl::logs::RunLog> log_;
    cl::logs::AgreementReport report_;
    FigureHost* plot_ = nullptr;
    QLabel* summary_ = nullptr;
    QCheckBox* scaled_ = nullptr;
    QTableWidget* cells_ = nullptr;
    QTableWidget* checkpoints_ = nullptr;
};

}  // namespace cl::ui::logs
