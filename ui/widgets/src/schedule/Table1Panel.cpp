#include "ui/schedule/Table1Panel.h"
#include "ui/SaveFileName.h"

#include "NamedSpinBox.h"

#include "ui/schedule/LabFigures.h"
#include "ui/schedule/PlotView.h"
#include "ui/schedule/ScheduleCharts.h"
#include "ui/schedule/TaskBar.h"

#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>

#include <stdexcept>

namespace cl::ui::schedule {

namespace {
std::vector<double> parseList(const QString& text, const char* what)
{
    std::vector<double> values;
    for (const QString& part : text.split(QRegularExpression("[,;\\s]+"), Qt::SkipEmptyParts)) {
        bool ok = false;
        values.push_back(part.toDouble(&ok));
        if (!ok) throw std::invalid_argument(std::string("cannot read '") + part.toStdString() + "' in " + what);
    }
    return values;
}

}  // namespace

Table1Panel::Table1Panel(QWidget* parent)
    : QWidget(parent),
      dimension_(namedSpinBox("table1DimensionSpin", 2, 2000, 100)),
      trials_(namedSpinBox("table1TrialsSpin", 1, 100000, 50)),
      seed_(namedSpinBox("table1SeedSpin", 0, 2147483647, 1)),
      q_(new QDoubleSpinBox),
      times_(new QLineEdit("0.1, 0.3, 1")),
      steps_(new QLineEdit("0.001, 0.01, 0.1")),
      task_(new TaskBar("table1")),
      table_(new QTableWidget),
      histogram_(new PlotView("table1Histogram"))
{
    setObjectName("table1Panel");
    q_->setObjectName("table1QSpin");
    q_->setRange(0.01, 1);
    q_->setDecimals(3);
    q_->setValue(0.7);
    times_->setObjectName("table1TimesEdit");
    steps_->setObjectName("table1StepsEdit");
    table_->setObjectName("table1Table");
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto* runButton = new QPushButton("Run Table 1");
    runButton->setObjectName("table1RunButton");
    auto* csvButton = new QPushButton("Export CSV…");
    csvButton->setObjectName("table1ExportCsvButton");

    auto* fields = new QHBoxLayout;
    for (auto [label, w] : std::initializer_list<std::pair<const char*, QWidget*>>{{"n", dimension_},
                                                                                   {"trials", trials_},
                                                                                   {"seed", seed_},
                                                                                   {"q", q_},
                                                                                   {"rows t", times_},
                                                                                   {"columns Δt", steps_}}) {
        fields->addWidget(new QLabel(label));
        fields->addWidget(w, qobject_cast<QLineEdit*>(w) ? 1 : 0);
    }
    auto* actions = new QHBoxLayout;
    actions->addWidget(runButton);
    actions->addWidget(csvButton);
    actions->addWidget(task_, 1);
    auto* note = new QLabel(
        "Cell: ratio of the observed excess loss EL¹² to ½Δt²·P(L1, L2; L) — median ± half the "
        "10–90 range over trials. The paper reports ≈ 0.997 at Δt = 0.001.");
    note->setWordWrap(true);
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(table_);
    splitter->addWidget(histogram_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(fields);
    layout->addLayout(actions);
    layout->addWidget(note);
    layout->addWidget(splitter, 1);

    connect(runButton, &QPushButton::clicked, this, [this] {
        pendingCell_ = {1, 1};  // a new table starts at its first cell
        run();
    });
    connect(csvButton, &QPushButton::clicked, this, [this] {
        if (!result_) return;
        const QString path = askSaveFileName(this, "Export Table 1", "table1.csv", "CSV (*.csv)", ".csv");
        if (path.isEmpty()) return;
        try {
            exportCsv(path);
        } catch (const std::exception& e) {
            QMessageBox::warning(this, "Export failed", QString::fromStdString(e.what()));
        }
    });
    connect(table_, &QTableWidget::currentCellChanged, this, [this] {
        showHistogram();
        emit stateChanged();
    });
}

Table1Spec Table1Panel::spec() const
{
    Table1Spec s;
    s.dimension = dimension_->value();
    s.trials = trials_->value();
    s.seed = std::uint64_t(seed_->value());
    s.q = q_->value();
    s.times = parseList(times_->text(), "the rows");
    s.steps = parseList(steps_->text(), "the columns");
    return s;
}

void Table1Panel::run()
{
    Table1Spec s;
    try {
        s = spec();
    } catch (const std::exception& e) {
        QMessageBox::warning(this, "Table 1", QString::fromStdString(e.what()));
        return;
    }
    auto out = std::make_shared<Table1Result>();
    task_->run(
        "Table 1", [s, out](CancelFlag& flag) { *out = runTable1(s, &flag); }, [this, out] { show(*out); });
}

LabTable1Spec Table1Panel::labSpec() const
{
    LabTable1Spec s;
    s.dimension = dimension_->value();
    s.trials = trials_->value();
    s.seed = std::uint64_t(seed_->value());
    s.q = q_->value();
    try {
        s.times = parseList(times_->text(), "the rows");
        s.steps = parseList(steps_->text(), "the columns");
    } catch (const std::invalid_argument&) {
        // Unreadable lists are kept as the last table run (or the defaults): a file holds numbers.
        if (result_) s.times = result_->spec.times, s.steps = result_->spec.steps;
    }
    if (s.times.empty() || s.steps.empty()) s.times = LabTable1Spec{}.times, s.steps = LabTable1Spec{}.steps;
    s.computed = result_.has_value() || task_->isRunning();
    return s;
}

std::pair<int, int> Table1Panel::selectedCell() const
{
    if (!result_) return pendingCell_;
    return {std::max(0, table_->currentRow()) + 1, std::max(0, table_->currentColumn()) + 1};
}

void Table1Panel::setLabSpec(const LabTable1Spec& spec, int row, int column)
{
    const auto list = [](const std::vector<double>& values) {
        QStringList parts;
        for (double v : values) parts << QString::number(v, 'g', 17);
        return parts.join(", ");
    };
    dimension_->setValue(spec.dimension);
    trials_->setValue(spec.trials);
    seed_->setValue(int(spec.seed));
    q_->setValue(spec.q);
    times_->setText(list(spec.times));
    steps_->setText(list(spec.steps));
    task_->cancel();
    result_.reset();
    table_->clear();
    table_->setRowCount(0);
    histogram_->setPopulator({});
    pendingCell_ = {row, column};
    if (spec.computed) run();
}

QString Table1Panel::cellText(const Table1Cell& cell)
{
    return QString("%1 ± %2").arg(cell.median, 0, 'f', 3).arg((cell.p90 - cell.p10) / 2, 0, 'f', 3);
}

void Table1Panel::exportCsv(const QString& path) const
{
    if (!result_) throw std::runtime_error("no Table 1 result to export");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        throw std::runtime_error("cannot write " + path.toStdString());
    QTextStream out(&file);
    out << "t,dt,median,p10,p90,half_range,trials\n";
    for (const Table1Cell& c : result_->cells)
        out << QString::number(c.t, 'g', 17) << ',' << QString::number(c.dt, 'g', 17) << ','
            << QString::number(c.median, 'g', 17) << ',' << QString::number(c.p10, 'g', 17) << ','
            << QString::number(c.p90, 'g', 17) << ',' << QString::number((c.p90 - c.p10) / 2, 'g', 17) << ','
            << c.ratios.size() << '\n';
}

void Table1Panel::selectCell(int row, int column)
{
    table_->setCurrentCell(row, column);
    showHistogram();
}

void Table1Panel::show(Table1Result result)
{
    result_ = std::move(result);
    const auto& s = result_->spec;
    table_->clear();
    table_->setRowCount(int(s.times.size()));
    table_->setColumnCount(int(s.steps.size()));
    QStringList rows, columns;
    for (double t : s.times) rows << QString("t = %1").arg(t);
    for (double dt : s.steps) columns << QString("Δt = %1").arg(dt);
    table_->setVerticalHeaderLabels(rows);
    table_->setHorizontalHeaderLabels(columns);
    for (std::size_t r = 0; r < s.times.size(); ++r)
        for (std::size_t c = 0; c < s.steps.size(); ++c) {
            auto* item = new QTableWidgetItem(cellText(result_->cell(r, c)));
            item->setTextAlignment(Qt::AlignCenter);
            table_->setItem(int(r), int(c), item);
        }
    selectCell(pendingCell_.first - 1, pendingCell_.second - 1);
    pendingCell_ = {1, 1};
}

void Table1Panel::showHistogram()
{
    const int r = table_->currentRow(), c = table_->currentColumn();
    if (!result_ || r < 0 || c < 0) return histogram_->setPopulator({});
    const Table1Cell& cell = result_->cell(std::size_t(r), std::size_t(c));
    LabFigure figure = histogramFigure(cell);
    histogram_->setPopulator(std::move(figure.populate), std::move(figure.data), figure.title);
}

}  // namespace cl::ui::schedule
