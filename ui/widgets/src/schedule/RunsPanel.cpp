#include "ui/schedule/RunsPanel.h"

#include "ui/schedule/LabFigures.h"
#include "ui/schedule/RunPlots.h"
#include "ui/schedule/ScheduleEditorPanel.h"
#include "ui/schedule/TaskBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

namespace cl::ui::schedule {

namespace {
QString amountsText(const std::vector<double>& amounts)
{
    QStringList parts;
    for (std::size_t k = 0; k < amounts.size(); ++k) parts << QString("L%1 %2").arg(k + 1).arg(amounts[k], 0, 'g', 6);
    return parts.join(", ");
}
}  // namespace

RunsPanel::RunsPanel(QWidget* parent)
    : QWidget(parent),
      editor_(new ScheduleEditorPanel),
      startsSpin_(new QSpinBox),
      list_(new QListWidget),
      message_(new QLabel),
      task_(new TaskBar("run")),
      plots_(new RunPlots)
{
    setObjectName("runsPanel");
    startsSpin_->setObjectName("extraStartsSpin");
    startsSpin_->setRange(0, 12);
    startsSpin_->setValue(4);
    list_->setObjectName("runsList");
    list_->setMaximumHeight(110);
    message_->setObjectName("runMessage");
    message_->setWordWrap(true);
    message_->setStyleSheet("color: #b00020;");
    auto* add = new QPushButton("Add run");
    add->setObjectName("addRunButton");
    auto* clear = new QPushButton("Clear runs");
    clear->setObjectName("clearRunsButton");

    auto* runRow = new QHBoxLayout;
    runRow->addWidget(new QLabel("Extra random starts"));
    runRow->addWidget(startsSpin_);
    runRow->addWidget(add);
    runRow->addWidget(clear);
    runRow->addWidget(task_, 1);
    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(editor_, 1);
    topLayout->addLayout(runRow);
    topLayout->addWidget(message_);
    topLayout->addWidget(list_);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(plots_);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(add, &QPushButton::clicked, this, &RunsPanel::addRun);
    connect(clear, &QPushButton::clicked, this, &RunsPanel::clearRuns);
    connect(list_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const int r = list_->row(item);
        if (r < 0 || std::size_t(r) >= runs_.size()) return;
        runs_[std::size_t(r)]->visible = item->checkState() == Qt::Checked;
        publish();
    });
}

void RunsPanel::setModel(std::shared_ptr<const LabModel> model)
{
    task_->cancel();
    model_ = std::move(model);
    if (model_) editor_->setDomainCount(model_->domainCount());
    clearRuns();
}

bool RunsPanel::addRun()
{
    if (!model_) return refused("Build a model first."), false;
    const auto& schedule = editor_->editor()->schedule();
    if (!schedule) return refused("The schedule is invalid: " + editor_->errorText()), false;
    const double horizon = editor_->horizon();
    const std::vector<double> amounts = schedule->amounts(0, horizon);
    if (!runs_.empty()) {
        const std::vector<double>& first = runs_.front()->amounts;
        double worst = 0;
        for (std::size_t k = 0; k < amounts.size(); ++k) worst = std::max(worst, std::abs(amounts[k] - first[k]));
        if (first.size() != amounts.size() || worst > kAmountTolerance)
            return refused(QString("Refused: this schedule's amounts (%1) differ from run 1's (%2) by %3 > 1e-9. "
                                   "Compared runs must use the same amount of each domain.")
                               .arg(amountsText(amounts), amountsText(first))
                               .arg(worst, 0, 'g', 3)),
                   false;
    }
    message_->clear();
    auto model = model_;
    const Schedule s = *schedule;
    const int starts = startsSpin_->value();
    const QString name = editor_->description();
    auto result = std::make_shared<std::shared_ptr<RunRecord>>();
    task_->run(
        "Integrating the flow", [=](CancelFlag& flag) { *result = computeRun(*model, s, horizon, starts, &flag); },
        [this, result, model, name] {
            (*result)->name = name;
            if (model == model_) append(*result);
        },
        [this](const QString& error) { refused(error); });
    return true;
}

void RunsPanel::restoreRuns(std::shared_ptr<const LabModel> model, const LabFile& lab, std::function<void()> done)
{
    setModel(std::move(model));
    auto result = std::make_shared<std::vector<std::shared_ptr<RunRecord>>>();
    auto target = model_;
    task_->run(
        QString("Recomputing %1 run(s)").arg(lab.runs.size()),
        [target, lab, result](CancelFlag& flag) { *result = computeLabRuns(*target, lab, &flag); },
        [this, target, result, done] {
            if (target != model_) return;
            for (auto& run : *result) append(std::move(run));
            if (done) done();
        },
        [this](const QString& error) { refused("The lab file's runs were not recomputed: " + error); });
}

int RunsPanel::extraStarts() const
{
    return startsSpin_->value();
}

void RunsPanel::setExtraStarts(int starts)
{
    startsSpin_->setValue(starts);
}

void RunsPanel::clearRuns()
{
    runs_.clear();
    list_->clear();
    message_->clear();
    publish();
}

QString RunsPanel::message() const
{
    return message_->text();
}

void RunsPanel::refused(const QString& why)
{
    message_->setText(why);
}

void RunsPanel::append(std::shared_ptr<RunRecord> run)
{
    runs_.push_back(std::move(run));
    const RunRecord& r = *runs_.back();
    auto* item = new QListWidgetItem(QString("run %1: %2 — final mean loss %3 — amounts: %4")
                                         .arg(runs_.size())
                                         .arg(r.name)
                                         .arg(r.targetLosses.back(), 0, 'g', 8)
                                         .arg(amountsText(r.amounts)));
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(r.visible ? Qt::Checked : Qt::Unchecked);
    {
        const QSignalBlocker block(list_);
        list_->addItem(item);
    }
    publish();
}

void RunsPanel::publish()
{
    plots_->setRuns(model_, runs_);
    emit runsChanged();
}

}  // namespace cl::ui::schedule
