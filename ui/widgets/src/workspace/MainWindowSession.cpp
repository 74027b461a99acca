// MainWindow's session, title and export state (the window's assembly and updates are in
// MainWindow.cpp, its menus and dialogs in MainWindowActions.cpp).

#include "ui/MainWindow.h"
#include "ui/SaveFileName.h"

#include "ui/FieldComputation.h"
#include "ui/LandscapeExport.h"
#include "ui/LandscapeFigure.h"
#include "ui/LossPanel.h"
#include "ui/schedule/ScheduleLabWindow.h"
#include "ui/workspace/LinkedViews.h"
#include "ui/workspace/OrderEffectPanel.h"
#include "ui/workspace/PointFlowsController.h"
#include "ui/workspace/TargetSelector.h"
#include "ui/workspace/WorkspaceExport.h"
#include "ui/workspace/WorkspaceHistory.h"

#include <QAction>
#include <QCloseEvent>
#include <QDoubleSpinBox>
#include <QFileDialog>
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
    if (errorBox_) errorBox_->close();  // one error box at a time: the newest
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName("errorBox");
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    errorBox_ = box;
    errorTitle_ = title;
    errorMessage_ = message;
}

void MainWindow::clearError(const QStringList& titles)
{
    if (errorTitle_.isEmpty() || !titles.contains(errorTitle_)) return;
    if (statusBar()->currentMessage() == errorMessage_) statusBar()->clearMessage();
    if (errorBox_) errorBox_->close();
    errorTitle_.clear();
    errorMessage_.clear();
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
    orderEffect_->setViewWidth(rect_.xmax - rect_.xmin);
    flows_->setPoints(s.points);
    if (!s.points.empty()) {  // new clicks continue with it; the points keep their own
        const QSignalBlocker block(dtSpin_);
        dtSpin_->setValue(s.points.back().dt);
    }
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
        applySession(loadSession(path.toStdString()));
    } catch (const SessionError& e) {
        showError("Cannot open session", QString::fromUtf8(e.what()));
        return false;
    }
    sessionPath_ = path;
    settings_.remember(QFileInfo(path).absoluteFilePath());
    settings_.save();
    rebuildRecentMenu();
    updateTitle();
    savedSession_ = session();
    history_->reset();  // undo does not reach back into the session before
    clearError({"Cannot open session", "Cannot open"});
    return true;
}

void MainWindow::restoreSnapshot(const LandscapeSession& s)
{
    const GridSpec home = homeRect_;  // Reset view keeps going where it went
    applySession(s);
    homeRect_ = home;
    setWindowModified(!(session() == savedSession_));
}

void MainWindow::askSaveAs()
{
    // A session is found again by its suffix: a name typed without one gets ".json".
    const QString path = askSaveFileName(this, "Save session as", sessionPath_, "Sessions (*.json)", ".json");
    if (path.isEmpty()) return;
    saveSessionAs(path);
}

bool MainWindow::maybeSave()
{
    if (!isWindowModified()) return true;
    history_->commit();
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    if (unsavedAnswer_) {
        answer = unsavedAnswer_();
    } else {
        const QString name =
            sessionPath_.isEmpty() ? QString("the untitled session") : QFileInfo(sessionPath_).fileName();
        QMessageBox box(QMessageBox::Question, "Unsaved changes", QString("Save the changes to %1?").arg(name),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName("unsavedChangesBox");
        box.setDefaultButton(QMessageBox::Save);
        box.setWindowModality(Qt::WindowModal);  // a sheet on this window: never hidden behind it
        answer = QMessageBox::StandardButton(box.exec());
    }
    if (answer == QMessageBox::Discard) return true;
    if (answer != QMessageBox::Save) return false;
    if (sessionPath_.isEmpty())
        askSaveAs();
    else
        saveSessionAs(sessionPath_);
    return !isWindowModified();  // saved; a cancelled or failed save keeps the window open
}

bool MainWindow::saveSessionAs(const QString& path)
{
    try {
        saveSession(session(), path.toStdString());
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
    savedSession_ = session();
    clearError({"Cannot save session"});
    statusBar()->showMessage("saved " + path, 4000);
    return true;
}

void MainWindow::markModified()
{
    if (loading_ || (history_ && history_->isRestoring())) return;
    setWindowModified(true);
    if (history_) history_->changed();
}

void MainWindow::updateTitle()
{
    const QString name = sessionPath_.isEmpty() ? QString("untitled") : QFileInfo(sessionPath_).fileName();
    setWindowTitle(QString("%1[*] — CommuteLab landscape").arg(name));
}

LandscapeFigureSpec MainWindow::figureSpec(std::vector<LandscapePanel> panels) const
{
    if (panels.empty()) panels = {views_->singlePanel().value_or(LandscapePanel::Bracket)};
    return sessionFigureSpec(session(), std::move(panels), views_->fields(), flows_->overlays());
}

void MainWindow::exportFigure(const QString& path, const FigureOptions& options, std::vector<LandscapePanel> panels)
{
    writeLandscapeFigure(figureSpec(std::move(panels)), path, options, true);
}

void MainWindow::exportFields(const QString& path)
{
    const auto grid = views_->fields();
    if (!grid) throw std::runtime_error("no fields computed yet");
    cl::ui::exportFields(*grid, path);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // The lab is this window's child: quitting would drop its runs without its own question.
    if ((scheduleLab_ && !scheduleLab_->maybeSaveChanges()) || !maybeSave()) {
        event->ignore();
        return;
    }
    settings_.save();
    QMainWindow::closeEvent(event);
}

}  // namespace cl::ui
