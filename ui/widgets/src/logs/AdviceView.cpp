#include "ui/logs/AdviceView.h"

#include "ui/logs/LogFigures.h"

#include "ui/logs/AdviceScene.h"
#include "ui/logs/FigureHost.h"
#include "ui/logs/ParetoData.h"
#include "ui/logs/TableExport.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStringList>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <QFutureWatcher>

namespace cl::ui::logs {

AdviceView::AdviceView(QWidget* parent) : QWidget(parent)
{
    setObjectName("adviceView");
    caveat_ = new QLabel(QStringLiteral("⚠ ") + QString::fromUtf8(cl::logs::kOrderAdviceCaveat), this);
    caveat_->setObjectName("adviceCaveat");
    caveat_->setWordWrap(true);
    // Visible on purpose: advice read without this note would promise more than the paper does.
    caveat_->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0b84a; padding: 6px; }"));
    winWin_ = new QLabel(this);
    winWin_->setObjectName("winWinLabel");
    winWin_->setWordWrap(true);
    table_ = new QTableWidget(this);
    table_->setObjectName("adviceTable");
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->setVisible(false);
    plot_ = new FigureHost(this);
    plot_->setObjectName("advicePlot");

    auto* exportFigure = new QPushButton(tr("Export figure…"), this);
    exportFigure->setObjectName("adviceExportFigure");
    auto* exportTable = new QPushButton(tr("Export table as CSV…"), this);
    exportTable->setObjectName("adviceExportTable");
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(winWin_, 1);
    buttons->addWidget(exportFigure);
    buttons->addWidget(exportTable);

    curriculumLabel_ = new QLabel(this);
    curriculumLabel_->setObjectName("curriculumLabel");
    curriculumLabel_->setWordWrap(true);
    curriculumTable_ = new QTableWidget(this);
    curriculumTable_->setObjectName("curriculumTable");
    curriculumTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    curriculumTable_->verticalHeader()->setVisible(false);
    auto* curriculum = new QWidget(this);
    auto* curriculumLayout = new QVBoxLayout(curriculum);
    curriculumLayout->setContentsMargins(0, 0, 0, 0);
    curriculumLayout->addWidget(curriculumLabel_);
    curriculumLayout->addWidget(curriculumTable_, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(plot_);
    splitter->addWidget(table_);
    splitter->setStretchFactor(0, 1);
    splitter->setSizes({850, 550});
    auto* rows = new QSplitter(Qt::Vertical, this);
    rows->addWidget(splitter);
    rows->addWidget(curriculum);
    rows->setStretchFactor(0, 3);
    rows->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(caveat_);
    layout->addLayout(buttons);
    layout->addWidget(rows, 1);

    connect(exportFigure, &QPushButton::clicked, this,
            [this] { plot_->exportWithDialog(QStringLiteral("advice.svg"), tr("Order advice")); });
    connect(exportTable, &QPushButton::clicked, this, [this] { exportTableWithDialog(table_, "advice.csv"); });
}

AdviceView::~AdviceView() = default;

void AdviceView::setLog(std::shared_ptr<const cl::logs::RunLog> log)
{
    log_ = std::move(log);
    advice_ = log_ ? cl::logs::adviseOrder(*log_) : std::vector<cl::logs::CheckpointAdvice>{};
    auto name = [&](int k) { return QString::fromStdString(log_->domains[k]); };

    table_->clear();
    const int domains = log_ ? log_->domainCount() : 0;
    QStringList headers{tr("step")};
    for (int k = 0; k < domains; ++k)
        headers << tr("L_%1: more at the end").arg(name(k)) << tr("predicted ΔL_%1").arg(name(k));
    headers << tr("win-win");
    table_->setColumnCount(headers.size());
    table_->setHorizontalHeaderLabels(headers);
    table_->setRowCount(static_cast<int>(advice_.size()));
    QStringList winWinSteps;
    for (int row = 0; row < table_->rowCount(); ++row) {
        const auto& entry = advice_[row];
        table_->setItem(row, 0, new QTableWidgetItem(number(entry.step)));
        for (const auto& t : entry.targets) {
            const QString more = t.predictedChange < 0 ? name(t.order.second) : tr("no preference");
            table_->setItem(row, 1 + 2 * t.target, new QTableWidgetItem(more));
            table_->setItem(row, 2 + 2 * t.target, new QTableWidgetItem(number(t.predictedChange)));
        }
        QString winWin;
        if (entry.hasWinWin) {
            winWin = tr("yes: %1 first, more %2 at the end").arg(name(entry.winWin.first), name(entry.winWin.second));
            winWinSteps << number(entry.step);
            for (int c = 0; c < table_->columnCount(); ++c)
                if (auto* item = table_->item(row, c)) item->setBackground(QColor(222, 244, 226));
        }
        auto* item = new QTableWidgetItem(winWin);
        if (entry.hasWinWin) item->setBackground(QColor(222, 244, 226));
        table_->setItem(row, headers.size() - 1, item);
    }
    table_->resizeColumnsToContents();
    planCurricula();

    if (!log_)
        winWin_->setText(tr("No log open."));
    else if (advice_.empty())
        winWin_->setText(tr("This log has no P-values: nothing to advise."));
    else if (winWinSteps.isEmpty())
        winWin_->setText(tr("No win-win checkpoint: at every step some domain is predicted to lose."));
    else
        winWin_->setText(tr("<b>Win-win checkpoints</b> (one reordering predicted to lower every domain's loss): %1")
                             .arg(winWinSteps.join(QStringLiteral(", "))));

    if (!log_) {
        plot_->setPopulator({});
        plot_->rebuild();
        return;
    }
    plot_->setData(adviceTable(*log_, advice_));
    plot_->setPopulator(
        [log = log_, advice = advice_](vtkContextScene* scene, int w, int h, double scale, bool onScreen) {
            populateAdviceScene(scene, *log, advice, w, h, scale, !onScreen);
        });
}

void AdviceView::planCurricula()
{
    // Planning is a linear ordering per target and checkpoint (exact: a subset DP, 2^K·K² each),
    // so it runs on a worker and the table fills when it is done; a newer log drops an older plan.
    const std::uint64_t generation = ++planGeneration_;
    curricula_.clear();
    planning_ = log_ && log_->domainCount() >= 2;
    showCurricula();
    if (!planning_) return;
    using Plans = std::vector<cl::logs::CheckpointCurricula>;
    auto* watcher = new QFutureWatcher<Plans>(this);
    connect(watcher, &QFutureWatcher<Plans>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != planGeneration_) return;
        planning_ = false;
        curricula_ = watcher->result();
        showCurricula();
    });
    const bool exact = log_->domainCount() <= kExactDomainLimit;
    watcher->setFuture(QtConcurrent::run([log = log_, exact] {
        return cl::logs::planCurriculaFromLog(*log,
                                              exact ? cl::OrderingMethod::Exact : cl::OrderingMethod::LocalSearch);
    }));
}

void AdviceView::showCurricula()
{
    auto orderText = [&](const std::vector<int>& order) {
        QStringList names;
        for (int k : order) names << QString::fromStdString(log_->domains[k]);
        return names.join(QStringLiteral(" → "));
    };
    curriculumTable_->clear();
    const QStringList headers{tr("step"),
                              tr("target"),
                              tr("planned curriculum (first trained first)"),
                              tr("predicted gain over the worst order"),
                              tr("worst order"),
                              tr("method")};
    curriculumTable_->setColumnCount(headers.size());
    curriculumTable_->setHorizontalHeaderLabels(headers);
    int rows = 0;
    for (const auto& c : curricula_) rows += static_cast<int>(c.targets.size());
    curriculumTable_->setRowCount(rows);
    int row = 0;
    for (const auto& c : curricula_)
        for (const auto& t : c.targets) {
            const cl::LinearOrdering& o = t.ordering;
            const QStringList cells{number(c.step),          QString::fromStdString(log_->domains[t.target]),
                                    orderText(o.order),      number(o.predictedGain(1.0)),
                                    orderText(o.worstOrder), QString::fromUtf8(cl::orderingMethodName(o.method))};
            for (int col = 0; col < cells.size(); ++col)
                curriculumTable_->setItem(row, col, new QTableWidgetItem(cells[col]));
            ++row;
        }
    curriculumTable_->resizeColumnsToContents();
    if (!log_ || log_->domainCount() < 2)
        curriculumLabel_->setText(tr("Planned curriculum: no log with two or more domains."));
    else if (planning_)
        curriculumLabel_->setText(tr("Planned curriculum: planning…"));
    else if (curricula_.empty())
        curriculumLabel_->setText(
            tr("Planned curriculum: no checkpoint has P(L_a, L_b; L_k) for every pair of "
               "domains, so there is nothing to plan."));
    else
        curriculumLabel_->setText(
            tr("<b>Planned curriculum</b> per target: the order of training the domains one after another that the "
               "P-values predict best to second order (linear ordering on e = P(·,·; L_k)). Gains are lr²-scaled for "
               "one step per domain (× s² for s steps each). The caveat above applies: ") +
            QString::fromUtf8(cl::logs::kOrderAdviceCaveat).toHtmlEscaped());
}

}  // namespace cl::ui::logs
