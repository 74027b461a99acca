#include <vtk_glew.h>
#include "ui/FigureSizeDialog.h"

#include "ui/logs/FigureHost.h"

#include <vtkContextActor.h>
#include <vtkContextInteractorStyle.h>
#include <vtkContextScene.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkNew.h>
#include <vtkRenderer.h>

#include <QFileDialog>
#include <QMessageBox>
#include <QMouseEvent>

#include <cmath>
#include <exception>

namespace cl::ui::logs {

struct FigureHost::Scene {
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkContextActor> actor;
    vtkNew<vtkContextInteractorStyle> style;
    FigurePopulator populate;
    FigureTable data;
    int width = 0, height = 0;
};

FigureHost::FigureHost(QWidget* parent) : VtkOpenGLHost(parent), scene_(std::make_unique<Scene>())
{
    setMinimumSize(360, 280);
    Scene& s = *scene_;
    s.renderer->SetBackground(1, 1, 1);  // figures for papers: white, like the exported files
    renderWindow()->AddRenderer(s.renderer);
    s.renderer->AddViewProp(s.actor);
    vtkContextScene* scene = s.actor->GetScene();
    scene->SetRenderer(s.renderer);
    s.style->SetScene(scene);  // charts pan with the left button and zoom with the wheel
    interactor()->SetInteractorStyle(s.style);
}

FigureHost::~FigureHost() = default;

void FigureHost::setData(FigureTable data)
{
    scene_->data = std::move(data);
}

void FigureHost::setPopulator(FigurePopulator populate)
{
    scene_->populate = std::move(populate);
    rebuild();
}

vtkContextScene* FigureHost::scene() const
{
    return scene_->actor->GetScene();
}

int FigureHost::sceneWidth() const
{
    return deviceSize().width();
}

int FigureHost::sceneHeight() const
{
    return deviceSize().height();
}

void FigureHost::rebuild()
{
    Scene& s = *scene_;
    vtkContextScene* scene = s.actor->GetScene();
    scene->ClearItems();
    s.width = sceneWidth();
    s.height = sceneHeight();
    if (s.populate && s.width > 0 && s.height > 0) s.populate(scene, s.width, s.height, devicePixelRatioF(), true);
    requestRender();
}

bool FigureHost::exportFigure(const QString& path, const FigureOptions& options, QString* error) const
{
    if (!scene_->populate) {
        if (error) *error = tr("Nothing to export: no log is open.");
        return false;
    }
    try {
        const FigurePopulator& populate = scene_->populate;
        writeFigure(ScaledScenePopulator([&populate](vtkContextScene* scene, int w, int h, double scale) {
                        populate(scene, w, h, scale, false);
                    }),
                    path, options, scene_->data.columns.empty() ? nullptr : &scene_->data);
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
}

void FigureHost::exportWithDialog(const QString& suggestedName, const QString& title)
{
    // Starts from the size `commutelab render --log` uses (logFigureDefaults).
    const auto choice = askFigureExport(this, tr("Export figure"), suggestedName, logFigureDefaults(title));
    if (!choice) return;
    QString error;
    if (!exportFigure(choice->path, choice->options, &error)) QMessageBox::warning(this, tr("Export failed"), error);
}

void FigureHost::resizeScene(int, int)
{
    if (sceneWidth() != scene_->width || sceneHeight() != scene_->height) rebuild();
}

void FigureHost::mouseMoveEvent(QMouseEvent* event)
{
    VtkOpenGLHost::mouseMoveEvent(event);
    const double r = devicePixelRatioF();
    emit sceneHovered(QPointF(event->position().x() * r, sceneHeight() - event->position().y() * r), true);
}

void FigureHost::leaveEvent(QEvent* event)
{
    VtkOpenGLHost::leaveEvent(event);
    emit sceneHovered({}, false);
}

}  // namespace cl::ui::logs
