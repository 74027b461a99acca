#include "ui/schedule/PMatrixPanel.h"

#include "ui/schedule/LabFigures.h"
#include "ui/schedule/PlotView.h"
#include "ui/schedule/ScheduleCharts.h"
#include "ui/schedule/TaskBar.h"

#include "core/planner/TournamentPlanner.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

namespace cl::ui::schedule {

PMatrixPanel::PMatrixPanel(QWidget* parent)
    : QWidget(parent),
      runCombo_(new QComboBox),
      slider_(new QSlider(Qt::Horizontal)),
      timeLabel_(new QLabel),
      plot_(new PlotView("pmatrixPlot")),
      task_(new TaskBar("pmatrix"))
{
    setObjectName("pmatrixPanel");
    runCombo_->setObjectName("pmatrixRunCombo");
    slider_->setObjectName("pmatrixTimeSlider");
    timeLabel_->setObjectName("pmatrixTimeLabel");
    slider_->setRange(0, kRunSamples - 1);
    timeLabel_->setMinimumWidth(90);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel("Run"));
    row->addWidget(runCombo_);
    row->addWidget(new QLabel("time"));
    row->addWidget(slider_, 1);
    row->addWidget(timeLabel_);
    row->addWidget(task_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(plot_, 1);
    connect(runCombo_, &QComboBox::currentIndexChanged, this, &PMatrixPanel::recompute);
    connect(slider_, &QSlider::valueChanged, this, &PMatrixPanel::recompute);
    connect(runCombo_, &QComboBox::currentIndexChanged, this, &PMatrixPanel::selectionChanged);
    connect(slider_, &QSlider::valueChanged, this, &PMatrixPanel::selectionChanged);
}

void PMatrixPanel::setRuns(std::shared_ptr<const LabModel> model, std::vector<std::shared_ptr<RunRecord>> runs)
{
    model_ = std::move(model);
    runs_ = std::move(runs);
    const QSignalBlocker block(runCombo_);
    const int previous = runCombo_->currentIndex();
    runCombo_->clear();
    for (std::size_t r = 0; r < runs_.size(); ++r) runCombo_->addItem(QString("run %1").arg(r + 1));
    runCombo_->setCurrentIndex(std::clamp(previous, 0, int(runs_.size()) - 1));
    recompute();
}

int PMatrixPanel::currentRun() const
{
    return runCombo_->currentIndex();
}

int PMatrixPanel::currentSample() const
{
    return slider_->value();
}

void PMatrixPanel::showAt(int run, int index)
{
    const QSignalBlocker block(runCombo_);
    runCombo_->setCurrentIndex(run);
    slider_->setValue(index);
    recompute();
}

void PMatrixPanel::recompute()
{
    const int r = runCombo_->currentIndex();
    if (!model_ || r < 0 || std::size_t(r) >= runs_.size()) {
        task_->cancel();
        matrix_.resize(0, 0);
        timeLabel_->clear();
        plot_->setPopulator({});
        return;
    }
    const auto run = runs_[std::size_t(r)];
    const Trajectory& t = run->primary;
    const auto i = std::size_t(std::clamp(slider_->value(), 0, int(t.times.size()) - 1));
    const double time = t.times[i];
    timeLabel_->setText(QString("t = %1").arg(time, 0, 'g', 4));
    // K(K-1)/2 criteria, each with K + 4 matrix-vector products: about a second for K = 8 and
    // n = 2000, so off the GUI thread. While the slider moves, queued stale requests stop at once.
    auto model = model_;
    auto out = std::make_shared<Matrix>();
    task_->run(
        "P-matrix",
        [model, run, i, out](CancelFlag& flag) {
            if (flag.cancelRequested()) throw Cancelled();
            *out = pairwiseOrderMatrix(model->losses, *model->target, run->primary.states[i]);
        },
        [this, model, out, r, time] {
            if (model != model_) return;
            matrix_ = *out;
            time_ = time;
            LabFigure figure = pmatrixFigure(matrix_, r + 1, time_);
            plot_->setPopulator(std::move(figure.populate), std::move(figure.data), figure.title);
        });
}

}  // namespace cl::ui::schedule
