#include "ui/schedule/ScheduleLabWindow.h"

#include "NamedSpinBox.h"

#include "ui/SaveFileName.h"
#include "ui/schedule/PMatrixPanel.h"
#include "ui/schedule/PlannerPanel.h"
#include "ui/schedule/RunPlots.h"
#include "ui/schedule/RunsPanel.h"
#include "ui/schedule/ScheduleEditorPanel.h"
#include "ui/schedule/Table1Panel.h"
#include "ui/schedule/TaskBar.h"

#include <QAction>
#include <QCloseEvent>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <tuple>

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
    setWindowTitle("untitled lab[*] — Schedule lab — CommuteLab");
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
        // A new model clears the runs: ask only when there are runs the file does not hold.
        if (runs_->runs().empty() || maybeSaveChanges()) buildModel();
    });
    connect(runs_, &RunsPanel::runsChanged, this, [this] { pmatrix_->setRuns(model_, runs_->runs()); });
    createMenus();
    // What counts as a change: anything the lab file holds. The title follows these signals; the
    // question before losing work compares the whole lab with the file, so it never misses one.
    const auto changed = [this] { refreshTitle(); };
    connect(runs_, &RunsPanel::runsChanged, this, changed);
    connect(runs_->editorPanel(), &ScheduleEditorPanel::changed, this, changed);
    connect(runs_->plots(), &RunPlots::pairChanged, this, changed);
    connect(pmatrix_, &PMatrixPanel::selectionChanged, this, changed);
    connect(planner_, &PlannerPanel::settingsChanged, this, changed);
    connect(table1_, &Table1Panel::stateChanged, this, changed);
    connect(tabs_, &QTabWidget::currentChanged, this, changed);
    for (QSpinBox* spin : {domains_, dimension_, seed_}) connect(spin, &QSpinBox::valueChanged, this, changed);
    connect(q_, &QDoubleSpinBox::valueChanged, this, changed);
    markSaved();  // a new lab is "unmodified" until something changes
    buildModel();
}

void ScheduleLabWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu("&File");
    const auto add = [&](const QString& text, const char* name, const QKeySequence& keys, auto slot) {
        QAction* action = file->addAction(text);
        action->setObjectName(name);
        action->setShortcut(keys);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add("&Open lab…", "openLabAction", QKeySequence("Ctrl+O"), [this] {
        if (!maybeSaveChanges()) return;
        const QString path = QFileDialog::getOpenFileName(this, "Open lab", QFileInfo(path_).path(),
                                                          "Lab files (*.json);;All files (*)");
        if (!path.isEmpty()) openLabFile(path);
    });
    add("&Save lab", "saveLabAction", QKeySequence("Ctrl+S"), [this] { save(); });
    add("Save lab &as…", "saveLabAsAction", QKeySequence("Ctrl+Shift+S"), [this] { saveAs(); });
    file->addSeparator();
    add("&Close", "closeLabAction", QKeySequence("Ctrl+W"), [this] { close(); });
}

ScheduleLabWindow::~ScheduleLabWindow() = default;

LabFile ScheduleLabWindow::labFile() const
{
    LabFile lab;
    lab.model = modelSpec();
    lab.editor = runs_->editorPanel()->state();
    lab.editor.extraStarts = runs_->extraStarts();
    for (const auto& run : runs_->runs())
        lab.runs.push_back({run->name.toStdString(), run->horizon, int(run->extraStarts.size()), run->visible,
                            run->schedule->segments()});
    lab.planner = {planner_->methodName(), planner_->stageTime()};
    lab.table1 = table1_->labSpec();
    LabViews& v = lab.views;
    v.tab = tabs_->currentIndex();
    v.pairI = runs_->plots()->pairI() + 1;
    v.pairJ = runs_->plots()->pairJ() + 1;
    v.pmatrixRun = std::max(0, pmatrix_->currentRun()) + 1;
    v.pmatrixSample = pmatrix_->currentSample();
    std::tie(v.table1Row, v.table1Column) = table1_->selectedCell();
    return lab;
}

bool ScheduleLabWindow::isModified() const
{
    return !pending_ && labFile() != saved_;
}

void ScheduleLabWindow::markSaved()
{
    saved_ = labFile();
    refreshTitle();
}

void ScheduleLabWindow::refreshTitle()
{
    const QString name = path_.isEmpty() ? QString("untitled lab") : QFileInfo(path_).fileName();
    setWindowTitle(name + "[*] — Schedule lab — CommuteLab");
    setWindowModified(isModified());
}

bool ScheduleLabWindow::openLabFile(const QString& path)
{
    try {
        pending_ = std::make_unique<LabFile>(loadLabFile(path.toStdString()));
    } catch (const LabFileError& e) {
        modelLabel_->setText("Cannot open the lab file: " + QString::fromStdString(e.what()));
        if (!unsavedAnswer_)  // tests read the label instead of a dialog
            QMessageBox::warning(this, "Cannot open lab", QString::fromStdString(e.what()));
        return false;
    }
    path_ = path;
    const RandomQuadraticSpec& m = pending_->model;
    {
        const QSignalBlocker a(domains_), b(dimension_), c(q_), d(seed_);
        domains_->setValue(m.domains);
        dimension_->setValue(m.dimension);
        q_->setValue(m.q);
        seed_->setValue(int(m.seed));
    }
    buildModel();  // setModel then applies the rest (applyPending)
    return true;
}

void ScheduleLabWindow::applyPending()
{
    const LabFile lab = *pending_;
    runs_->restoreRuns(model_, lab, [this, lab] {
        runs_->plots()->setPair(lab.views.pairI - 1, lab.views.pairJ - 1);
        if (!lab.runs.empty()) pmatrix_->showAt(lab.views.pmatrixRun - 1, lab.views.pmatrixSample);
        pending_.reset();
        markSaved();
        emit labOpened();
    });
    runs_->editorPanel()->setState(lab.editor);  // after restoreRuns: setting its model resets the editor
    runs_->setExtraStarts(lab.editor.extraStarts);
    planner_->setSettings(lab.planner.method, lab.planner.stageTime);
    table1_->setLabSpec(lab.table1, lab.views.table1Row, lab.views.table1Column);
    tabs_->setCurrentIndex(lab.views.tab);
}

bool ScheduleLabWindow::saveLabFileAs(const QString& path)
{
    try {
        cl::saveLabFile(labFile(), path.toStdString());
    } catch (const LabFileError& e) {
        if (!unsavedAnswer_) QMessageBox::warning(this, "Cannot save lab", QString::fromStdString(e.what()));
        modelLabel_->setText("Not saved: " + QString::fromStdString(e.what()));
        return false;
    }
    path_ = path;
    markSaved();
    return true;
}

bool ScheduleLabWindow::save()
{
    return path_.isEmpty() ? saveAs() : saveLabFileAs(path_);
}

bool ScheduleLabWindow::saveAs()
{
    const QString path = saveNameAnswer_ ? saveNameAnswer_()
                                         : askSaveFileName(this, "Save lab", path_.isEmpty() ? "lab.json" : path_,
                                                           "Lab files (*.json)", ".json");
    return !path.isEmpty() && saveLabFileAs(path);
}

bool ScheduleLabWindow::maybeSaveChanges()
{
    if (!isModified()) return true;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    if (unsavedAnswer_) {
        answer = unsavedAnswer_();
    } else {
        QMessageBox box(QMessageBox::Question, "Unsaved lab",
                        QString("Save the changes to %1? Runs added: %2.")
                            .arg(path_.isEmpty() ? QString("this lab") : QFileInfo(path_).fileName())
                            .arg(runs_->runs().size()),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName("unsavedLabBox");
        box.setDefaultButton(QMessageBox::Save);
        box.setWindowModality(Qt::WindowModal);  // a sheet on this window: never hidden behind it
        answer = QMessageBox::StandardButton(box.exec());
    }
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

void ScheduleLabWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSaveChanges()) {
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
        [this](const QString& error) {
            pending_.reset();  // a file whose model fails (or is cancelled) stays unopened
            modelLabel_->setText("Model not built: " + error);
        });
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
    if (pending_) applyPending();
    refreshTitle();
    emit modelChanged();
}

}  // namespace cl::ui::schedule
