// MainWindow's tool bar, menus, file dialogs, export and drag and drop (the window's assembly
// and state are in MainWindow.cpp).

#include "ui/MainWindow.h"
#include "ui/SaveFileName.h"

#include "ui/FigureSizeDialog.h"
#include "ui/LandscapeExport.h"
#include "ui/LandscapeView.h"
#include "ui/LossPanel.h"
#include "ui/logs/LogWindow.h"
#include "ui/schedule/ScheduleLabWindow.h"
#include "ui/workspace/FileKind.h"
#include "ui/workspace/LinkedViews.h"
#include "ui/workspace/OptionsDialog.h"
#include "ui/workspace/PointFlowsController.h"
#include "ui/workspace/SurfaceWindow.h"
#include "ui/workspace/WorkspaceExport.h"
#include "ui/workspace/WorkspaceHistory.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QToolButton>

namespace cl::ui {

namespace {

QToolButton* buttonFor(QAction* action)
{
    auto* button = new QToolButton;
    button->setDefaultAction(action);
    button->setObjectName(action->objectName() + "Button");
    return button;
}

}  // namespace

QWidget* MainWindow::buildToolBar()
{
    auto* bar = new QWidget;
    bar->setObjectName("workspaceBar");
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 2, 0, 2);
    layoutCombo_ = new QComboBox;
    layoutCombo_->setObjectName("layoutCombo");
    layoutCombo_->addItems({"2 × 2: L1, L2, bracket, P", "L1 only", "L2 only", "bracket only", "P map only"});
    connect(layoutCombo_, &QComboBox::currentIndexChanged, this, [this](int index) {
        setSinglePanel(index == 0 ? std::nullopt : std::optional(LinkedViews::panels[std::size_t(index - 1)]));
    });
    auto* reset = new QAction("Reset view", this);
    reset->setObjectName("resetViewAction");
    reset->setShortcut(QKeySequence("Ctrl+0"));
    connect(reset, &QAction::triggered, this, &MainWindow::resetView);
    dtSpin_ = new QDoubleSpinBox;
    dtSpin_->setObjectName("dtSpin");
    dtSpin_->setRange(0.001, 10);
    dtSpin_->setDecimals(3);
    dtSpin_->setSingleStep(0.05);
    dtSpin_->setValue(settings_.dt);
    dtSpin_->setToolTip("Time step Δt of the flows from a clicked point");
    connect(dtSpin_, &QDoubleSpinBox::valueChanged, this, [this](double dt) {
        settings_.dt = dt;
        settings_.save();
        if (!flows_->points().empty()) markModified();
        flows_->setDt(dt);  // every clicked point's flows follow Δt
    });
    auto* clear = new QAction("Clear points", this);
    clear->setObjectName("clearPointsAction");
    connect(clear, &QAction::triggered, this, [this] {
        flows_->clearPoints();
        markModified();
    });
    const char* names[2] = {"descentL1Action", "descentL2Action"};
    for (int k = 0; k < 2; ++k) {
        auto* action = new QAction(QString("Descent path L%1").arg(k + 1), this);
        action->setObjectName(names[k]);
        action->setCheckable(true);
        action->setToolTip(QString("Gradient descent of L%1 from every clicked point").arg(k + 1));
        connect(action, &QAction::toggled, this, [this] {
            flows_->setDescent(descentActions_[0]->isChecked(), descentActions_[1]->isChecked());
            markModified();
        });
        descentActions_[k] = action;
    }
    auto* options = new QAction("Options…", this);
    options->setObjectName("optionsAction");
    connect(options, &QAction::triggered, optionsDialog_, &QDialog::show);

    row->addWidget(new QLabel("layout"));
    row->addWidget(layoutCombo_);
    row->addWidget(buttonFor(reset));
    row->addSpacing(16);
    row->addWidget(new QLabel("click a point for its flows,  Δt (all points)"));
    row->addWidget(dtSpin_);
    row->addWidget(buttonFor(clear));
    row->addWidget(buttonFor(descentActions_[0]));
    row->addWidget(buttonFor(descentActions_[1]));
    row->addStretch(1);
    row->addWidget(buttonFor(options));
    return bar;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu("&File");
    file->setObjectName("fileMenu");
    auto add = [this](QMenu* menu, const QString& text, const char* name, QKeySequence key, auto slot) {
        QAction* action = menu->addAction(text);
        action->setObjectName(name);
        if (!key.isEmpty()) action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(file, "&Open session or log…", "openSessionAction", QKeySequence::Open, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, "Open a session (here) or an experiment log (in a log window)", {},
                                         "Sessions and logs (*.json *.csv *.jsonl);;All files (*)");
        if (!path.isEmpty()) openFile(path);
    });
    recentMenu_ = file->addMenu("Open &recent");
    recentMenu_->setObjectName("recentMenu");
    auto saveAs = [this] { askSaveAs(); };
    add(file, "&Save session", "saveSessionAction", QKeySequence::Save, [this, saveAs] {
        if (sessionPath_.isEmpty())
            saveAs();
        else
            saveSessionAs(sessionPath_);
    });
    add(file, "Save session &as…", "saveSessionAsAction", QKeySequence("Ctrl+Shift+S"), saveAs);
    file->addSeparator();
    QMenu* exportMenu = file->addMenu("&Export");
    add(exportMenu, "Current view (PNG, SVG, PDF)…", "exportViewAction", QKeySequence("Ctrl+E"),
        [this] { askExportFigure(false); });
    add(exportMenu, "Figure 1: L1 | L2 | bracket…", "exportFigure1Action", {}, [this] { askExportFigure(true); });
    add(exportMenu, "Sampled fields (VTI, CSV)…", "exportFieldsAction", {}, [this] { askExportFields(); });
    file->addSeparator();
    add(file, "Open &log…", "openLogAction", QKeySequence("Ctrl+L"), [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, "Open experiment log", {}, "Experiment logs (*.csv *.json *.jsonl)");
        if (!path.isEmpty()) openLog(path);
    });
    file->addSeparator();
    add(file, "&Quit", "quitAction", QKeySequence::Quit, [this] { close(); });

    QMenu* edit = menuBar()->addMenu("&Edit");
    edit->setObjectName("editMenu");
    QAction* undo = add(edit, "&Undo", "undoAction", QKeySequence::Undo, [this] { history_->undo(); });
    QAction* redo = add(edit, "&Redo", "redoAction", QKeySequence("Ctrl+Shift+Z"), [this] { history_->redo(); });
    // Enabled once the history exists (it is made after the menus, with the first state).
    connect(edit, &QMenu::aboutToShow, this, [this, undo, redo] {
        undo->setEnabled(history_ && history_->canUndo());
        redo->setEnabled(history_ && history_->canRedo());
    });

    QMenu* presets = menuBar()->addMenu("&Presets");
    presets->setObjectName("presetsMenu");
    for (std::size_t k = 0; k < landscapePresets().size(); ++k) {
        QAction* action = presets->addAction(QString::fromStdString(landscapePresets()[k].title));
        action->setToolTip(QString::fromStdString(landscapePresets()[k].description));
        connect(action, &QAction::triggered, this, [this, k] { lossPanel_->choosePreset(int(k)); });
    }
    QMenu* viewMenu = menuBar()->addMenu("&View");
    viewMenu->addAction(findChild<QAction*>("resetViewAction"));
    viewMenu->addAction(findChild<QAction*>("optionsAction"));
    add(viewMenu, "3-D surface…", "surfaceAction", {}, [this] { SurfaceWindow::openFor(this); });
    QMenu* tools = menuBar()->addMenu("&Tools");
    add(tools, "&Schedule lab…", "scheduleLabAction", {}, [this] { openScheduleLab(); });
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    recentMenu_->clear();
    for (const QString& path : settings_.recentSessions)
        connect(recentMenu_->addAction(path), &QAction::triggered, this, [this, path] {
            if (maybeSave()) openSession(path);
        });
    recentMenu_->setEnabled(!settings_.recentSessions.isEmpty());
}

void MainWindow::askExportFigure(bool figure1)
{
    const std::vector<LandscapePanel> panels = figure1 ? landscapeViewPanels("figure1") : std::vector<LandscapePanel>{};
    // Starts from the size `commutelab render` gives the same figure (landscapeFigureOptions).
    const auto choice = askFigureExport(this, figure1 ? "Export Figure 1" : "Export view", {},
                                        landscapeFigureOptions(figureSpec(panels)));
    if (choice) exportFigureReported(choice->path, choice->options, panels);
}

bool MainWindow::exportFigureReported(const QString& path, const FigureOptions& options,
                                      std::vector<LandscapePanel> panels)
{
    try {
        exportFigure(path, options, std::move(panels));
    } catch (const std::exception& e) {
        showError("Cannot export", QString::fromUtf8(e.what()));
        return false;
    }
    clearError({"Cannot export"});
    statusBar()->showMessage("wrote " + path, 5000);
    return true;
}

bool MainWindow::exportFieldsReported(const QString& path)
{
    try {
        exportFields(path);
    } catch (const std::exception& e) {
        showError("Cannot export", QString::fromUtf8(e.what()));
        return false;
    }
    clearError({"Cannot export"});
    statusBar()->showMessage("wrote " + path, 5000);
    return true;
}

void MainWindow::askExportFields()
{
    const QString path =
        askSaveFileName(this, "Export sampled fields", {}, "VTK image data (*.vti);;CSV (*.csv)", ".vti");
    if (path.isEmpty()) return;
    exportFieldsReported(path);
}

logs::LogWindow* MainWindow::openLog(const QString& path)
{
    auto* window = new logs::LogWindow(this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->openLog(path);
    window->show();
    window->raise();  // in front of the workspace, with any message it shows
    window->activateWindow();
    return window;
}

schedule::ScheduleLabWindow* MainWindow::openScheduleLab()
{
    if (!scheduleLab_) {
        scheduleLab_ = new schedule::ScheduleLabWindow(this);
        scheduleLab_->setAttribute(Qt::WA_DeleteOnClose);
    }
    scheduleLab_->show();
    scheduleLab_->raise();
    return scheduleLab_;
}

bool MainWindow::openFile(const QString& path)
{
    switch (fileKindOf(path)) {
        case FileKind::Session:
            return maybeSave() && openSession(path);
        case FileKind::Lab: {  // the lab asks about its own unsaved changes
            schedule::ScheduleLabWindow* lab = openScheduleLab();
            return lab->maybeSaveChanges() && lab->openLabFile(path);
        }
        case FileKind::Log:
            if (!openLog(path)) return false;
            clearError({"Cannot open"});
            return true;
        case FileKind::Missing:
            break;
    }
    showError("Cannot open", QString("cannot read %1").arg(path));
    return false;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) return event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    event->acceptProposedAction();
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) openFile(url.toLocalFile());
}

}  // namespace cl::ui
