#include "ui/schedule/PlannerPanel.h"

#include "ui/schedule/TaskBar.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cl::ui::schedule {

PlannerPanel::PlannerPanel(QWidget* parent)
    : QWidget(parent), stageTime_(new QDoubleSpinBox), planLabel_(new QLabel), rankLabel_(new QLabel),
      task_(new TaskBar("planner")), table_(new QTableWidget)
{
    setObjectName("plannerPanel");
    stageTime_->setObjectName("stageTimeSpin");
    stageTime_->setRange(0.001, 100);
    stageTime_->setDecimals(3);
    stageTime_->setSingleStep(0.05);
    stageTime_->setValue(0.1);
    planLabel_->setObjectName("plannedOrderLabel");
    rankLabel_->setObjectName("plannedRankLabel");
    QFont big = planLabel_->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    planLabel_->setFont(big);
    table_->setObjectName("rankingTable");
    table_->setColumnCount(3);
    table_->setHorizontalHeaderLabels({"rank", "order (first trained first)", "mean loss after K stages"});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* planButton = new QPushButton("Plan and rank");
    planButton->setObjectName("planButton");

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel("Time per domain (stage)"));
    row->addWidget(stageTime_);
    row->addWidget(planButton);
    row->addWidget(task_, 1);
    auto* note = new QLabel("Lie-Bracket Tournament at θ0, target = mean of the K losses: domains sorted by "
                            "Borda score Σ_B e(A,B). Brute force: every order, each domain alone for the stage time.");
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(note);
    layout->addWidget(planLabel_);
    layout->addWidget(rankLabel_);
    layout->addWidget(table_, 1);
    connect(planButton, &QPushButton::clicked, this, &PlannerPanel::replan);
}

QString PlannerPanel::orderText(const std::vector<int>& order)
{
    QStringList parts;
    for (int k : order) parts << QString("L%1").arg(k + 1);
    return parts.join(" → ");
}

void PlannerPanel::setModel(std::shared_ptr<const LabModel> model)
{
    model_ = std::move(model);
    replan();
}

void PlannerPanel::replan()
{
    task_->cancel();
    plan_.reset();
    ranking_.clear();
    table_->setRowCount(0);
    rankLabel_->clear();
    if (!model_) return planLabel_->setText("Build a model first.");
    // One Hessian-vector product per domain: fast enough on the GUI thread.
    plan_ = planTournament(model_->losses, *model_->target, model_->model.theta0);
    planLabel_->setText("Planned order: " + orderText(plan_->order));
    const int k = model_->domainCount();
    if (k > kMaxBruteForceDomains) {
        rankLabel_->setText(QString("Brute force skipped: K = %1 would mean %1! orders.").arg(k));
        return;
    }
    auto model = model_;
    const double stage = stageTime_->value();
    auto out = std::make_shared<std::vector<RankedCurriculum>>();
    task_->run(
        "Ranking all orders",
        [model, stage, out](CancelFlag& flag) {
            const ExactQuadraticFlow flow = model->model.exactFlow();
            *out = rankAllCurricula(flow, *model->target, model->model.theta0, stage, &flag);
        },
        [this, model, out] {
            if (model == model_) showRanking(std::move(*out));
        });
}

int PlannerPanel::plannedRank() const
{
    if (!plan_) return 0;
    for (std::size_t r = 0; r < ranking_.size(); ++r)
        if (ranking_[r].order == plan_->order) return int(r) + 1;
    return 0;
}

void PlannerPanel::showRanking(std::vector<RankedCurriculum> ranking)
{
    ranking_ = std::move(ranking);
    table_->setRowCount(int(ranking_.size()));
    const int planned = plannedRank();
    for (std::size_t r = 0; r < ranking_.size(); ++r) {
        const QStringList cells{QString::number(r + 1), orderText(ranking_[r].order),
                                QString::number(ranking_[r].targetLoss, 'g', 10)};
        for (int c = 0; c < 3; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (int(r) + 1 == planned) {
                item->setBackground(QColor(0xff, 0xe0, 0x82));
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            table_->setItem(int(r), c, item);
        }
    }
    if (planned > 0) table_->scrollToItem(table_->item(planned - 1, 0));
    rankLabel_->setText(QString("The planned order ranks %1 of %2 (percentile %3).")
                            .arg(planned)
                            .arg(ranking_.size())
                            .arg(percentileOf(plan_->order, ranking_), 0, 'f', 3));
}

}  // namespace cl::ui::schedule
