#include "ui/logs/ParetoView.h"

#include "ui/logs/LogFigures.h"

#include "ui/logs/FigureHost.h"
#include "ui/logs/ParetoScene.h"
#include "ui/logs/TableExport.h"

#include "logs/RunPalette.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkContextScene.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace cl::ui::logs {

namespace {
QString elidedRunName(const QString& name)
{
    return name.size() <= 34 ? name : QStringLiteral("…") + name.right(33);
}

QString titleFor(const cl::logs::RunLog* log)
{
    QString title = QStringLiteral("Domain losses: base run and order interventions");
    if (log && log->metadataValue("toy")) title += QStringLiteral(" (toy model)");
    return title;
}
}  // namespace

ParetoView::ParetoView(QWidget* parent) : QWidget(parent)
{
    setObjectName("paretoView");
    auto* controls = new QWidget(this);
    auto* controlLayout = new QVBoxLayout(controls);
    auto* axes = new QFormLayout;
    xAxis_ = new QComboBox(controls);
    xAxis_->setObjectName("paretoXAxis");
    yAxis_ = new QComboBox(controls);
    yAxis_->setObjectName("paretoYAxis");
    axes->addRow(tr("X axis"), xAxis_);
    axes->addRow(tr("Y axis"), yAxis_);
    controlLayout->addLayout(axes);
    equal_ = new QCheckBox(tr("Equal axis scaling"), controls);
    equal_->setObjectName("paretoEqualAxes");
    controlLayout->addWidget(equal_);
    runBox_ = new QGroupBox(tr("Runs"), controls);
    runBox_->setObjectName("paretoRuns");
    auto* runScroll = new QScrollArea(runBox_);
    runScroll->setWidgetResizable(true);
    runScroll->setFrameShape(QFrame::NoFrame);
    auto* runList = new QWidget(runScroll);
    runLayout_ = new QVBoxLayout(runList);
    runLayout_->setContentsMargins(0, 0, 0, 0);
    runScroll->setWidget(runList);
    (new QVBoxLayout(runBox_))->addWidget(runScroll);
    runBox_->hide();  // one run needs no list
    controlLayout->addWidget(runBox_, 1);
    auto* groups = new QGroupBox(tr("Budget groups (t0, Δt)"), controls);
    auto* groupScroll = new QScrollArea(groups);  // a long run may have dozens of groups
    groupScroll->setWidgetResizable(true);
    groupScroll->setFrameShape(QFrame::NoFrame);
    auto* groupList = new QWidget(groupScroll);
    groupLayout_ = new QVBoxLayout(groupList);
    groupLayout_->setContentsMargins(0, 0, 0, 0);
    groupScroll->setWidget(groupList);
    (new QVBoxLayout(groups))->addWidget(groupScroll);
    controlLayout->addWidget(groups, 1);
    note_ = new QLabel(controls);
    note_->setObjectName("paretoNote");
    note_->setWordWrap(true);
    controlLayout->addWidget(note_);
    auto* exportFigure = new QPushButton(tr("Export figure…"), controls);
    exportFigure->setObjectName("paretoExportFigure");
    auto* exportTable = new QPushButton(tr("Export front as CSV…"), controls);
    exportTable->setObjectName("paretoExportTable");
    controlLayout->addWidget(exportFigure);
    controlLayout->addWidget(exportTable);

    plot_ = new FigureHost(this);
    plot_->setObjectName("paretoPlot");
    table_ = new QTableWidget(this);
    table_->setObjectName("paretoFrontTable");
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(false);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(controls);
    splitter->addWidget(plot_);
    splitter->addWidget(table_);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 800, 420});
    hover_ = new QLabel(this);
    hover_->setObjectName("paretoHover");
    hover_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    hover_->setMinimumHeight(hover_->fontMetrics().height() * 2);
    hover_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(hover_);

    auto axisChanged = [this] { rebuildData(); };
    connect(xAxis_, qOverload<int>(&QComboBox::currentIndexChanged), this, axisChanged);
    connect(yAxis_, qOverload<int>(&QComboBox::currentIndexChanged), this, axisChanged);
    connect(equal_, &QCheckBox::toggled, this, [this](bool on) {
        equalAxes_ = on;
        plot_->rebuild();
    });
    connect(plot_, &FigureHost::sceneHovered, this, &ParetoView::onHover);
    connect(exportFigure, &QPushButton::clicked, this,
            [this] { plot_->exportWithDialog(QStringLiteral("pareto.svg"), paretoTitle(log_.get())); });
    connect(exportTable, &QPushButton::clicked, this, [this] { exportTableWithDialog(table_, "pareto-front.csv"); });

    // Live and exported figures come from the same function; only the live one keeps its chart.
    plot_->setPopulator([this](vtkContextScene* scene, int w, int h, double scale, bool onScreen) {
        ParetoSceneOptions options;
        options.grid = !onScreen;
        options.equalAxes = equalAxes_;
        options.title = paretoTitle(log_.get());
        populateParetoScene(scene, data_, options, w, h, scale);
    });
}

ParetoView::~ParetoView() = default;

void ParetoView::setLog(std::shared_ptr<const cl::logs::RunLog> log)
{
    std::vector<ParetoRunInput> runs;
    if (log) runs.push_back({QStringLiteral("base run"), std::move(log), false, {}});
    setRuns(std::move(runs), 0);
}

void ParetoView::setRuns(std::vector<ParetoRunInput> runs, int baseRun)
{
    // The axes offer every domain of every run, base run's first, in their order.
    std::vector<std::string> names;
    auto addNames = [&names](const ParetoRunInput& r) {
        if (!r.log) return;
        for (const std::string& d : r.log->domains)
            if (std::find(names.begin(), names.end(), d) == names.end()) names.push_back(d);
    };
    baseRun_ = runs.empty() ? 0 : std::clamp(baseRun, 0, static_cast<int>(runs.size()) - 1);
    if (!runs.empty()) addNames(runs[baseRun_]);
    for (const ParetoRunInput& r : runs) addNames(r);
    std::vector<std::string> shown;
    for (int i = 0; i < xAxis_->count(); ++i) shown.push_back(xAxis_->itemText(i).toStdString());
    const bool sameDomains = !names.empty() && names == shown;
    runs_ = std::move(runs);
    log_ = runs_.empty() ? nullptr : runs_[baseRun_].log;
    if (!sameDomains) {
        hidden_.groups.clear();
        const QSignalBlocker bx(xAxis_), by(yAxis_);
        xAxis_->clear();
        yAxis_->clear();
        for (const std::string& d : names) {
            xAxis_->addItem(QString::fromStdString(d));
            yAxis_->addItem(QString::fromStdString(d));
        }
        xAxis_->setCurrentIndex(0);
        yAxis_->setCurrentIndex(std::min(1, yAxis_->count() - 1));
    }
    rebuildRunBoxes();
    rebuildData();
}

void ParetoView::setRunVisible(int run, bool visible)
{
    if (run < 0 || run >= static_cast<int>(runs_.size())) return;
    const QString name = runs_[run].name;
    hidden_.runs.erase(std::remove(hidden_.runs.begin(), hidden_.runs.end(), name), hidden_.runs.end());
    if (!visible) hidden_.runs.push_back(name);
    if (auto* box = findChild<QCheckBox*>(QStringLiteral("paretoRun%1").arg(run))) {
        const QSignalBlocker block(box);
        box->setChecked(visible);
    }
    rebuildData();
}

void ParetoView::rebuildRunBoxes()
{
    while (QLayoutItem* item = runLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    runBox_->setVisible(runs_.size() > 1);
    for (int i = 0; i < static_cast<int>(runs_.size()); ++i) {
        const QString name = runs_[i].name;
        // Long path-like names keep their ends, where runs differ; the tooltip has all of it.
        const QString shown = elidedRunName(name);
        auto* box = new QCheckBox(i == baseRun_ ? tr("%1 (base)").arg(shown) : shown);
        box->setObjectName(QStringLiteral("paretoRun%1").arg(i));
        box->setToolTip(name);
        QPixmap swatch(14, 14);
        swatch.fill(runColour(i).toQColor());
        box->setIcon(QIcon(swatch));
        box->setChecked(std::find(hidden_.runs.begin(), hidden_.runs.end(), name) == hidden_.runs.end());
        connect(box, &QCheckBox::toggled, this, [this, i](bool on) { setRunVisible(i, on); });
        runLayout_->addWidget(box);
    }
    runLayout_->addStretch(1);
}

void ParetoView::rebuildData()
{
    data_ = buildParetoData(runs_, baseRun_, xAxis_->currentText().toStdString(), yAxis_->currentText().toStdString(),
                            hidden_);
    plot_->setData(paretoTable(data_));
    rebuildGroupBoxes();
    fillFrontTable();
    QString note;
    if (data_.unplaced > 0)
        note =
            tr("%n intervention(s) not plotted: the log has neither their reached losses nor the base loss at "
               "t0 + 2Δt.",
               nullptr, data_.unplaced);
    note_->setText(note);
    plot_->rebuild();
}

void ParetoView::rebuildGroupBoxes()
{
    while (QLayoutItem* item = groupLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (std::size_t i = 0; i < data_.groups.size(); ++i) {
        const ParetoGroup& g = data_.groups[i];
        auto* box = new QCheckBox(QStringLiteral("%1  [%2]").arg(g.label).arg(g.points.size()));
        box->setObjectName(QStringLiteral("paretoGroup%1").arg(i));
        box->setChecked(g.visible);
        const std::pair<double, double> key{g.start, g.length};
        connect(box, &QCheckBox::toggled, this, [this, key](bool on) {
            auto& groups = hidden_.groups;
            groups.erase(std::remove(groups.begin(), groups.end(), key), groups.end());
            if (!on) groups.push_back(key);
            // Rebuilding the boxes from inside a box's own signal would delete the sender.
            QMetaObject::invokeMethod(this, &ParetoView::rebuildData, Qt::QueuedConnection);
        });
        groupLayout_->addWidget(box);
    }
    groupLayout_->addStretch(1);
    if (data_.groups.empty()) groupLayout_->addWidget(new QLabel(tr("no interventions in this log")));
}

void ParetoView::fillFrontTable()
{
    const QString xName = xAxis_->currentText(), yName = yAxis_->currentText();
    table_->clear();
    table_->setColumnCount(6);
    table_->setHorizontalHeaderLabels({tr("point"), tr("step / t0"), tr("Δw"), QStringLiteral("L_%1").arg(xName),
                                       QStringLiteral("L_%1").arg(yName), tr("run")});
    table_->setRowCount(static_cast<int>(data_.front.size()));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const ParetoPoint& p = data_.points[data_.front[row]];
        const auto& l = *data_.runs[p.run].log;
        QStringList cells;
        if (p.base) {
            cells << (p.run == data_.baseRun ? tr("base") : tr("checkpoint")) << number(l.checkpoints.step[p.row])
                  << QString();
        } else {
            const auto order = l.interventions.order(p.row);
            cells << QStringLiteral("%1→%2").arg(QString::fromStdString(l.domains[order.first]),
                                                 QString::fromStdString(l.domains[order.second]))
                  << number(l.interventions.start[p.row]) << number(l.interventions.deltaW[p.row]);
        }
        cells << QString::number(p.x, 'g', 10) << QString::number(p.y, 'g', 10) << data_.runs[p.run].name;
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(describePoint(data_, data_.front[row]));
            table_->setItem(row, c, item);
        }
    }
    table_->resizeColumnsToContents();
}

bool ParetoView::exportFigure(const QString& path, QString* error) const
{
    FigureOptions options;
    options.width = 1200;
    options.height = 800;
    options.dpi = 150;
    options.title = paretoTitle(log_.get());
    return plot_->exportFigure(path, options, error);
}

namespace {
vtkChartXY* chartOf(FigureHost* host)
{
    vtkContextScene* scene = host->scene();
    return scene->GetNumberOfItems() > 0 ? vtkChartXY::SafeDownCast(scene->GetItem(0)) : nullptr;
}
}  // namespace

std::optional<QPointF> ParetoView::dataToWidget(double x, double y) const
{
    vtkChartXY* chart = chartOf(plot_);
    if (!chart) return std::nullopt;
    vtkAxis* ax = chart->GetAxis(vtkAxis::BOTTOM);
    vtkAxis* ay = chart->GetAxis(vtkAxis::LEFT);
    const double dx = ax->GetMaximum() - ax->GetMinimum(), dy = ay->GetMaximum() - ay->GetMinimum();
    const double pw = ax->GetPoint2()[0] - ax->GetPoint1()[0], ph = ay->GetPoint2()[1] - ay->GetPoint1()[1];
    if (!(dx > 0 && dy > 0 && pw > 0 && ph > 0)) return std::nullopt;
    const double sx = ax->GetPoint1()[0] + (x - ax->GetMinimum()) / dx * pw;
    const double sy = ay->GetPoint1()[1] + (y - ay->GetMinimum()) / dy * ph;
    const double r = plot_->devicePixelRatioF();
    return QPointF(sx / r, (plot_->sceneHeight() - sy) / r);
}

void ParetoView::onHover(QPointF at, bool inside)
{
    vtkChartXY* chart = chartOf(plot_);
    const long index = inside ? nearestParetoPoint(chart, data_, at.x(), at.y(), 10 * plot_->devicePixelRatioF()) : -1;
    const QString text = index >= 0 ? describePoint(data_, static_cast<std::size_t>(index)) : QString();
    if (text == hover_->text()) return;
    hover_->setText(text);
    plot_->setToolTip(text);
    emit pointDescribed(text);
}

}  // namespace cl::ui::logs
