#include "ui/schedule/ScheduleLabWindow.h"

#include "NamedSpinBox.h"

#include "ui/schedule/PMatrixPanel.h"
#include "ui/schedule/PlannerPanel.h"
#include "ui/schedule/RunPlots.h"
#include "ui/schedule/RunsPanel.h"
#include "ui/schedule/Table1Panel.h"
#include "ui/schedule/TaskBar.h"

#include <QCloseEvent>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cl::ui::schedule {

ScheduleLabWindow::ScheduleLabWindow(QWidget* parent)
    : QMainWindow(parent),
      domains_(namedSpinBox("domainsSpin", 2, 8, 3)),
      dimension_(namedSpinBox("dimensionSpin", 2, 2000, 100)),
      q_(new QDoubleSpinBox),
      seed_(namedSpinBox("seedSpin", 0, 2147483647, 1)),
      modelLabel_(new QLabel),
      modelTask_(new TaskBar("model")),
      tabs_(new QTabWidget),
      runs_(new RunsPanel),
      pmatrix_(new PMatrixPanel),
      table1_(new Table1Panel),
      planner_(new PlannerPanel)
{
    setObjectName("scheduleLab");
    setWindowTitle("CommuteLab — Schedule lab");
    q_->setObjectName("qSpin");
    q_->setRange(0.01, 1.0);
    q_->setDecimals(3);
    q_->setSingleStep(0.05);
    q_->setValue(0.7);
    modelLabel_->setObjectName("modelLabel");
    tabs_->setObjectName("scheduleTabs");
    auto* build = new QPushButton("Build model");
    build->setObjectName("buildModelButton");

    auto* modelRow = new QHBoxLayout;
    for (auto [label, w] : std::initializer_list<std::pair<const char*, QWidget*>>{
             {"Domains K", domains_}, {"dimension n", dimension_}, {"spectrum q (λ_j = q^j)", q_}, {"seed", seed_}}) {
        modelRow->addWidget(new QLabel(label));
        modelRow->addWidget(w);
    }
    modelRow->addWidget(build);
    modelRow->addWidget(modelTask_, 1);
    tabs_->addTab(runs_, "Runs");
    tabs_->addTab(pmatrix_, "P-matrix");
    tabs_->addTab(table1_, "Table 1");
    tabs_->addTab(planner_, "Planner");
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->addLayout(modelRow);
    layout->addWidget(modelLabel_);
    layout->addWidget(tabs_, 1);
    setCentralWidget(central);
    resize(1400, 950);

    connect(build, &QPushButton::clicked, this, [this] {
        if (maybeDiscardRuns()) buildModel();  // the new model clears the runs
    });
    connect(runs_, &RunsPanel::runsChanged, this, [this] { pmatrix_->setRuns(model_, runs_->runs()); });
    buildModel();
}

ScheduleLabWindow::~ScheduleLabWindow() = default;

bool ScheduleLabWindow::maybeDiscardRuns()
{
    const auto count = runs_->runs().size();
    if (count == 0) return true;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    if (unsavedAnswer_) {
        answer = unsavedAnswer_();
    } else {
        QMessageBox box(QMessageBox::Question, "Unsaved runs",
                        QString("Discard the %1 run(s) added? The lab keeps them only in this window.").arg(count),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName("unsavedRunsBox");
        box.setDefaultButton(QMessageBox::Cancel);
        box.setWindowModality(Qt::WindowModal);  // a sheet on this window: never hidden behind it
        answer = QMessageBox::StandardButton(box.exec());
    }
    return answer == QMessageBox::Discard;
}

void ScheduleLabWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeDiscardRuns()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

RandomQuadraticSpec ScheduleLabWindow::modelSpec() const
{
    RandomQuadraticSpec spec;
    spec.domains = domains_->value();
    spec.dimension = dimension_->value();
    spec.q = q_->value();
    spec.seed = std::uint64_t(seed_->value());
    return spec;
}

void ScheduleLabWindow::buildModel()
{
    const RandomQuadraticSpec spec = modelSpec();
    auto out = std::make_shared<std::shared_ptr<const LabModel>>();
    modelTask_->run(
        QString("Building K = %1, n = %2").arg(spec.domains).arg(spec.dimension),
        [spec, out](CancelFlag&) { *out = buildLabModel(spec); }, [this, out] { setModel(*out); },
        [this](const QString& error) { modelLabel_->setText("Model not built: " + error); });
}

void ScheduleLabWindow::setModel(std::shared_ptr<const LabModel> model)
{
    model_ = std::move(model);
    const RandomQuadraticSpec& s = model_->spec;
    modelLabel_->setText(QString("Model: K = %1 domains L_i = ½(θ−b_i)ᵀA_i(θ−b_i), n = %2, λ_j = %3^j, seed %4; "
                                 "target = mean of the K losses; mean loss at θ0 = %5")
                             .arg(s.domains)
                             .arg(s.dimension)
                             .arg(s.q)
                             .arg(s.seed)
                             .arg(model_->target->value(model_->model.theta0), 0, 'g', 6));
    runs_->setModel(model_);
    pmatrix_->setRuns(model_, runs_->runs());
    planner_->setModel(model_);
    emit modelChanged();
}

}  // namespace cl::ui::schedule
