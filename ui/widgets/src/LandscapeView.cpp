#include "ui/LandscapeView.h"

#include "CursorItem.h"
#include "ui/LandscapeColors.h"
#include "ui/LandscapeFigure.h"

#include <vtkContextActor.h>
#include <vtkContextScene.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkNew.h>
#include <vtkRenderer.h>

#include <QMouseEvent>
#include <QWheelEvent>
#include <QtGlobal>

#include <cmath>
#include <stdexcept>

namespace cl::ui {

struct LandscapeView::Scene {
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkContextActor> actor;
    LandscapeFigureSpec spec;   // always one panel
    vtkNew<CursorItem> cursor;  // kept across rebuilds, drawn last
    // Mouse state: where the left button went down and the last drag position (widget pixels).
    bool pressed = false, dragging = false;
    QPointF pressPosition, lastPosition;
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
    s.actor->GetScene()->SetRenderer(s.renderer);
    rebuild();
}

LandscapeView::~LandscapeView() = default;

void LandscapeView::rebuild()
{
    // The scene is rebuilt from the spec at the framebuffer's size: the same function the
    // export uses, so the screen and a written figure of the same size match.
    populateScene(std::max(16, deviceSize().width()), std::max(16, deviceSize().height()));
    requestRender();
}

void LandscapeView::populateScene(int width, int height)
{
    const double ratio = devicePixelRatioF();
    vtkContextScene* scene = scene_->actor->GetScene();
    populateLandscapeFigure(scene, scene_->spec, width, height, ratio);
    scene_->cursor->setLayout(landscapePanelLayout(scene_->spec, 0, width, height, ratio));
    scene->AddItem(scene_->cursor);
}

void LandscapeView::setLinkedCursor(std::optional<QPointF> point)
{
    const auto before = scene_->cursor->point();
    const auto after = point ? std::optional(std::make_pair(point->x(), point->y())) : std::nullopt;
    if (before == after) return;
    scene_->cursor->setPoint(after);
    requestRender();  // no rebuild: only the cross hairs move
}

std::optional<QPointF> LandscapeView::linkedCursor() const
{
    const auto point = scene_->cursor->point();
    if (!point) return std::nullopt;
    return QPointF(point->first, point->second);
}

namespace {

// Whether an L1 or L2 panel would draw `next` exactly as it drew `shown`: same rectangle and
// resolution, same values and gradients of its loss. While one loss is edited the other loss's
// panel then keeps its picture instead of repainting it.
bool samePicture(LandscapePanel panel, const FieldGrid* shown, const FieldGrid* next)
{
    if (!shown || !next || (panel != LandscapePanel::L1 && panel != LandscapePanel::L2)) return false;
    if (shown->spec != next->spec) return false;
    if (panel == LandscapePanel::L1) return shown->l1 == next->l1 && shown->g1x == next->g1x && shown->g1y == next->g1y;
    return shown->l2 == next->l2 && shown->g2x == next->g2x && shown->g2y == next->g2y;
}

}  // namespace

void LandscapeView::setFields(std::shared_ptr<const FieldGrid> grid)
{
    const bool unchanged = samePicture(panel(), scene_->spec.grid.get(), grid.get());
    scene_->spec.grid = std::move(grid);
    if (!unchanged) rebuild();
}

std::shared_ptr<const FieldGrid> LandscapeView::fields() const
{
    return scene_->spec.grid;
}

void LandscapeView::setTitle(const QString& title, const QString& subtitle)
{
    scene_->spec.title = title.toStdString();
    scene_->spec.subtitle = subtitle.toStdString();
    rebuild();
}

void LandscapeView::setPanel(LandscapePanel panel)
{
    scene_->spec.panels = {panel};
    rebuild();
}

LandscapePanel LandscapeView::panel() const
{
    return scene_->spec.panels.front();
}

void LandscapeView::setOptions(const LandscapeOptions& options)
{
    // An unknown colour map name falls back to the default rather than breaking the view.
    const LandscapeOptions checked = withKnownColorMaps(options);
    if (checked.colorMap != options.colorMap || checked.divergingMap != options.divergingMap)
        qWarning("unknown colour map (%s or %s): using the default", options.colorMap.c_str(),
                 options.divergingMap.c_str());
    scene_->spec.options = checked;
    rebuild();
}

const LandscapeOptions& LandscapeView::options() const
{
    return scene_->spec.options;
}

void LandscapeView::setTargetLabel(const QString& label)
{
    scene_->spec.targetLabel = label.toStdString();
    rebuild();
}

void LandscapeView::setOverlays(std::shared_ptr<const LandscapeOverlays> overlays)
{
    scene_->spec.overlays = std::move(overlays);
    rebuild();
}

void LandscapeView::setViewRect(double xmin, double xmax, double ymin, double ymax)
{
    if (!(xmax > xmin) || !(ymax > ymin) || !std::isfinite(xmin + xmax + ymin + ymax)) return;
    scene_->spec.view = DataRect{xmin, xmax, ymin, ymax};
    rebuild();
}

void LandscapeView::resetView()
{
    double before[4];
    viewRect(before[0], before[1], before[2], before[3]);
    scene_->spec.view.reset();
    rebuild();
    double after[4];
    viewRect(after[0], after[1], after[2], after[3]);
    if (!std::equal(before, before + 4, after)) emit viewRectChanged(after[0], after[1], after[2], after[3]);
}

void LandscapeView::viewRect(double& xmin, double& xmax, double& ymin, double& ymax) const
{
    const PlotLayout l = landscapePanelLayout(scene_->spec, 0, 100, 100, 1);
    xmin = l.xmin;
    xmax = l.xmax;
    ymin = l.ymin;
    ymax = l.ymax;
}

PlotLayout LandscapeView::currentLayout() const
{
    return landscapePanelLayout(scene_->spec, 0, deviceSize().width(), deviceSize().height(), devicePixelRatioF());
}

QPointF LandscapeView::dataToPixel(double x, double y) const
{
    const PlotLayout l = currentLayout();
    return {l.sceneX(x), deviceSize().height() - l.sceneY(y)};
}

std::optional<QPointF> LandscapeView::widgetToData(QPointF position) const
{
    const double ratio = devicePixelRatioF();
    const PlotLayout l = currentLayout();
    const double sx = position.x() * ratio, sy = deviceSize().height() - position.y() * ratio;
    if (!l.insidePlot(sx, sy)) return std::nullopt;
    return QPointF(l.dataX(sx), l.dataY(sy));
}

void LandscapeView::mousePressEvent(QMouseEvent* event)
{
    // Pan, zoom and click are handled here; the scene's items take no mouse input.
    if (event->button() != Qt::LeftButton) return;
    scene_->pressed = true;
    scene_->dragging = false;
    scene_->pressPosition = scene_->lastPosition = event->position();
}

void LandscapeView::mouseMoveEvent(QMouseEvent* event)
{
    Scene& s = *scene_;
    if (s.pressed && (event->buttons() & Qt::LeftButton)) {
        if (!s.dragging && (event->position() - s.pressPosition).manhattanLength() > 4) s.dragging = true;
        if (s.dragging) {
            const PlotLayout l = currentLayout();
            const QPointF delta = (event->position() - s.lastPosition) * devicePixelRatioF();
            const double dx = -delta.x() / l.width * (l.xmax - l.xmin), dy = delta.y() / l.height * (l.ymax - l.ymin);
            s.lastPosition = event->position();
            setViewRect(l.xmin + dx, l.xmax + dx, l.ymin + dy, l.ymax + dy);
            emit viewRectChanged(l.xmin + dx, l.xmax + dx, l.ymin + dy, l.ymax + dy);
        }
    }
    if (const auto data = widgetToData(event->position()))
        emit hovered(data->x(), data->y(), true);
    else
        emit hovered(0, 0, false);
}

void LandscapeView::mouseReleaseEvent(QMouseEvent* event)
{
    Scene& s = *scene_;
    if (event->button() != Qt::LeftButton || !s.pressed) return;
    s.pressed = false;
    if (s.dragging) return;
    if (const auto data = widgetToData(event->position())) emit clicked(data->x(), data->y());
}

void LandscapeView::wheelEvent(QWheelEvent* event)
{
    const auto centre = widgetToData(event->position());
    if (!centre || event->angleDelta().y() == 0) return;
    // One notch (120) shrinks the shown range to 80 %, keeping the point under the cursor fixed.
    const double factor = std::pow(0.8, event->angleDelta().y() / 120.0);
    double xmin, xmax, ymin, ymax;
    viewRect(xmin, xmax, ymin, ymax);
    const double cx = centre->x(), cy = centre->y();
    xmin = cx - (cx - xmin) * factor;
    xmax = cx + (xmax - cx) * factor;
    ymin = cy - (cy - ymin) * factor;
    ymax = cy + (ymax - cy) * factor;
    setViewRect(xmin, xmax, ymin, ymax);
    emit viewRectChanged(xmin, xmax, ymin, ymax);
    event->accept();
}

void LandscapeView::leaveEvent(QEvent* event)
{
    VtkOpenGLHost::leaveEvent(event);
    emit hovered(0, 0, false);
}

void LandscapeView::resizeScene(int width, int height)
{
    // The layout, fonts and margins follow the size and device pixel ratio.
    populateScene(std::max(16, width), std::max(16, height));
}

}  // namespace cl::ui
