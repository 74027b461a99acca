#pragma once
// The advice tab (paper Cor. 3.2, §4.2): along the run, which domain to put more of at the end
// of the next window for each target loss, the "win-win" checkpoints where one reordering is
// predicted to lower every domain's loss, and a visible caveat that this is the paper's local
// prediction, not a guarantee (core's OrderAdvice). Below, for logs with P-values for all pairs,
// the planned curriculum per target and checkpoint (core's planCurriculaFromLog), under the same
// caveat.

#include "core/logs/CurriculumAdvice.h"
#include "core/logs/OrderAdvice.h"

#include <QWidget>

#include <cstdint>
#include <memory>

class QLabel;
class QTableWidget;

namespace cl::ui::logs {

class FigureHost;

class AdviceView : public QWidget {
    Q_OBJECT

public:
    explicit AdviceView(QWidget* parent = nullptr);
    ~AdviceView() override;

    void setLog(std::shared_ptr<const cl::logs::RunLog> log);
    const std::vector<cl::logs::CheckpointAdvice>& advice() const { return advice_; }
    /// Empty while planning() (the curricula are planned off the GUI thread after setLog).
    const std::vector<cl::logs::CheckpointCurricula>& curricula() const { return curricula_; }
    bool planning() const { return planning_; }
    /// Up to this many domains the view plans exactly (the DP is instant); above, by local search,
    /// so a log with many domains and checkpoints never stalls the window.
    static constexpr int kExactDomainLimit = 12;

    QTableWidget* table() const { return table_; }
    QTableWidget* curriculumTable() const { return curriculumTable_; }
    QLabel* curriculumLabel() const { return curriculumLabel_; }
    QLabel* winWinLabel() const { return winWin_; }
    QLabel* caveatLabel() const { return caveat_; }
    FigureHost* plot() const { return plot_; }

private:
    void planCurricula();
    void showCurricula();

    std::shared_ptr<const cl::logs::RunLog> log_;
    std::vector<cl::logs::CheckpointAdvice> advice_;
    std::vector<cl::logs::CheckpointCurricula> curricula_;
    bool planning_ = false;
    std::uint64_t planGeneration_ = 0;
    QLabel* caveat_ = nullptr;
    QLabel* winWin_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* curriculumLabel_ = nullptr;
    QTableWidget* curriculumTable_ = nullptr;
    FigureHost* plot_ = nullptr;
};

}  // namespace cl::ui::logs
