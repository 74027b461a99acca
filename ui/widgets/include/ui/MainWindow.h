#pragma once
// The landscape workspace: the loss panel on top, the four linked landscape views below (L1, L2,
// the bracket of Figure 1c, the P map; 2×2 or one at a time), a tool bar for the layout, clicked
// points and descent paths, and a status bar with the values under the mouse. It assembles and
// connects the panels; sampling, flows and files live in their own classes.

#include "ui/FigureExport.h"
#include "ui/LandscapeOptions.h"
#include "ui/LandscapeSession.h"
#include "ui/workspace/WorkspaceSettings.h"

#include "core/FieldGrid.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

#include <functional>

#include <memory>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMenu;
class QTimer;

namespace cl::ui {

class FieldComputation;
class LandscapeView;
class LinkedViews;
class LossPanel;
class OptionsDialog;
class OrderEffectPanel;
class PointFlowsController;
class WorkspaceHistory;
struct LandscapeFigureSpec;
namespace logs {
class LogWindow;
}
namespace schedule {
class ScheduleLabWindow;
}

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The default rectangle and resolution: [-3, 3]², 200 points a side.
    static GridSpec defaultGrid();

    /// The bracket view (Figure 1c).
    LandscapeView* landscapeView() const;
    LandscapeView* view(LandscapePanel panel) const;
    LinkedViews* linkedViews() const { return views_; }
    LossPanel* lossPanel() const { return lossPanel_; }
    FieldComputation* computation() const { return computation_; }
    PointFlowsController* flows() const { return flows_; }
    OptionsDialog* optionsDialog() const { return optionsDialog_; }
    OrderEffectPanel* orderEffectPanel() const { return orderEffect_; }
    /// The status bar's read-out of the point under the mouse (empty when outside the plot).
    QString hoverText() const;
    QString stateText() const;

    /// The rectangle and resolution the views are sampled at (when idle: see previewSize).
    GridSpec gridSpec() const;
    /// While changes come faster than every `quietMs` (a slider or a pan being dragged), grids
    /// finer than this are sampled at this resolution; the full one follows once it is quiet.
    /// 512² still updates at more than 30 frames/s while dragging (tools/gui-bench).
    static constexpr int previewSize = 512;
    static constexpr int quietMs = 250;
    void setGridSize(int n);
    LandscapeOptions options() const { return settings_.options; }
    void setOptions(const LandscapeOptions& options);
    /// nullopt: the 2×2 grid; a panel: that one alone.
    void setSinglePanel(std::optional<LandscapePanel> panel);
    void resetView();

    LandscapeSession session() const;
    void applySession(const LandscapeSession& session);
    /// Errors go to the status bar and a non-blocking message box; false then. Does not ask
    /// about unsaved changes (openFile and the menus do).
    bool openSession(const QString& path);
    /// A file from outside (command line, drop, Ctrl+O), by its content: a session opens here
    /// (after asking about unsaved changes), a log in a log window. False when nothing opened.
    bool openFile(const QString& path);
    /// With unsaved changes: asks Save / Discard / Cancel. True when the caller may go on
    /// (saved, discarded, or nothing to save).
    bool maybeSave();
    /// Tests answer the Save / Discard / Cancel question through this instead of a dialog.
    void setUnsavedChangesAnswer(std::function<QMessageBox::StandardButton()> answer)
    {
        unsavedAnswer_ = std::move(answer);
    }
    WorkspaceHistory* history() const { return history_; }
    bool saveSessionAs(const QString& path);
    QString sessionPath() const { return sessionPath_; }

    /// The figure of `panels` (empty: the current view) as Export writes it: sessionFigureSpec of
    /// session() over the fields and overlays on screen, so `commutelab render --session` of the
    /// saved session draws the same.
    LandscapeFigureSpec figureSpec(std::vector<LandscapePanel> panels) const;
    /// `panels` empty: the current view. Writes the fields behind it beside it as CSV
    /// (figureDataPath). Throws as writeFigure does.
    void exportFigure(const QString& path, const FigureOptions& options, std::vector<LandscapePanel> panels = {});
    void exportFields(const QString& path);
    /// The same as the Export menu does them: "wrote PATH" in the status bar (and an earlier
    /// export error taken away), or the error in the status bar and a box. False on failure.
    bool exportFigureReported(const QString& path, const FigureOptions& options,
                              std::vector<LandscapePanel> panels = {});
    bool exportFieldsReported(const QString& path);
    /// The error box shown now (null when none is open): it closes once its cause is fixed.
    QMessageBox* errorBox() const { return errorBox_; }

    logs::LogWindow* openLog(const QString& path);
    schedule::ScheduleLabWindow* openScheduleLab();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QWidget* buildToolBar();
    void buildMenus();
    void rebuildRecentMenu();
    void recompute();
    void request(int n);
    void showFields(std::shared_ptr<const FieldGrid> grid);
    void showHover(double x, double y, bool inside);
    void followRect(double xmin, double xmax, double ymin, double ymax);
    /// The target as a loss over the current pair (null before the first pair).
    LossPtr targetLoss() const;
    void markModified();
    /// Applies an undo/redo snapshot; the title's * says whether it differs from the saved file.
    void restoreSnapshot(const LandscapeSession& s);
    void askSaveAs();
    void showError(const QString& title, const QString& message);
    /// Takes away the error shown with one of these titles (status bar text and box): its cause
    /// is fixed (a later export, open or save succeeded).
    void clearError(const QStringList& titles);
    void updateTitle();
    void askExportFigure(bool figure1);
    void askExportFields();

    LossPanel* lossPanel_;
    LinkedViews* views_;
    FieldComputation* computation_;
    PointFlowsController* flows_;
    OptionsDialog* optionsDialog_;
    OrderEffectPanel* orderEffect_;
    QLabel* hoverLabel_;
    QLabel* stateLabel_;
    QComboBox* layoutCombo_ = nullptr;
    QDoubleSpinBox* dtSpin_ = nullptr;
    QAction* descentActions_[2] = {nullptr, nullptr};
    QMenu* recentMenu_ = nullptr;
    QPointer<schedule::ScheduleLabWindow> scheduleLab_;

    WorkspaceSettings settings_;
    GridSpec rect_;      // the rectangle shown and sampled (n = settings_.gridSize)
    GridSpec homeRect_;  // what Reset view returns to (the preset's or the session's)
    QString sessionPath_;
    bool loading_ = false;
    qint64 requestStartedMs_ = 0;
    qint64 lastChangeMs_ = 0;
    qint64 lastShownMs_ = 0;
    QTimer* refine_;
    WorkspaceHistory* history_ = nullptr;
    LandscapeSession savedSession_;  // what the file holds (or the start state when untitled)
    std::function<QMessageBox::StandardButton()> unsavedAnswer_;
    QPointer<QMessageBox> errorBox_;  // the last error's box, while open
    QString errorTitle_, errorMessage_;
};

}  // namespace cl::ui
