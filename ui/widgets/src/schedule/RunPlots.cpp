#include "ui/schedule/RunPlots.h"

#include "ui/schedule/LabFigures.h"
#include "ui/schedule/PlotView.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace cl::ui::schedule {

RunPlots::RunPlots(QWidget* parent)
    : QWidget(parent),
      lossPlot_(new PlotView("lossPlot")),
      planePlot_(new PlotView("planePlot")),
      pairI_(new QComboBox),
      pairJ_(new QComboBox)
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
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            redraw();
            emit pairChanged();
        });
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

int RunPlots::pairI() const
{
    return std::max(0, pairI_->currentIndex());
}

int RunPlots::pairJ() const
{
    return pairJ_->currentIndex() >= 0 ? pairJ_->currentIndex() : 1;  // before any model: the default pair (1, 2)
}

void RunPlots::redraw()
{
    const int i = std::max(0, pairI_->currentIndex()), j = std::max(0, pairJ_->currentIndex());
    LabFigure loss = lossFigure(runs_), plane = planeFigure(runs_, i, j);
    lossSeries_ = std::move(loss.series);
    planeSeries_ = std::move(plane.series);
    lossPlot_->setPopulator(std::move(loss.populate), std::move(loss.data), loss.title);
    planePlot_->setPopulator(std::move(plane.populate), std::move(plane.data), plane.title);
}

}  // namespace cl::ui::schedule
