#pragma once
// The planner panel: for the current model, the order planTournament gives at θ0 (target: the
// mean loss) next to the brute-force ranking of all K! sequential curricula (rankAllCurricula,
// only for K <= 7, in the background), with the planned order's row highlighted.

#include "ui/schedule/LabTypes.h"

#include "core/planner/CurriculumRanking.h"
#include "core/planner/TournamentPlanner.h"

#include <QWidget>

#include <optional>

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
    void replan();

    const std::optional<TournamentPlan>& plan() const { return plan_; }
    const std::vector<RankedCurriculum>& ranking() const { return ranking_; }
    /// "2 → 1 → 3" (1-based) for an order.
    static QString orderText(const std::vector<int>& order);
    /// The planned order's 1-based rank in the brute-force ranking (0 until it is known).
    int plannedRank() const;
    TaskBar* taskBar() const { return task_; }

private:
    void showRanking(std::vector<RankedCurriculum> ranking);

    QDoubleSpinBox* stageTime_;
    QLabel* planLabel_;
    QLabel* rankLabel_;
    TaskBar* task_;
    QTableWidget* table_;
    std::shared_ptr<const LabModel> model_;
    std::optional<TournamentPlan> plan_;
    std::vector<RankedCurriculum> ranking_;
};

}  // namespace cl::ui::schedule
