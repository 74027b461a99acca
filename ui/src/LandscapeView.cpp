#include <vtk_glew.h>

#include "ui/LandscapeView.h"

#include "AxesItem.h"
#include "BracketArrowsItem.h"
#include "LandscapeModel.h"
#include "LegendItem.h"
#include "LevelCurvesItem.h"
#include "RegionShadingItem.h"
#include "TitleItem.h"

#include "core/Contours.h"

#include <vtkContextActor.h>
#include <vtkContextInteractorStyle.h>
#include <vtkContextScene.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkNew.h>
#include <vtkRenderer.h>

#include <QMouseEvent>

#include <cmath>

namespace cl::ui {

struct LandscapeView::Scene {
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkContextActor> actor;
    vtkNew<vtkContextInteractorStyle> style;
    vtkNew<RegionShadingItem> shading;
    vtkNew<LevelCurvesItem> curves;
    vtkNew<BracketArrowsItem> arrows;
    vtkNew<AxesItem> axes;
    vtkNew<LegendItem> legend;
    vtkNew<TitleItem> title;
    std::shared_ptr<LandscapeModel> model = std::make_shared<LandscapeModel>();

    // Items share the model; a new model is handed to all of them at once.
    void publish(std::shared_ptr<LandscapeModel> next)
    {
        model = std::move(next);
        for (LandscapeItem* item : std::initializer_list<LandscapeItem*>{shading, curves, arrows, axes, legend, title})
            item->setModel(model);
    }
};

LandscapeView::LandscapeView(QWidget* parent) : VtkOpenGLHost(parent), scene_(std::make_unique<Scene>())
{
    setObjectName("landscapeView");
    setMinimumSize(480, 360);
    Scene& s = *scene_;
    s.renderer->SetBackground(palette::background.r / 255.0, palette::background.g / 255.0,
                              palette::background.b / 255.0);
    renderWindow()->AddRenderer(s.renderer);
    s.renderer->AddViewProp(s.actor);
    vtkContextScene* scene = s.actor->GetScene();
    scene->SetRenderer(s.renderer);
    // Painted in this order: shading below, then curves, arrows, frame and text on top.
    scene->AddItem(s.shading);
    scene->AddItem(s.curves);
    scene->AddItem(s.arrows);
    scene->AddItem(s.axes);
    scene->AddItem(s.legend);
    scene->AddItem(s.title);
    s.style->SetScene(scene);
    interactor()->SetInteractorStyle(s.style);
    s.publish(s.model);
}

LandscapeView::~LandscapeView() = default;

void LandscapeView::setFields(std::shared_ptr<const FieldGrid> grid)
{
    auto next = std::make_shared<LandscapeModel>(*scene_->model);
    next->generation = scene_->model->generation + 1;
    next->grid = std::move(grid);
    next->l1Curves.clear();
    next->l2Curves.clear();
    next->summary = {};
    if (next->grid) {
        const FieldGrid& g = *next->grid;
        next->l1Curves = contourLevels(g.spec, g.l1, quantileLevels(g.l1, levelCount));
        next->l2Curves = contourLevels(g.spec, g.l2, quantileLevels(g.l2, levelCount));
        next->summary = summarize(g);
    }
    scene_->publish(std::move(next));
    update();
}

std::shared_ptr<const FieldGrid> LandscapeView::fields() const
{
    return scene_->model->grid;
}

void LandscapeView::setTitle(const QString& title, const QString& subtitle)
{
    auto next = std::make_shared<LandscapeModel>(*scene_->model);
    next->title = title.toStdString();
    next->subtitle = subtitle.toStdString();
    scene_->publish(std::move(next));
    update();
}

QPointF LandscapeView::dataToPixel(double x, double y) const
{
    const double ratio = devicePixelRatioF();
    const double w = std::round(width() * ratio), h = std::round(height() * ratio);
    const PlotLayout l = scene_->model->layout(w, h);
    return {l.sceneX(x), h - l.sceneY(y)};
}

std::optional<QPointF> LandscapeView::widgetToData(QPointF position) const
{
    const double ratio = devicePixelRatioF();
    const double w = std::round(width() * ratio), h = std::round(height() * ratio);
    const PlotLayout l = scene_->model->layout(w, h);
    const double sx = position.x() * ratio, sy = h - position.y() * ratio;
    if (!l.insidePlot(sx, sy)) return std::nullopt;
    return QPointF(l.dataX(sx), l.dataY(sy));
}

void LandscapeView::mouseMoveEvent(QMouseEvent* event)
{
    VtkOpenGLHost::mouseMoveEvent(event);
    if (const auto data = widgetToData(event->position()))
        emit hovered(data->x(), data->y(), true);
    else
        emit hovered(0, 0, false);
}

void LandscapeView::leaveEvent(QEvent* event)
{
    VtkOpenGLHost::leaveEvent(event);
    emit hovered(0, 0, false);
}

void LandscapeView::resizeGL(int w, int h)
{
    // Fonts and margins follow the device pixel ratio (it may change with the screen).
    if (scene_->model->scale != devicePixelRatioF()) {
        auto next = std::make_shared<LandscapeModel>(*scene_->model);
        next->scale = devicePixelRatioF();
        scene_->publish(std::move(next));
    }
    VtkOpenGLHost::resizeGL(w, h);
}

}  // namespace cl::ui
