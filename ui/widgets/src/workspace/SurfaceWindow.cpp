#include "ui/workspace/SurfaceWindow.h"
#include "ui/FigureSizeDialog.h"
#include "ui/LandscapeExport.h"
#include "ui/SurfaceFigure.h"

#include "ui/FieldComputation.h"
#include "ui/LossPanel.h"
#include "ui/MainWindow.h"
#include "ui/SurfaceView.h"
#include "ui/workspace/LinkedViews.h"
#include "ui/workspace/OptionsDialog.h"
#include "ui/workspace/WorkspaceExport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cl::ui {
namespace {

const char* const note =
    "Height = loss, rescaled so that its range is half the rectangle's width; the loss axis and the colour bar "
    "show loss values. Drag to rotate, wheel to zoom, R to reset. Export as PNG, SVG or PDF.";

}  // namespace

SurfaceWindow::SurfaceWindow(QWidget* parent)
    : QWidget(parent, Qt::Window),
      fieldCombo_(new QComboBox),
      curvesCheck_(new QCheckBox("level curves")),
      view_(new SurfaceView),
      message_(new QLabel(note))
{
    setObjectName("surfaceWindow");
    setWindowTitle("3-D surface — CommuteLab");
    fieldCombo_->setObjectName("surfaceFieldCombo");
    fieldCombo_->addItems({"L1", "L2", "target"});
    curvesCheck_->setObjectName("surfaceCurvesCheck");
    curvesCheck_->setChecked(true);
    auto* reset = new QPushButton("Reset camera");
    reset->setObjectName("surfaceResetButton");
    auto* exportButton = new QPushButton("Export figure…");
    exportButton->setObjectName("surfaceExportButton");
    exportButton->setToolTip(
        "The surface with the current camera as PNG (the OpenGL frame), or as SVG or PDF "
        "(vector triangles, real text), at a chosen size and DPI");
    message_->setObjectName("surfaceMessage");
    message_->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel("surface of"));
    bar->addWidget(fieldCombo_);
    bar->addWidget(curvesCheck_);
    bar->addStretch(1);
    bar->addWidget(reset);
    bar->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(view_, 1);
    layout->addWidget(message_);
    resize(1000, 800);

    connect(fieldCombo_, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(curvesCheck_, &QCheckBox::toggled, this,
            [this](bool on) { view_->setLevelCurves(on ? options_.contourCount : 0); });
    connect(reset, &QPushButton::clicked, view_, &SurfaceView::resetCamera);
    connect(exportButton, &QPushButton::clicked, this, &SurfaceWindow::askExport);
}

SurfaceWindow* SurfaceWindow::openFor(MainWindow* workspace)
{
    auto* window = workspace->findChild<SurfaceWindow*>(QString(), Qt::FindDirectChildrenOnly);
    if (!window) {
        window = new SurfaceWindow(workspace);
        connect(workspace->computation(), &FieldComputation::finished, window,
                [window, workspace](std::shared_ptr<const FieldGrid> grid, quint64) {
                    window->setFields(std::move(grid), workspace->lossPanel()->target());
                });
        connect(workspace->optionsDialog(), &OptionsDialog::optionsChanged, window, &SurfaceWindow::setOptions);
        window->setOptions(workspace->options());
        window->setFields(workspace->linkedViews()->fields(), workspace->lossPanel()->target());
    }
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

void SurfaceWindow::setFields(std::shared_ptr<const FieldGrid> grid, const Target& target)
{
    grid_ = std::move(grid);
    target_ = target;
    fieldCombo_->setItemText(2, QString::fromStdString("target (" + target.label + ")"));
    stale_ = true;
    if (isVisible()) refresh();
}

void SurfaceWindow::setOptions(const LandscapeOptions& options)
{
    options_ = options;
    try {
        view_->setColorMap(options.colorMap);
    } catch (const std::exception& e) {
        message_->setText(QString::fromUtf8(e.what()));
    }
    view_->setLevelCurves(curvesCheck_->isChecked() ? options.contourCount : 0);
}

void SurfaceWindow::setField(SurfaceField field)
{
    fieldCombo_->setCurrentIndex(int(field));
}

SurfaceField SurfaceWindow::field() const
{
    return SurfaceField(fieldCombo_->currentIndex());
}

void SurfaceWindow::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (stale_) refresh();
}

void SurfaceWindow::refresh()
{
    stale_ = false;
    if (!grid_) return view_->setSurface(nullptr, {});
    try {
        auto samples = std::make_shared<const SurfaceSamples>(surfaceSamples(*grid_, field(), target_));
        view_->setSurface(std::move(samples), surfaceValueName(field(), target_));
        message_->setText(note);
    } catch (const std::exception& e) {
        message_->setText("cannot draw the surface: " + QString::fromUtf8(e.what()));
    }
}

void SurfaceWindow::exportFigure(const QString& path, const FigureOptions& options)
{
    view_->exportFigure(path, options);
    if (grid_) writeFieldsCsvFile(*grid_, figureDataPath(path));  // the numbers behind it, as every export
}

void SurfaceWindow::askExport()
{
    // The size matters in every format: the camera's aspect and the text's size follow it.
    const auto choice = askFigureExport(this, "Export surface", {}, surfaceFigureDefaults());
    if (!choice) return;
    try {
        exportFigure(choice->path, choice->options);
        message_->setText("wrote " + choice->path);
    } catch (const std::exception& e) {
        message_->setText("cannot export: " + QString::fromUtf8(e.what()));
    }
}

}  // namespace cl::ui
