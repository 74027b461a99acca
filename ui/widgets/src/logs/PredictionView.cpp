#include "ui/logs/PredictionView.h"

#include "core/Correlation.h"

#include "ui/logs/LogFigures.h"

#include "ui/logs/FigureHost.h"
#include "ui/logs/ParetoData.h"
#include "ui/logs/PredictionScene.h"
#include "ui/logs/TableExport.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include <cmath>

namespace cl::ui::logs {

namespace {

QTableWidget* makeTable(QWidget* parent, const char* name)
{
    auto* table = new QTableWidget(parent);
    table->setObjectName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->setVisible(false);
    return table;
}

void setRow(QTableWidget* table, int row, const QStringList& cells)
{
    for (int c = 0; c < cells.size(); ++c) table->setItem(row, c, new QTableWidgetItem(cells[c]));
}

double correlation(const std::vector<PredictionPoint>& points)
{
    std::vector<double> predicted, observed;
    for (const auto& p : points) {
        predicted.push_back(p.predicted);
        observed.push_back(p.observed);
    }
    return cl::pearsonCorrelation(predicted, observed);
}

}  // namespace

PredictionView::PredictionView(QWidget* parent) : QWidget(parent)
{
    setObjectName("predictionView");
    summary_ = new QLabel(this);
    summary_->setObjectName("agreementLabel");
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    scaled_ = new QCheckBox(tr("Scale predictions by Δw·Δt² (Corollary 3.2's size; needs Δw and Δt in the log)"), this);
    scaled_->setObjectName("predictionScaleCheck");
    plot_ = new FigureHost(this);
    plot_->setObjectName("predictionPlot");
    cells_ = makeTable(this, "predictionTable");
    checkpoints_ = makeTable(this, "predictionCheckpointTable");

    auto* exportFigure = new QPushButton(tr("Export figure…"), this);
    exportFigure->setObjectName("predictionExportFigure");
    auto* exportCells = new QPushButton(tr("Export cells as CSV…"), this);
    exportCells->setObjectName("predictionExportTable");
    auto* exportCheckpoints = new QPushButton(tr("Export checkpoints as CSV…"), this);
    exportCheckpoints->setObjectName("predictionExportCheckpoints");
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(scaled_, 1);
    buttons->addWidget(exportFigure);
    buttons->addWidget(exportCells);
    buttons->addWidget(exportCheckpoints);

    auto* tables = new QSplitter(Qt::Vertical, this);
    tables->addWidget(checkpoints_);
    tables->addWidget(cells_);
    tables->setSizes({160, 440});
    auto* splitter = new QSplitter(this);
    splitter->addWidget(plot_);
    splitter->addWidget(tables);
    splitter->setStretchFactor(0, 1);
    splitter->setSizes({900, 520});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(scaled_, &QCheckBox::toggled, this, &PredictionView::refresh);
    connect(exportFigure, &QPushButton::clicked, this,
            [this] { plot_->exportWithDialog(QStringLiteral("prediction.svg"), predictionTitle()); });
    connect(exportCells, &QPushButton::clicked, this,
            [this] { exportTableWithDialog(cells_, "prediction-cells.csv"); });
    connect(exportCheckpoints, &QPushButton::clicked, this,
            [this] { exportTableWithDialog(checkpoints_, "prediction-checkpoints.csv"); });
}

PredictionView::~PredictionView() = default;

void PredictionView::setLog(std::shared_ptr<const cl::logs::RunLog> log)
{
    log_ = std::move(log);
    report_ = log_ ? cl::logs::comparePredictions(*log_) : cl::logs::AgreementReport{};
    const QSignalBlocker block(scaled_);
    scaled_->setEnabled(canScale());
    // Where every cell knows its Δw and Δt, P and EL differ by Δw·Δt²: scale by default.
    scaled_->setChecked(canScale());
    refresh();
}

bool PredictionView::canScale() const
{
    return log_ && canScalePredictions(*log_, report_);
}

void PredictionView::refresh()
{
    const bool scaled = scaled_->isEnabled() && scaled_->isChecked();
    const std::vector<PredictionPoint> points =
        log_ ? predictionPoints(*log_, report_, scaled) : std::vector<PredictionPoint>{};
    const bool anyStdError =
        std::any_of(points.begin(), points.end(), [](const PredictionPoint& p) { return p.stdError >= 0; });

    const int checkpoints = static_cast<int>(report_.checkpoints.size());
    QString text;
    if (!log_) {
        text = tr("No log open.");
    } else if (report_.cells.empty()) {
        // Nothing to correlate: say why instead of printing a NaN.
        text = tr("Nothing to compare: no intervention of this log has a P-value logged at its start step.");
    } else {
        text = tr("Signs of prediction and observation agree in full at <b>%1 of %2 checkpoints</b> "
                  "(%3 of %4 cells).")
                   .arg(report_.checkpointsInFullAgreement)
                   .arg(checkpoints)
                   .arg(report_.cellsAgreeing)
                   .arg(report_.cells.size());
        const double r = scaled ? correlation(points) : report_.correlation;
        text += std::isfinite(r) ? tr(" Correlation of observed with predicted: %1.").arg(number(r))
                                 : tr(" No correlation: it needs two cells and values that vary on both sides.");
        if (anyStdError) text += tr(" Bars: ± 1 standard error of P.");
    }
    if (log_ && report_.cellsWithoutPrediction > 0)
        text += tr(" %1 cell(s) had no P-value at their start step.").arg(report_.cellsWithoutPrediction);
    summary_->setText(text);

    auto name = [&](int k) { return log_ ? QString::fromStdString(log_->domains[k]) : QString(); };
    cells_->clear();
    cells_->setColumnCount(8);
    cells_->setHorizontalHeaderLabels({tr("t0"), tr("Δw"), tr("order ab"), tr("domain k"), tr("observed EL_k^ab"),
                                       scaled ? tr("predicted Δw·Δt²·P") : tr("predicted P(L_a, L_b; L_k)"), tr("± se"),
                                       tr("signs")});
    cells_->setRowCount(static_cast<int>(report_.cells.size()));
    for (std::size_t i = 0; i < report_.cells.size(); ++i) {
        const auto& c = report_.cells[i];
        setRow(
            cells_, static_cast<int>(i),
            {number(c.step), number(log_->interventions.deltaW[c.intervention]),
             QStringLiteral("%1→%2").arg(name(c.order.first), name(c.order.second)), name(c.domain), number(c.observed),
             number(points[i].predicted), points[i].stdError >= 0 ? number(points[i].stdError) : QString(),
             c.agrees ? tr("agree") : tr("differ")});
    }
    cells_->resizeColumnsToContents();

    checkpoints_->clear();
    checkpoints_->setColumnCount(4);
    checkpoints_->setHorizontalHeaderLabels({tr("t0"), tr("cells"), tr("signs agree"), tr("in full")});
    checkpoints_->setRowCount(checkpoints);
    for (int i = 0; i < checkpoints; ++i) {
        const auto& c = report_.checkpoints[i];
        setRow(
            checkpoints_, i,
            {number(c.step), QString::number(c.cells), QString::number(c.agreeing), c.full() ? tr("yes") : tr("no")});
    }
    checkpoints_->resizeColumnsToContents();

    const QString xTitle = predictionAxisTitle(scaled);
    plot_->setData(predictionTable(points));
    plot_->setPopulator([points, xTitle](vtkContextScene* scene, int w, int h, double scale, bool onScreen) {
        populatePredictionScene(scene, points, xTitle, predictionTitle(), w, h, scale, !onScreen);
    });
}

}  // namespace cl::ui::logs
