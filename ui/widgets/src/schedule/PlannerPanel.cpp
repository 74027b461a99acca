#include "ui/schedule/PlannerPanel.h"

#include "ui/schedule/TaskBar.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cl::ui::schedule {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 4);
}

}  // namespace

PlannerPanel::PlannerPanel(QWidget* parent)
    : QWidget(parent),
      stageTime_(new QDoubleSpinBox),
      method_(new QComboBox),
      planLabel_(new QLabel),
      gainLabel_(new QLabel),
      rankLabel_(new QLabel),
      task_(new TaskBar("planner")),
      table_(new QTableWidget)
{
    setObjectName("plannerPanel");
    stageTime_->setObjectName("stageTimeSpin");
    stageTime_->setRange(0.001, 100);
    stageTime_->setDecimals(3);
    stageTime_->setSingleStep(0.05);
    stageTime_->setValue(0.1);
    method_->setObjectName("plannerMethodCombo");
    for (OrderingMethod m :
         {OrderingMethod::Auto, OrderingMethod::Exact, OrderingMethod::Borda, OrderingMethod::LocalSearch})
        method_->addItem(QString::fromUtf8(orderingMethodName(m)), int(m));
    method_->setToolTip(
        "auto: exact linear ordering up to 20 domains; borda: the paper's row sums; "
        "local: Borda's order improved by insertions until none helps");
    planLabel_->setObjectName("plannedOrderLabel");
    gainLabel_->setObjectName("plannedGainLabel");
    gainLabel_->setWordWrap(true);
    rankLabel_->setObjectName("plannedRankLabel");
    QFont big = planLabel_->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    planLabel_->setFont(big);
    table_->setObjectName("rankingTable");
    table_->setColumnCount(5);
    table_->setHorizontalHeaderLabels({"rank", "order (first trained first)", "mean loss after K stages",
                                       "observed ΔL vs planned", "predicted τ²ΔJ vs planned"});
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* planButton = new QPushButton("Plan and rank");
    planButton->setObjectName("planButton");

    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel("Time per domain (stage) τ"));
    row->addWidget(stageTime_);
    row->addWidget(new QLabel("Method"));
    row->addWidget(method_);
    row->addWidget(planButton);
    row->addWidget(task_, 1);
    auto* note = new QLabel(
        "Curriculum at θ0, target = mean of the K losses. To second order, training the domains one after "
        "another for τ each changes the target by τ² J(σ) + const with J(σ) = Σ_{A before B} c(A,B), "
        "c(A,B) = ⟨g_T, H_B g_A⟩ (K Hessian-vector products); the planner minimises J. "
        "Brute force: every order, each domain alone for τ, integrated exactly.");
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(note);
    layout->addWidget(planLabel_);
    layout->addWidget(gainLabel_);
    layout->addWidget(rankLabel_);
    layout->addWidget(table_, 1);
    connect(planButton, &QPushButton::clicked, this, &PlannerPanel::replan);
    connect(method_, &QComboBox::currentIndexChanged, this, [this] { updatePlan(); });
    connect(method_, &QComboBox::currentIndexChanged, this, &PlannerPanel::settingsChanged);
    connect(stageTime_, &QDoubleSpinBox::valueChanged, this, &PlannerPanel::settingsChanged);
}

std::string PlannerPanel::methodName() const
{
    return orderingMethodName(static_cast<OrderingMethod>(method_->currentData().toInt()));
}

double PlannerPanel::stageTime() const
{
    return stageTime_->value();
}

void PlannerPanel::setSettings(const std::string& method, double stageTime)
{
    const QSignalBlocker a(method_), b(stageTime_);
    method_->setCurrentIndex(std::max(0, method_->findData(int(parseOrderingMethod(method)))));
    stageTime_->setValue(stageTime);
    if (model_) replan();
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
    ranking_.clear();
    updatePlan();
    if (!model_) return;
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
        [this, model, stage, out] {
            if (model != model_) return;
            ranking_ = std::move(*out);
            rankedStageTime_ = stage;
            showRanking();
        });
}

void PlannerPanel::updatePlan()
{
    plan_.reset();
    bordaOrder_.clear();
    gainLabel_->clear();
    rankLabel_->clear();
    if (!model_) {
        table_->setRowCount(0);
        return planLabel_->setText("Build a model first.");
    }
    // K Hessian-vector products, K² dot products and a DP over at most 2^8 subsets: fast enough on
    // the GUI thread.
    const auto method = static_cast<OrderingMethod>(method_->currentData().toInt());
    plan_ = planCurriculum(model_->losses, *model_->target, model_->model.theta0, method);
    bordaOrder_ = bordaOrdering(plan_->cost).order;
    const LinearOrdering& o = plan_->ordering;
    planLabel_->setText(QString("Planned order (%1): %2").arg(orderingMethodName(o.method), orderText(o.order)));
    const double tau = stageTime_->value();
    gainLabel_->setText(QString("Predicted gain τ²ΔJ over the %1 order (%2): %3. Over Borda's order (%4): %5. "
                                "Objective above the pairwise lower bound: %6.")
                            .arg(o.worstIsExact ? "worst" : "reversed", orderText(o.worstOrder),
                                 number(o.predictedGain(tau)), orderText(bordaOrder_),
                                 number(plan_->predictedExcess(bordaOrder_, tau)), number(tau * tau * o.gapToBound())));
    showRanking();
}

int PlannerPanel::rankOf(const std::vector<int>& order) const
{
    for (std::size_t r = 0; r < ranking_.size(); ++r)
        if (ranking_[r].order == order) return int(r) + 1;
    return 0;
}

void PlannerPanel::showRanking()
{
    table_->setRowCount(int(ranking_.size()));
    if (ranking_.empty() || !plan_) return;
    const int planned = plannedRank();
    const double plannedLoss = ranking_[planned - 1].targetLoss;
    for (std::size_t r = 0; r < ranking_.size(); ++r) {
        const QStringList cells{QString::number(r + 1), orderText(ranking_[r].order),
                                QString::number(ranking_[r].targetLoss, 'g', 10),
                                number(ranking_[r].targetLoss - plannedLoss),
                                number(plan_->predictedExcess(ranking_[r].order, rankedStageTime_))};
        for (int c = 0; c < cells.size(); ++c) {
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
    table_->scrollToItem(table_->item(planned - 1, 0));
    showRankSummary();
}

void PlannerPanel::showRankSummary()
{
    const int planned = plannedRank();
    rankLabel_->setText(QString("The planned order ranks %1 of %2 (percentile %3); Borda's order ranks %4. "
                                "Brute force at τ = %5.")
                            .arg(planned)
                            .arg(ranking_.size())
                            .arg(percentileOf(plan_->ordering.order, ranking_), 0, 'f', 3)
                            .arg(rankOf(bordaOrder_))
                            .arg(rankedStageTime_));
}

}  // namespace cl::ui::schedule
