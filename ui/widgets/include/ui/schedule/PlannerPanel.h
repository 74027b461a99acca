#pragma once
// The planner panel: for the current model, the curriculum planned at θ0 (target: the mean loss)
// by the chosen method (exact linear ordering by default, Borda's row sums or local search) with its
// predicted second-order gains, next to the brute-force ranking of all K! sequential curricula
// (rankAllCurricula, only for K <= 7, in the background). Each ranked order shows its observed and
// its predicted (τ² ΔJ) loss difference from the planned order; the planned row is highlighted.

#include "ui/schedule/LabTypes.h"

#include "core/planner/CurriculumRanking.h"
#include "core/planner/TournamentPlanner.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QTableWidget;

namespace cl::ui::schedule {

class TaskBar;

class PlannerPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMaxBruteForceDomains = 7;

    explicit PlannerPanel(QWidget* parent = nullptr);

    /// Plans at once (cheap) and starts the brute-force ranking when K <= 7.
    void setModel(std::shared_ptr<const LabModel> model);
    /// Plans again and restarts the ranking (the stage time may have changed).
    void replan();

    /// The method's name (orderingMethodName) and τ, as the lab file keeps them; setSettings
    /// re-plans when a model is set.
    std::string methodName() const;
    double stageTime() const;
    void setSettings(const std::string& method, double stageTime);

    const std::optional<CurriculumPlan>& plan() const { return plan_; }
    /// Borda's order on the same cost matrix, shown for comparison.
    const std::vector<int>& bordaOrder() const { return bordaOrder_; }
    const std::vector<RankedCurriculum>& ranking() const { return ranking_; }
    /// "L2 → L1 → L3" (1-based) for an order.
    static QString orderText(const std::vector<int>& order);
    /// The 1-based rank of `order` in the brute-force ranking (0 until it is known).
    int rankOf(const std::vector<int>& order) const;
    int plannedRank() const { return plan_ ? rankOf(plan_->ordering.order) : 0; }
    TaskBar* taskBar() const { return task_; }

signals:
    void settingsChanged();

private:
    /// Plans with the chosen method; keeps the ranking (it does not depend on the method).
    void updatePlan();
    void showRanking();
    void showRankSummary();

    QDoubleSpinBox* stageTime_;
    QComboBox* method_;
    QLabel* planLabel_;
    QLabel* gainLabel_;
    QLabel* rankLabel_;
    TaskBar* task_;
    QTableWidget* table_;
    std::shared_ptr<const LabModel> model_;
    std::optional<CurriculumPlan> plan_;
    std::vector<int> bordaOrder_;
    std::vector<RankedCurriculum> ranking_;
    double rankedStageTime_ = 0;  // the stage time the ranking was computed for
};

}  // namespace cl::ui::schedule
