#include <vtk_glew.h>
#include "ui/FigureSizeDialog.h"

#include "ui/schedule/PlotView.h"

#include <vtkContextActor.h>
#include <vtkContextInteractorStyle.h>
#include <vtkContextScene.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkNew.h>
#include <vtkRenderer.h>

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>

#include <cmath>

namespace cl::ui::schedule {

struct PlotView::Scene {
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkContextActor> actor;
    vtkNew<vtkContextInteractorStyle> style;
};

PlotView::PlotView(const QString& objectName, QWidget* parent)
    : VtkOpenGLHost(parent), scene_(std::make_unique<Scene>())
{
    setObjectName(objectName);
    setMinimumSize(320, 240);
    Scene& s = *scene_;
    s.renderer->SetBackground(1, 1, 1);
    renderWindow()->AddRenderer(s.renderer);
    s.renderer->AddViewProp(s.actor);
    s.actor->GetScene()->SetRenderer(s.renderer);
    s.style->SetScene(s.actor->GetScene());
    interactor()->SetInteractorStyle(s.style);
}

PlotView::~PlotView() = default;

void PlotView::setPopulator(ScaledScenePopulator populate, FigureTable data, QString title)
{
    populate_ = std::move(populate);
    data_ = std::move(data);
    title_ = std::move(title);
    repopulate();
}

void PlotView::repopulate()
{
    vtkContextScene* scene = scene_->actor->GetScene();
    scene->ClearItems();
    // Charts lay themselves out from the scene's size when painted; the populator only needs
    // the size for items that place text or bars at fixed positions.
    if (populate_) populate_(scene, deviceSize().width(), deviceSize().height(), devicePixelRatioF());
    requestRender();
}

void PlotView::exportFigure(const QString& path, const FigureOptions& options) const
{
    if (!populate_) throw std::runtime_error("nothing to export: the plot is empty");
    FigureOptions o = options;
    if (o.title.isEmpty()) o.title = title_;
    writeFigure(populate_, path, o, data_.columns.empty() ? nullptr : &data_);
}

void PlotView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    QAction* exportAction = menu.addAction("Export…");
    exportAction->setEnabled(bool(populate_));
    if (menu.exec(event->globalPos()) != exportAction) return;
    // Starts from the size `commutelab render --lab` uses (labFigureDefaults).
    const auto choice = askFigureExport(this, "Export figure", objectName() + ".svg", labFigureDefaults(title_));
    if (!choice) return;
    try {
        exportFigure(choice->path, choice->options);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, "Export failed", QString::fromStdString(e.what()));
    }
}

}  // namespace cl::ui::schedule
