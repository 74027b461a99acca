#include "ui/schedule/RunPlots.h"

#include "ui/schedule/PlotView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace cl::ui::schedule {

namespace {
// Run r is drawn solid, dashed, dotted, dash-dotted, then again.
int lineTypeOf(int run)
{
    return 1 + run % 4;
}
}  // namespace

RunPlots::RunPlots(QWidget* parent)
    : QWidget(parent), lossPlot_(new PlotView("lossPlot")), planePlot_(new PlotView("planePlot")),
      pairI_(new QComboBox), pairJ_(new QComboBox)
{
    setObjectName("runPlots");
    pairI_->setObjectName("pairICombo");
    pairJ_->setObjectName("pairJCombo");
    auto* planeBox = new QWidget;
    auto* pairRow = new QHBoxLayout;
    pairRow->addWidget(new QLabel("Loss plane: x ="));
    pairRow->addWidget(pairI_);
    pairRow->addWidget(new QLabel("y ="));
    pairRow->addWidget(pairJ_);
    pairRow->addStretch(1);
    auto* planeLayout = new QVBoxLayout(planeBox);
    planeLayout->setContentsMargins(0, 0, 0, 0);
    planeLayout->addLayout(pairRow);
    planeLayout->addWidget(planePlot_, 1);
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(lossPlot_);
    splitter->addWidget(planeBox);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    for (QComboBox* combo : {pairI_, pairJ_})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
}

void RunPlots::setRuns(std::shared_ptr<const LabModel> model, std::vector<std::shared_ptr<RunRecord>> runs)
{
    const bool newModel = model != model_;
    model_ = std::move(model);
    runs_ = std::move(runs);
    if (newModel) {
        const QSignalBlocker bi(pairI_), bj(pairJ_);
        pairI_->clear();
        pairJ_->clear();
        for (int k = 0; model_ && k < model_->domainCount(); ++k) {
            pairI_->addItem(QString("L%1").arg(k + 1));
            pairJ_->addItem(QString("L%1").arg(k + 1));
        }
        pairI_->setCurrentIndex(0);
        pairJ_->setCurrentIndex(pairJ_->count() > 1 ? 1 : 0);
    }
    redraw();
}

void RunPlots::setPair(int i, int j)
{
    const QSignalBlocker bi(pairI_);
    pairI_->setCurrentIndex(i);
    pairJ_->setCurrentIndex(j);  // redraws
    redraw();
}

void RunPlots::redraw()
{
    lossSeries_.clear();
    planeSeries_.clear();
    const int i = std::max(0, pairI_->currentIndex()), j = std::max(0, pairJ_->currentIndex());
    std::size_t firstVisible = 0;
    while (firstVisible < runs_.size() && !runs_[firstVisible]->visible) ++firstVisible;
    for (std::size_t r = 0; r < runs_.size(); ++r) {
        const RunRecord& run = *runs_[r];
        if (!run.visible) continue;
        const QString prefix = QString("run %1: ").arg(r + 1);
        const Trajectory& p = run.primary;
        for (std::size_t k = 0; k < p.domainLosses.size(); ++k)
            lossSeries_.push_back({prefix + QString("L%1").arg(k + 1), p.times, p.domainLosses[k],
                                   domainColour(int(k)), 2.0, lineTypeOf(int(r)), false, r == 0});
        lossSeries_.push_back({prefix + "mean", p.times, run.targetLosses, QColor(20, 20, 20), 3.0,
                               lineTypeOf(int(r)), false, true});
        // The plane: θ0's trajectory, then the extra starts, all in the run's colour; start points marked.
        const QColor colour = domainColour(int(r) + 4);
        std::vector<double> sx, sy;
        auto addPath = [&](const Trajectory& t, bool legend) {
            if (t.domainLosses.size() <= std::size_t(std::max(i, j))) return;
            planeSeries_.push_back({prefix + run.name, t.domainLosses[std::size_t(i)], t.domainLosses[std::size_t(j)],
                                    colour, legend ? 2.5 : 1.5, lineTypeOf(int(r)), false, legend});
            sx.push_back(t.domainLosses[std::size_t(i)].front());
            sy.push_back(t.domainLosses[std::size_t(j)].front());
        };
        addPath(p, true);
        for (const Trajectory& t : run.extraStarts) addPath(t, false);
        // Every run starts from the same points: mark them once, in ink.
        if (r == firstVisible) planeSeries_.push_back({"starts", sx, sy, QColor(30, 30, 30), 4.0, 1, true, true});
    }
    const QString li = QString("L%1").arg(i + 1), lj = QString("L%1").arg(j + 1);
    lossPlot_->setPopulator(lossSeries_.empty() ? ScaledScenePopulator{}
                                                : xyChart({"Domain losses and mean over time", "t", "loss"}, lossSeries_),
                            xyChartTable(lossSeries_));
    planePlot_->setPopulator(planeSeries_.empty()
                                 ? ScaledScenePopulator{}
                                 : xyChart({QString("Trajectories in the (%1, %2) plane").arg(li, lj), li, lj, true}, planeSeries_),
                             xyChartTable(planeSeries_));
}

}  // namespace cl::ui::schedule
