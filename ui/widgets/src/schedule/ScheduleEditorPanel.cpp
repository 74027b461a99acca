#include "ui/schedule/ScheduleEditorPanel.h"

#include "ui/FigureSizeDialog.h"
#include "ui/schedule/LabFigures.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace cl::ui::schedule {

namespace {
QDoubleSpinBox* spin(const char* name, double lo, double hi, double value, int decimals, double step)
{
    auto* s = new QDoubleSpinBox;
    s->setObjectName(name);
    s->setRange(lo, hi);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setValue(value);
    return s;
}

QString joinWeights(const std::vector<double>& weights)
{
    QStringList parts;
    for (double w : weights) parts << QString::number(w, 'g', 12);
    return parts.join(", ");
}
}  // namespace

ScheduleEditorPanel::ScheduleEditorPanel(QWidget* parent)
    : QWidget(parent),
      editor_(new ScheduleEditor),
      presetCombo_(new QComboBox),
      horizonSpin_(spin("horizonSpin", 0.01, 1000, 3.0, 3, 0.5)),
      wSpin_(spin("interventionWSpin", 0, 1, 0.5, 3, 0.05)),
      t0Spin_(spin("interventionT0Spin", 0, 1000, 1.0, 3, 0.1)),
      dtSpin_(spin("interventionDtSpin", 0.001, 1000, 0.5, 3, 0.1)),
      dwSpin_(spin("interventionDwSpin", 0, 1, 0.2, 3, 0.05)),
      orderCombo_(new QComboBox),
      domainSpin_(new QSpinBox),
      blockOrderEdit_(new QLineEdit),
      weightsEdit_(new QLineEdit),
      errorLabel_(new QLabel)
{
    setObjectName("scheduleEditorPanel");
    presetCombo_->setObjectName("presetCombo");
    presetCombo_->addItems(
        {"Constant mix", "Sequential blocks", "Intervention (eq. 9/10)", "More of domain i at the end"});
    orderCombo_->setObjectName("interventionOrderCombo");
    orderCombo_->addItems({"12", "21"});
    domainSpin_->setObjectName("moreAtEndDomainSpin");
    domainSpin_->setRange(1, 3);
    blockOrderEdit_->setObjectName("blockOrderEdit");
    blockOrderEdit_->setPlaceholderText("1 2 3 …");
    weightsEdit_->setObjectName("segmentWeightsEdit");
    weightsEdit_->setToolTip("Weights of the selected segment, comma separated; Enter applies");
    errorLabel_->setObjectName("scheduleError");
    errorLabel_->setStyleSheet("color: #b00020;");
    errorLabel_->setWordWrap(true);

    auto* apply = new QPushButton("Apply preset");
    apply->setObjectName("applyPresetButton");
    auto* split = new QPushButton("Split");
    split->setObjectName("splitSegmentButton");
    auto* merge = new QPushButton("Merge left");
    merge->setObjectName("mergeSegmentButton");

    auto* presetRow = new QHBoxLayout;
    presetRow->addWidget(new QLabel("Horizon T"));
    presetRow->addWidget(horizonSpin_);
    presetRow->addWidget(presetCombo_, 1);
    presetRow->addWidget(apply);
    auto* params = new QHBoxLayout;
    for (auto [label, w] : std::initializer_list<std::pair<const char*, QWidget*>>{{"w", wSpin_},
                                                                                   {"t0", t0Spin_},
                                                                                   {"Δt", dtSpin_},
                                                                                   {"Δw / δ", dwSpin_},
                                                                                   {"order", orderCombo_},
                                                                                   {"domain i", domainSpin_},
                                                                                   {"blocks", blockOrderEdit_}}) {
        params->addWidget(new QLabel(label));
        params->addWidget(w);
    }
    auto* segmentRow = new QHBoxLayout;
    segmentRow->addWidget(new QLabel("Selected segment weights"));
    segmentRow->addWidget(weightsEdit_, 1);
    segmentRow->addWidget(split);
    segmentRow->addWidget(merge);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(presetRow);
    layout->addLayout(params);
    layout->addWidget(editor_, 1);
    layout->addLayout(segmentRow);
    layout->addWidget(errorLabel_);

    connect(apply, &QPushButton::clicked, this, [this] { applyPreset(Preset(presetCombo_->currentIndex())); });
    connect(split, &QPushButton::clicked, this, [this] {
        description_ = "edited";
        editor_->splitSelected();
    });
    connect(merge, &QPushButton::clicked, this, [this] {
        description_ = "edited";
        editor_->mergeSelected();
    });
    connect(editor_, &ScheduleEditor::breakpointDragged, this, [this] { description_ = "edited"; });
    connect(weightsEdit_, &QLineEdit::returnPressed, this, &ScheduleEditorPanel::commitWeights);
    connect(horizonSpin_, &QDoubleSpinBox::valueChanged, this, [this](double t) {
        editor_->setHorizon(t);
        emit changed();
    });
    connect(editor_, &ScheduleEditor::changed, this, [this] {
        presetError_.clear();
        showSelection();
        refreshError();
        emit changed();
    });
    editor_->setHorizon(horizonSpin_->value());
    showSelection();
    // Right-click ▸ Export…, as on every lab plot: the schedule as a figure (weights over time).
    editor_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(editor_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        QAction* exportAction = menu.addAction("Export…");
        exportAction->setEnabled(editor_->schedule().has_value());
        if (menu.exec(editor_->mapToGlobal(at)) != exportAction) return;
        const auto choice = askFigureExport(this, "Export figure", "schedule.svg", labFigureDefaults());
        if (!choice) return;
        try {
            exportFigure(choice->path, choice->options);
        } catch (const std::exception& e) {
            QMessageBox::warning(this, "Export failed", QString::fromStdString(e.what()));
        }
    });
}

void ScheduleEditorPanel::exportFigure(const QString& path, const FigureOptions& options) const
{
    if (!editor_->schedule()) throw std::runtime_error("the schedule is invalid: " + errorText().toStdString());
    const LabFigure figure = scheduleFigure(*editor_->schedule(), horizon());
    FigureOptions o = options;
    if (o.title.isEmpty()) o.title = figure.title;
    writeFigure(figure.populate, path, o, &figure.data);
}

void ScheduleEditorPanel::setDomainCount(int domains)
{
    domainSpin_->setRange(1, domains);
    editor_->setDomainCount(domains);
    applyPreset(ConstantMix);
}

double ScheduleEditorPanel::horizon() const
{
    return horizonSpin_->value();
}

void ScheduleEditorPanel::applyPreset(Preset preset)
{
    const int k = editor_->domainCount();
    const double T = horizonSpin_->value();
    presetCombo_->setCurrentIndex(preset);
    const QString halves = orderCombo_->currentText();
    try {
        switch (preset) {
            case ConstantMix:
                editor_->setSegments(constantMixPreset(k));
                description_ = "constant mix";
                break;
            case SequentialBlocks: {
                std::vector<int> order(static_cast<std::size_t>(k));
                std::iota(order.begin(), order.end(), 0);
                const QStringList typed =
                    blockOrderEdit_->text().split(QRegularExpression("[^0-9]+"), Qt::SkipEmptyParts);
                if (!typed.isEmpty()) {
                    if (typed.size() != k) throw ScheduleError("block order must list each of the K domains once");
                    for (int s = 0; s < k; ++s) order[std::size_t(s)] = typed[s].toInt() - 1;
                    std::vector<int> sorted = order;
                    std::sort(sorted.begin(), sorted.end());
                    for (int s = 0; s < k; ++s)
                        if (sorted[std::size_t(s)] != s)
                            throw ScheduleError("block order must list each of the K domains once");
                }
                editor_->setSegments(sequentialBlocksPreset(order, T));
                description_ = "blocks " + blockOrderEdit_->text().trimmed();
                if (blockOrderEdit_->text().trimmed().isEmpty()) description_ = "sequential blocks";
                break;
            }
            case Intervention:
                editor_->setSegments(interventionPreset(k, wSpin_->value(), t0Spin_->value(), dtSpin_->value(),
                                                        dwSpin_->value(), orderCombo_->currentIndex() == 1));
                description_ = QString("intervention %1, t0 %2, Δt %3, Δw %4")
                                   .arg(halves)
                                   .arg(t0Spin_->value())
                                   .arg(dtSpin_->value())
                                   .arg(dwSpin_->value());
                break;
            case MoreAtEnd: {
                // Weights 1/K − δ (domain i early) and 1/K − δ/(K−1) (the others late) stay >= 0 only
                // for δ <= 1/K: a larger δ is clamped at once, and the message says so.
                const double largest = 1.0 / k, delta = std::min(dwSpin_->value(), largest);
                editor_->setSegments(moreAtEndPreset(k, domainSpin_->value() - 1, delta, T));
                description_ = QString("more of L%1 at the end, δ %2").arg(domainSpin_->value()).arg(delta);
                if (delta < dwSpin_->value()) {
                    presetError_ = QString("δ clamped to 1/K = %1: δ = %2 would make weights negative at K = %3")
                                       .arg(largest, 0, 'g', 4)
                                       .arg(dwSpin_->value())
                                       .arg(k);
                    refreshError();
                }
                break;
            }
        }
    } catch (const ScheduleError& e) {
        // The segments stay as they were; the message says why the preset was not applied.
        presetError_ = QString::fromStdString(e.what());
        refreshError();
    }
}

namespace {
const char* const kPresetNames[] = {"constant-mix", "sequential-blocks", "intervention", "more-at-end"};
}

LabEditorSpec ScheduleEditorPanel::state() const
{
    LabEditorSpec s;
    s.horizon = horizonSpin_->value();
    s.preset = kPresetNames[std::clamp(presetCombo_->currentIndex(), 0, 3)];
    s.w = wSpin_->value();
    s.t0 = t0Spin_->value();
    s.dt = dtSpin_->value();
    s.dw = dwSpin_->value();
    s.order = orderCombo_->currentText().toStdString();
    s.domain = domainSpin_->value();
    s.blocks = blockOrderEdit_->text().toStdString();
    s.segments = editor_->segments();
    return s;
}

void ScheduleEditorPanel::setState(const LabEditorSpec& s)
{
    for (int p = 0; p < 4; ++p)
        if (s.preset == kPresetNames[p]) presetCombo_->setCurrentIndex(p);
    horizonSpin_->setValue(s.horizon);
    wSpin_->setValue(s.w);
    t0Spin_->setValue(s.t0);
    dtSpin_->setValue(s.dt);
    dwSpin_->setValue(s.dw);
    orderCombo_->setCurrentIndex(s.order == "21" ? 1 : 0);
    domainSpin_->setValue(s.domain);
    blockOrderEdit_->setText(QString::fromStdString(s.blocks));
    editor_->setSegments(s.segments);
    description_ = "edited";
}

QString ScheduleEditorPanel::errorText() const
{
    return errorLabel_->text();
}

void ScheduleEditorPanel::showSelection()
{
    const auto& segments = editor_->segments();
    if (segments.empty()) return;
    weightsEdit_->setText(joinWeights(segments[std::size_t(editor_->selectedSegment())].weights));
}

void ScheduleEditorPanel::commitWeights()
{
    std::vector<double> weights;
    for (const QString& part : weightsEdit_->text().split(QRegularExpression("[,;\\s]+"), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double w = part.toDouble(&ok);
        weights.push_back(ok ? w : std::nan(""));
    }
    description_ = "edited";
    editor_->setSelectedWeights(weights);
}

void ScheduleEditorPanel::refreshError()
{
    errorLabel_->setText(!presetError_.isEmpty() ? presetError_ : editor_->errorText());
}

}  // namespace cl::ui::schedule
