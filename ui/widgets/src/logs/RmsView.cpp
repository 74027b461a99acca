#include "ui/logs/RmsView.h"

#include "ui/logs/FigureHost.h"
#include "ui/logs/LogFigures.h"
#include "ui/logs/ParetoData.h"
#include "ui/logs/RmsScene.h"
#include "ui/logs/TableExport.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace cl::ui::logs {

namespace {
const QString kTitle = rmsTitle();  // the command line draws the same figure (LogFigures.h)

QString fitText(const cl::logs::PowerLawFit& fit)
{
    return fit.valid() ? QString::number(fit.slope, 'f', 4) : QStringLiteral("–");
}
}  // namespace

RmsView::RmsView(QWidget* parent) : QWidget(parent)
{
    setObjectName("rmsView");
    summary_ = new QLabel(this);
    summary_->setObjectName("rmsSummary");
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    step_ = new QComboBox(this);
    step_->setObjectName("rmsStep");
    plot_ = new FigureHost(this);
    plot_->setObjectName("rmsPlot");
    table_ = new QTableWidget(this);
    table_->setObjectName("rmsFitTable");
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(false);

    auto* exportFigure = new QPushButton(tr("Export figure…"), this);
    exportFigure->setObjectName("rmsExportFigure");
    auto* exportTable = new QPushButton(tr("Export fits as CSV…"), this);
    exportTable->setObjectName("rmsExportTable");
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Step"), this));
    controls->addWidget(step_);
    controls->addStretch(1);
    controls->addWidget(exportFigure);
    controls->addWidget(exportTable);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(plot_);
    splitter->addWidget(table_);
    splitter->setStretchFactor(0, 1);
    splitter->setSizes({950, 420});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);

    connect(step_, qOverload<int>(&QComboBox::currentIndexChanged), this, &RmsView::refresh);
    connect(exportFigure, &QPushButton::clicked, this, [this] { plot_->exportWithDialog("bracket-rms.svg", kTitle); });
    connect(exportTable, &QPushButton::clicked, this,
            [this] { exportTableWithDialog(table_, "bracket-rms-fits.csv"); });
    plot_->setPopulator([this](vtkContextScene* scene, int w, int h, double scale, bool onScreen) {
        populateRmsScene(scene, data_, kTitle, w, h, scale, !onScreen);
    });
}

RmsView::~RmsView() = default;

void RmsView::setLog(std::shared_ptr<const cl::logs::RunLog> log)
{
    const QString previous = step_->currentText();
    log_ = std::move(log);
    steps_ = log_ ? rmsSteps(*log_) : std::vector<double>{};
    const QSignalBlocker block(step_);
    step_->clear();
    for (double s : steps_) step_->addItem(number(s), s);
    if (steps_.size() > 1) step_->addItem(tr("all steps"));
    // A reload of a growing log keeps the step the user chose; a new log starts at its latest.
    const int kept = step_->findText(previous);
    step_->setCurrentIndex(kept >= 0 ? kept : static_cast<int>(steps_.size()) - 1);
    refresh();
}

void RmsView::refresh()
{
    std::optional<double> step;
    const QVariant chosen = step_->currentData();
    if (chosen.isValid()) step = chosen.toDouble();
    data_ = log_ ? buildRmsData(*log_, step) : RmsData{};
    plot_->setData(rmsTable(data_));  // the CSV beside every export, as `render --data` writes it

    QString text;
    if (!log_ || log_->rms.size() == 0) {
        text = tr("This log has no bracket and gradient RMS records (the probe writes them: docs/log-format.md).");
    } else {
        text = tr("%1 tensors in %2 pair(s). ").arg(data_.fit.points).arg(data_.pairs.size());
        text += data_.fit.valid() ? tr("Fitted in log space: bracket RMS ∝ gradient RMS^<b>%1</b> (R² %2).")
                                        .arg(data_.fit.slope, 0, 'f', 4)
                                        .arg(data_.fit.rSquared, 0, 'f', 3)
                                  : tr("No fit: it needs two tensors with different gradient RMS.");
        if (data_.leftOut > 0) text += tr(" %1 row(s) with a zero or non-finite RMS left out.").arg(data_.leftOut);
    }
    summary_->setText(text);

    table_->clear();
    table_->setColumnCount(5);
    table_->setHorizontalHeaderLabels({tr("pair"), tr("tensors"), tr("slope"), tr("intercept (log10)"), tr("R²")});
    table_->setRowCount(static_cast<int>(data_.pairs.size()) + (data_.pairs.empty() ? 0 : 1));
    auto setRow = [this](int row, const QString& label, const cl::logs::PowerLawFit& fit) {
        const QStringList cells{
            label, QString::number(fit.points), fitText(fit), fit.valid() ? number(fit.intercept) : QStringLiteral("–"),
            std::isfinite(fit.rSquared) ? QString::number(fit.rSquared, 'f', 4) : QStringLiteral("–")};
        for (int c = 0; c < cells.size(); ++c) table_->setItem(row, c, new QTableWidgetItem(cells[c]));
    };
    for (std::size_t i = 0; i < data_.pairs.size(); ++i)
        setRow(static_cast<int>(i), data_.pairs[i].label, data_.pairs[i].fit);
    if (!data_.pairs.empty()) setRow(static_cast<int>(data_.pairs.size()), tr("all pairs"), data_.fit);
    table_->resizeColumnsToContents();
    plot_->rebuild();
}

bool RmsView::exportFigure(const QString& path, QString* error) const
{
    FigureOptions options;
    options.width = 1200;
    options.height = 800;
    options.dpi = 150;
    options.title = kTitle;
    return plot_->exportFigure(path, options, error);
}

}  // namespace cl::ui::logs
