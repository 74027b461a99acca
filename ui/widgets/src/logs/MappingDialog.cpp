#include "ui/logs/MappingDialog.h"

#include "ui/logs/ParetoData.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

namespace cl::ui::logs {

namespace {

constexpr int kSparkWidth = 120, kSparkHeight = 24;

// The series' shape at a glance: its values in file order, scaled to the box (finite values only).
QPixmap sparkline(const cl::logs::ScalarSeries& s)
{
    QPixmap pixmap(kSparkWidth, kSparkHeight);
    pixmap.fill(Qt::white);
    double lo = INFINITY, hi = -INFINITY;
    for (double v : s.values)
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    if (!(lo <= hi)) return pixmap;
    const std::size_t n = s.values.size();
    const std::size_t stride = std::max<std::size_t>(1, n / (2 * kSparkWidth));  // a few points per pixel
    QPolygonF line;
    for (std::size_t i = 0; i < n; i += stride) {
        const double v = s.values[i];
        if (!std::isfinite(v)) continue;
        const double x = n > 1 ? 2 + (kSparkWidth - 4) * double(i) / double(n - 1) : kSparkWidth / 2.0;
        const double y = hi > lo ? kSparkHeight - 3 - (kSparkHeight - 6) * (v - lo) / (hi - lo) : kSparkHeight / 2.0;
        line << QPointF(x, y);
    }
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0, 114, 178), 1.2));
    if (line.size() == 1)
        painter.drawEllipse(line.front(), 1.5, 1.5);
    else
        painter.drawPolyline(line);
    return pixmap;
}

QString stepRange(const cl::logs::ScalarSeries& s)
{
    if (s.steps.empty()) return QStringLiteral("–");
    const auto [lo, hi] = std::minmax_element(s.steps.begin(), s.steps.end());
    return QStringLiteral("%1 … %2").arg(number(*lo), number(*hi));
}

}  // namespace

MappingDialog::MappingDialog(const cl::logs::ScalarRun& run, const cl::logs::DomainMapping& current, QWidget* parent)
    : QDialog(parent)
{
    setObjectName("mappingDialog");
    setWindowTitle(tr("Series → domains: %1").arg(QString::fromStdString(run.name)));
    resize(860, 560);
    auto* intro = new QLabel(tr("Tick the series that are domain losses and name their domains. Only series on the "
                                "chosen x axis can be used together. The choice applies to every run with these "
                                "series and is saved beside the logs in commutelab-mapping.json; the logs "
                                "themselves are never written."),
                             this);
    intro->setWordWrap(true);
    axis_ = new QComboBox(this);
    axis_->setObjectName("mappingAxis");
    std::vector<std::string> axes;
    for (const auto& s : run.series)
        if (std::find(axes.begin(), axes.end(), s.axis) == axes.end()) axes.push_back(s.axis);
    for (const std::string& a : axes) axis_->addItem(QString::fromStdString(a));

    table_ = new QTableWidget(static_cast<int>(run.series.size()), 7, this);
    table_->setObjectName("mappingTable");
    table_->setHorizontalHeaderLabels(
        {tr("use"), tr("domain"), tr("series"), tr("axis"), tr("points"), tr("steps"), tr("shape")});
    table_->verticalHeader()->setVisible(false);
    table_->setIconSize(QSize(kSparkWidth, kSparkHeight));
    for (int row = 0; row < table_->rowCount(); ++row) {
        const cl::logs::ScalarSeries& s = run.series[row];
        const auto mapped = std::find_if(current.domains.begin(), current.domains.end(),
                                         [&](const auto& d) { return d.second == s.name; });
        const bool used = mapped != current.domains.end() && (current.axis.empty() || current.axis == s.axis);
        auto* use = new QTableWidgetItem;
        use->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        use->setCheckState(used ? Qt::Checked : Qt::Unchecked);
        table_->setItem(row, UseColumn, use);
        auto* domain = new QTableWidgetItem(QString::fromStdString(used ? mapped->first : s.name));
        domain->setFlags(Qt::ItemIsEditable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        table_->setItem(row, DomainColumn, domain);
        const QStringList cells{QString::fromStdString(s.name), QString::fromStdString(s.axis),
                                QString::number(s.size()), stepRange(s)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            table_->setItem(row, SeriesColumn + c, item);
        }
        auto* shape = new QTableWidgetItem;
        shape->setData(Qt::DecorationRole, sparkline(s));
        shape->setFlags(Qt::ItemIsEnabled);
        table_->setItem(row, ShapeColumn, shape);
        table_->setRowHeight(row, kSparkHeight + 6);
    }
    table_->resizeColumnsToContents();
    table_->setColumnWidth(ShapeColumn, kSparkWidth + 12);

    // Start on the axis of the current mapping, else the axis of the first ticked series.
    int axisIndex = axis_->findText(QString::fromStdString(current.axis));
    for (int row = 0; axisIndex < 0 && row < table_->rowCount(); ++row)
        if (table_->item(row, UseColumn)->checkState() == Qt::Checked)
            axisIndex = axis_->findText(table_->item(row, AxisColumn)->text());
    axis_->setCurrentIndex(std::max(0, axisIndex));

    error_ = new QLabel(this);
    error_->setObjectName("mappingError");
    error_->setStyleSheet(QStringLiteral("QLabel { color: #a94442; }"));
    error_->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &MappingDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &MappingDialog::reject);
    auto* form = new QFormLayout;
    form->addRow(tr("x axis (steps)"), axis_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(table_, 1);
    layout->addWidget(error_);
    layout->addWidget(buttons);
    connect(axis_, qOverload<int>(&QComboBox::currentIndexChanged), this, &MappingDialog::axisChanged);
    axisChanged();
}

void MappingDialog::axisChanged()
{
    const QString axis = axis_->currentText();
    for (int row = 0; row < table_->rowCount(); ++row) {
        QTableWidgetItem* use = table_->item(row, UseColumn);
        const bool onAxis = table_->item(row, AxisColumn)->text() == axis;
        use->setFlags(onAxis ? (Qt::ItemIsUserCheckable | Qt::ItemIsEnabled) : Qt::ItemIsUserCheckable);
        if (!onAxis) use->setCheckState(Qt::Unchecked);
    }
}

bool MappingDialog::choose(const QString& series, bool use, const QString& domain)
{
    for (int row = 0; row < table_->rowCount(); ++row) {
        if (table_->item(row, SeriesColumn)->text() != series) continue;
        if (!(table_->item(row, UseColumn)->flags() & Qt::ItemIsEnabled)) return false;  // another axis
        table_->item(row, UseColumn)->setCheckState(use ? Qt::Checked : Qt::Unchecked);
        if (!domain.isEmpty()) table_->item(row, DomainColumn)->setText(domain);
        return true;
    }
    return false;
}

cl::logs::DomainMapping MappingDialog::mapping() const
{
    cl::logs::DomainMapping mapping;
    mapping.axis = axis_->currentText().toStdString();
    for (int row = 0; row < table_->rowCount(); ++row)
        if (table_->item(row, UseColumn)->checkState() == Qt::Checked)
            mapping.domains.emplace_back(table_->item(row, DomainColumn)->text().trimmed().toStdString(),
                                         table_->item(row, SeriesColumn)->text().toStdString());
    return mapping;
}

void MappingDialog::accept()
{
    const cl::logs::DomainMapping m = mapping();
    std::set<std::string> names;
    QString problem;
    if (m.domains.empty()) problem = tr("Tick at least one series.");
    for (const auto& [domain, series] : m.domains) {
        if (domain.empty() || domain.find('=') != std::string::npos || domain.find(',') != std::string::npos)
            problem = tr("Series %1: a domain name must be non-empty and hold no '=' or ','.")
                          .arg(QString::fromStdString(series));
        else if (!names.insert(domain).second)
            problem = tr("Domain %1 is used twice.").arg(QString::fromStdString(domain));
    }
    if (!problem.isEmpty()) {
        error_->setText(problem);
        return;
    }
    QDialog::accept();
}

}  // namespace cl::ui::logs
