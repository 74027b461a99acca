// MainWindow's session, title and export state (the window's assembly and updates are in
// MainWindow.cpp, its menus and dialogs in MainWindowActions.cpp).

#include "ui/MainWindow.h"

#include "ui/FieldComputation.h"
#include "ui/LandscapeFigure.h"
#include "ui/LossPanel.h"
#include "ui/workspace/LinkedViews.h"
#include "ui/workspace/PointFlowsController.h"
#include "ui/workspace/TargetSelector.h"
#include "ui/workspace/WorkspaceExport.h"

#include <QAction>
#include <QCloseEvent>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>

namespace cl::ui {

void MainWindow::showError(const QString& title, const QString& message)
{
    // In the status bar and in a window-modal box that does not block the caller (or a test).
    statusBar()->showMessage(message, 15000);
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName("errorBox");
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

LandscapeSession MainWindow::session() const
{
    LandscapeSession s;
    s.l1 = lossPanel_->l1Applied().toStdString();
    s.l2 = lossPanel_->l2Applied().toStdString();
    s.target = lossPanel_->targetSelector()->spec();
    s.grid = gridSpec();
    s.options = settings_.options;
    s.points = flows_->points();
    s.descentL1 = flows_->descentL1();
    s.descentL2 = flows_->descentL2();
    const auto single = views_->singlePanel();
    s.layout = single ? std::string("single:") + landscapePanelName(*single) : "side-by-side";
    return s;
}

void MainWindow::applySession(const LandscapeSession& s)
{
    loading_ = true;
    computation_->cancel();
    refine_->stop();
    rect_ = homeRect_ = s.grid;
    settings_.gridSize = std::clamp(s.grid.n, WorkspaceSettings::minGridSize, WorkspaceSettings::maxGridSize);
    setOptions(s.options);
    setSinglePanel(singlePanelOfLayout(s.layout));
    views_->setViewRect(rect_.xmin, rect_.xmax, rect_.ymin, rect_.ymax);
    flows_->setPoints(s.points);
    if (!s.points.empty()) dtSpin_->setValue(s.points.back().dt);  // new clicks continue with it
    flows_->setDescent(s.descentL1, s.descentL2);
    for (int k = 0; k < 2; ++k) {
        const QSignalBlocker block(descentActions_[k]);
        descentActions_[k]->setChecked(k == 0 ? s.descentL1 : s.descentL2);
    }
    lossPanel_->targetSelector()->setSpec(s.target);
    lossPanel_->setExpressions(QString::fromStdString(s.l1), QString::fromStdString(s.l2));
    recompute();
    loading_ = false;
    setWindowModified(false);
}

bool MainWindow::openSession(const QString& path)
{
    try {
        applySession(loadSession(path));
    } catch (const SessionError& e) {
        showError("Cannot open session", QString::fromUtf8(e.what()));
        return false;
    }
    sessionPath_ = path;
    settings_.remember(QFileInfo(path).absoluteFilePath());
    settings_.save();
    rebuildRecentMenu();
    updateTitle();
    return true;
}

bool MainWindow::saveSessionAs(const QString& path)
{
    try {
        saveSession(session(), path);
    } catch (const SessionError& e) {
        showError("Cannot save session", QString::fromUtf8(e.what()));
        return false;
    }
    sessionPath_ = path;
    settings_.remember(QFileInfo(path).absoluteFilePath());
    settings_.save();
    rebuildRecentMenu();
    setWindowModified(false);
    updateTitle();
    statusBar()->showMessage("saved " + path, 4000);
    return true;
}

void MainWindow::markModified()
{
    if (!loading_) setWindowModified(true);
}

void MainWindow::updateTitle()
{
    const QString name = sessionPath_.isEmpty() ? QString("untitled") : QFileInfo(sessionPath_).fileName();
    setWindowTitle(QString("%1[*] — CommuteLab landscape").arg(name));
}

LandscapeFigureSpec MainWindow::figureSpec(std::vector<LandscapePanel> panels) const
{
    LandscapeFigureSpec spec;
    spec.grid = views_->fields();
    spec.panels = panels.empty() ? std::vector<LandscapePanel>{views_->singlePanel().value_or(LandscapePanel::Bracket)}
                                 : std::move(panels);
    spec.options = settings_.options;
    spec.overlays = flows_->overlays();
    spec.targetLabel = lossPanel_->targetSelector()->label().toStdString();
    spec.view = DataRect{rect_.xmin, rect_.xmax, rect_.ymin, rect_.ymax};
    return spec;
}

void MainWindow::exportFigure(const QString& path, const FigureOptions& options, std::vector<LandscapePanel> panels)
{
    exportLandscapeFigure(figureSpec(std::move(panels)), path, options);
}

void MainWindow::exportFields(const QString& path)
{
    const auto grid = views_->fields();
    if (!grid) throw std::runtime_error("no fields computed yet");
    cl::ui::exportFields(*grid, path);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    settings_.save();
    QMainWindow::closeEvent(event);
}

}  // namespace cl::ui
