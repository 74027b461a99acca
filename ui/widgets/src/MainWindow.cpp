#include "ui/MainWindow.h"

#include "ui/FieldComputation.h"
#include "ui/LandscapeFigure.h"
#include "ui/LandscapeView.h"
#include "ui/LossPanel.h"
#include "ui/workspace/LinkedViews.h"
#include "ui/workspace/OptionsDialog.h"
#include "ui/workspace/OrderEffectPanel.h"
#include "ui/workspace/PointFlowsController.h"
#include "ui/workspace/TargetSelector.h"
#include "ui/workspace/WorkspaceExport.h"
#include "ui/workspace/WorkspaceHistory.h"

#include "core/FieldSampler.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QScreen>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cl::ui {

GridSpec MainWindow::defaultGrid()
{
    return GridSpec{-3, 3, -3, 3, 200};
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      lossPanel_(new LossPanel),
      views_(new LinkedViews),
      computation_(new FieldComputation(this)),
      flows_(new PointFlowsController(this)),
      optionsDialog_(new OptionsDialog(this)),
      orderEffect_(new OrderEffectPanel),
      hoverLabel_(new QLabel),
      stateLabel_(new QLabel),
      settings_(WorkspaceSettings::load()),
      rect_(defaultGrid()),
      homeRect_(defaultGrid()),
      refine_(new QTimer(this))
{
    refine_->setSingleShot(true);
    refine_->setInterval(quietMs);
    connect(refine_, &QTimer::timeout, this, [this] { request(settings_.gridSize); });
    setObjectName("mainWindow");
    setAcceptDrops(true);
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(lossPanel_);
    layout->addWidget(buildToolBar());
    layout->addWidget(views_, 1);
    setCentralWidget(central);
    auto* dock = new QDockWidget("Order effect", this);
    dock->setObjectName("orderEffectDock");
    dock->setWidget(orderEffect_);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    buildMenus();

    hoverLabel_->setObjectName("hoverLabel");
    stateLabel_->setObjectName("stateLabel");
    hoverLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(hoverLabel_, 1);
    statusBar()->addPermanentWidget(stateLabel_);
    // Fits a 1000-pixel-high screen with its panels and task bar (the status line stays visible).
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
    resize(std::min(1700, int(screen.width() * 0.95)), std::min(920, int(screen.height() * 0.9)));

    optionsDialog_->setValues(settings_.options, settings_.gridSize);
    views_->setOptions(settings_.options);
    computation_->setPreparation(
        [options = settings_.options](const auto& grid) { prepareLandscapeFigure(grid, options); });
    views_->setViewRect(rect_.xmin, rect_.xmax, rect_.ymin, rect_.ymax);
    const auto single =
        settings_.layout == "side-by-side" ? std::nullopt : landscapePanelFromName(settings_.layout.toStdString());
    setSinglePanel(single);

    connect(lossPanel_, &LossPanel::lossesChanged, this, [this] {
        recompute();  // the grid first: it is what a slider drag waits for
        flows_->setLosses(lossPanel_->l1(), lossPanel_->l2(), targetLoss());
        markModified();
    });
    connect(lossPanel_, &LossPanel::targetChanged, this, [this] {
        views_->setTargetLabel(lossPanel_->targetSelector()->label());
        flows_->setTarget(targetLoss());
        recompute();
        markModified();
    });
    connect(lossPanel_, &LossPanel::presetChosen, this, [this](const LandscapePreset& preset) {
        homeRect_ = preset.grid;
        resetView();
    });
    connect(computation_, &FieldComputation::finished, this,
            [this](std::shared_ptr<const FieldGrid> grid, quint64) { showFields(std::move(grid)); });
    connect(computation_, &FieldComputation::failed, this,
            [this](const QString& message, quint64) { stateLabel_->setText("cannot compute: " + message); });
    connect(views_, &LinkedViews::hovered, this, &MainWindow::showHover);
    connect(views_, &LinkedViews::viewRectChanged, this, &MainWindow::followRect);
    connect(views_, &LinkedViews::clicked, this, [this](double x, double y) {
        flows_->addPoint(ClickedPointSpec{x, y, dtSpin_->value()});
        stateLabel_->setText(QString("flows from θ0 = (%1, %2)…").arg(x, 0, 'g', 4).arg(y, 0, 'g', 4));
        markModified();
    });
    connect(flows_, &PointFlowsController::overlaysChanged, views_, &LinkedViews::setOverlays);
    connect(flows_, &PointFlowsController::overlaysChanged, orderEffect_, &OrderEffectPanel::setOverlays);
    connect(flows_, &PointFlowsController::failed, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(flows_, &PointFlowsController::overlaysChanged, this,
            [this](std::shared_ptr<const LandscapeOverlays> overlays) {
                // A flow failure that has gone (the loss or the point changed) no longer stays in the status bar.
                const bool failing = std::any_of(overlays->points.begin(), overlays->points.end(),
                                                 [](const auto& p) { return !p.error.empty(); });
                if (!failing && statusBar()->currentMessage().startsWith("no flows")) statusBar()->clearMessage();
        if (stateLabel_->text().startsWith("flows from"))  // "flows from θ0 …" no longer says "…" once done
            stateLabel_->setText(QString("flows from %1 point(s) shown").arg(overlays->points.size()));
            });
    connect(optionsDialog_, &OptionsDialog::optionsChanged, this, &MainWindow::setOptions);
    connect(optionsDialog_, &OptionsDialog::gridSizeChanged, this, &MainWindow::setGridSize);

    lossPanel_->apply();  // the first landscape, from the default pair
    sessionPath_.clear();
    history_ = new WorkspaceHistory([this] { return session(); },
                                    [this](const LandscapeSession& s) { restoreSnapshot(s); }, this);
    history_->reset();
    savedSession_ = session();
    setWindowModified(false);
    updateTitle();
}

MainWindow::~MainWindow() = default;

LandscapeView* MainWindow::landscapeView() const
{
    return views_->view(LandscapePanel::Bracket);
}

LandscapeView* MainWindow::view(LandscapePanel panel) const
{
    return views_->view(panel);
}

GridSpec MainWindow::gridSpec() const
{
    GridSpec g = rect_;
    g.n = settings_.gridSize;
    return g;
}

void MainWindow::recompute()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Rapid: the previous change, or the drawing of the last grid, was only just now.
    const bool rapid = now - lastChangeMs_ < quietMs || now - lastShownMs_ < quietMs;
    lastChangeMs_ = now;
    if (rapid && settings_.gridSize > previewSize) {
        request(previewSize);
        refine_->start();
    } else {
        refine_->stop();
        request(settings_.gridSize);
    }
}

void MainWindow::request(int n)
{
    if (!lossPanel_->l1() || !lossPanel_->l2()) return;
    FieldRequest request;
    request.l1 = lossPanel_->l1();
    request.l2 = lossPanel_->l2();
    request.target = lossPanel_->target();
    request.grid = gridSpec();
    request.grid.n = n;
    requestStartedMs_ = QDateTime::currentMSecsSinceEpoch();
    stateLabel_->setText("computing…");
    computation_->submit(std::move(request));
}

void MainWindow::showFields(std::shared_ptr<const FieldGrid> grid)
{
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - requestStartedMs_;
    const int n = grid ? grid->spec.n : 0;
    views_->setFields(std::move(grid));
    lastShownMs_ = QDateTime::currentMSecsSinceEpoch();
    stateLabel_->setText(QString("%1 × %1 grid in %2 s").arg(n).arg(elapsed / 1000.0, 0, 'f', 2));
}

LossPtr MainWindow::targetLoss() const
{
    if (!lossPanel_->l1() || !lossPanel_->l2()) return nullptr;
    try {
        return lossPanel_->target().asLoss({lossPanel_->l1(), lossPanel_->l2()});
    } catch (const std::exception&) {
        return nullptr;  // a target that does not fit the pair has no excess loss to show
    }
}

void MainWindow::followRect(double xmin, double xmax, double ymin, double ymax)
{
    rect_.xmin = xmin;
    rect_.xmax = xmax;
    rect_.ymin = ymin;
    rect_.ymax = ymax;
    orderEffect_->setViewWidth(xmax - xmin);
    recompute();
    markModified();
}

void MainWindow::resetView()
{
    rect_ = homeRect_;
    views_->setViewRect(rect_.xmin, rect_.xmax, rect_.ymin, rect_.ymax);
    orderEffect_->setViewWidth(rect_.xmax - rect_.xmin);
    recompute();
    markModified();
}

void MainWindow::setGridSize(int n)
{
    n = std::clamp(n, WorkspaceSettings::minGridSize, WorkspaceSettings::maxGridSize);
    if (n == settings_.gridSize) return;
    settings_.gridSize = n;
    settings_.save();
    optionsDialog_->setValues(settings_.options, n);
    recompute();
    markModified();
}

void MainWindow::setOptions(const LandscapeOptions& options)
{
    settings_.options = options;
    settings_.save();
    computation_->setPreparation([options](const auto& grid) { prepareLandscapeFigure(grid, options); });
    optionsDialog_->setValues(options, settings_.gridSize);
    views_->setOptions(options);
    markModified();
}

void MainWindow::setSinglePanel(std::optional<LandscapePanel> panel)
{
    views_->setSinglePanel(panel);
    settings_.layout = panel ? QString(landscapePanelName(*panel)) : QString("side-by-side");
    settings_.save();
    if (layoutCombo_) {
        const QSignalBlocker block(layoutCombo_);
        layoutCombo_->setCurrentIndex(panel ? 1 + int(*panel) : 0);
    }
    markModified();
}

namespace {

/// The bracket legend's name of a region, so the hover read-out and the legend agree.
QString regionLabel(Region region)
{
    switch (region) {
        case Region::Green:
            return "green: L2 then L1 lowers both";
        case Region::Purple:
            return "purple: L1 then L2 lowers both";
        case Region::Neutral:
            return "mixed signs";
        case Region::Undefined:
            break;
    }
    return "undefined";
}

}  // namespace

QString MainWindow::hoverText() const
{
    return hoverLabel_->text();
}

QString MainWindow::stateText() const
{
    return stateLabel_->text();
}

void MainWindow::showHover(double x, double y, bool inside)
{
    const auto grid = views_->fields();
    const GridSpec s = grid ? grid->spec : GridSpec{};
    if (!inside || !grid || x < s.xmin || x > s.xmax || y < s.ymin || y > s.ymax) {
        hoverLabel_->clear();
        return;
    }
    const int i = std::clamp(static_cast<int>(std::lround((x - s.xmin) / (s.xmax - s.xmin) * (s.n - 1))), 0, s.n - 1);
    const int j = std::clamp(static_cast<int>(std::lround((y - s.ymin) / (s.ymax - s.ymin) * (s.n - 1))), 0, s.n - 1);
    const std::size_t k = grid->index(i, j);
    auto num = [](double v) { return QString::number(v, 'g', 4); };
    auto pair = [&](double a, double b) { return QString("(%1, %2)").arg(num(a), num(b)); };
    hoverLabel_->setText(QString("θ = %1   L1 = %2   L2 = %3   ∇L1 = %4   ∇L2 = %5   R = %6   P = %7   region: %8")
                             .arg(pair(s.x(i), s.y(j)), num(grid->l1[k]), num(grid->l2[k]),
                                  pair(grid->g1x[k], grid->g1y[k]), pair(grid->g2x[k], grid->g2y[k]),
                                  pair(grid->rx[k], grid->ry[k]), num(grid->p[k]), regionLabel(grid->region[k])));
}

}  // namespace cl::ui
