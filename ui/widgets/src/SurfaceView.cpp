#include "ui/SurfaceView.h"

#include "SurfaceScene.h"

#include <vtkCamera.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace cl::ui {
namespace {

constexpr double pi = 3.14159265358979323846;

// VTK's trackball camera (wheel zooms, middle or shift drag pans) with turntable rotation: a
// sideways drag turns about the vertical loss axis, an upward or downward one tilts, and θ₁θ₂
// stays level (a free trackball soon rolls the surface on its side). Without VTK's key bindings,
// which act on every actor (w: wireframe, s: surface, e/q: exit); R resets the view.
class SurfaceStyle : public vtkInteractorStyleTrackballCamera {
public:
    static SurfaceStyle* New();
    vtkTypeMacro(SurfaceStyle, vtkInteractorStyleTrackballCamera);
    std::function<void()> reset;

    void Rotate() override
    {
        if (!CurrentRenderer || !Interactor) return;
        const int* now = Interactor->GetEventPosition();
        const int* last = Interactor->GetLastEventPosition();
        const int* size = CurrentRenderer->GetRenderWindow()->GetSize();
        if (size[0] <= 0 || size[1] <= 0) return;
        // The trackball's rates: a drag across the whole window turns by 200°.
        const double turn = -20.0 / size[0] * (now[0] - last[0]) * MotionFactor;
        const double tilt = -20.0 / size[1] * (now[1] - last[1]) * MotionFactor;
        vtkCamera* camera = CurrentRenderer->GetActiveCamera();
        camera->SetViewUp(0, 0, 1);
        camera->Azimuth(turn);
        double position[3], focal[3];
        camera->GetPosition(position);
        camera->GetFocalPoint(focal);
        const double elevation =
            std::atan2(position[2] - focal[2], std::hypot(position[0] - focal[0], position[1] - focal[1])) * 180 / pi;
        camera->Elevation(std::clamp(elevation + tilt, -89.0, 89.0) - elevation);
        camera->SetViewUp(0, 0, 1);
        if (AutoAdjustCameraClippingRange) CurrentRenderer->ResetCameraClippingRange();
        if (Interactor->GetLightFollowCamera()) CurrentRenderer->UpdateLightsGeometryToFollowCamera();
        Interactor->Render();
    }

    void Spin() override { Rotate(); }  // Ctrl+drag would roll the θ plane

    void OnChar() override
    {
        const char key = Interactor ? Interactor->GetKeyCode() : 0;
        if ((key == 'r' || key == 'R') && reset) reset();
    }
};
vtkStandardNewMacro(SurfaceStyle);

}  // namespace

struct SurfaceView::Vtk {
    vtkNew<vtkRenderer> renderer;
    vtkNew<SurfaceStyle> style;
    std::unique_ptr<SurfaceScene> scene;
    SurfaceSceneSpec spec;
};

SurfaceView::SurfaceView(QWidget* parent) : VtkOpenGLHost(parent), vtk_(std::make_unique<Vtk>())
{
    setObjectName("surfaceView");
    setMinimumSize(480, 360);
    renderWindow()->AddRenderer(vtk_->renderer);
    vtk_->scene = std::make_unique<SurfaceScene>(vtk_->renderer);
    vtk_->scene->setScale(pixelRatio());
    vtk_->style->SetDefaultRenderer(vtk_->renderer);
    vtk_->style->reset = [this] { resetCamera(); };
    interactor()->SetInteractorStyle(vtk_->style);
    resetCamera();
}

SurfaceView::~SurfaceView()
{
    interactor()->SetInteractorStyle(nullptr);
    vtk_->scene.reset();
}

void SurfaceView::setSurface(std::shared_ptr<const SurfaceSamples> samples, const std::string& valueName)
{
    const auto& old = vtk_->spec.samples;
    const bool keepCamera = old && samples && old->spec.sameRectangle(samples->spec);
    vtk_->spec.samples = std::move(samples);
    vtk_->spec.valueName = valueName;
    rebuild(keepCamera);
}

void SurfaceView::setColorMap(const std::string& name)
{
    if (name == vtk_->spec.colorMap) return;
    SurfaceSceneSpec spec = vtk_->spec;
    spec.colorMap = name;
    vtk_->scene->setSpec(spec);  // throws for an unknown name, leaving the old spec
    vtk_->spec = spec;
    requestRender();
}

void SurfaceView::setLevelCurves(int count)
{
    if (count == vtk_->spec.levelCurves) return;
    vtk_->spec.levelCurves = std::max(0, count);
    rebuild(true);
}

int SurfaceView::levelCurves() const
{
    return vtk_->spec.levelCurves;
}

void SurfaceView::rebuild(bool keepCamera)
{
    vtk_->scene->setScale(pixelRatio());
    vtk_->scene->setSpec(vtk_->spec);
    if (keepCamera)
        vtk_->renderer->ResetCameraClippingRange();
    else
        vtk_->scene->resetCamera();
    requestRender();
}

const SurfaceGeometry* SurfaceView::geometry() const
{
    return vtk_->scene->geometry();
}

std::shared_ptr<const SurfaceSamples> SurfaceView::samples() const
{
    return vtk_->spec.samples;
}

void SurfaceView::resetCamera()
{
    vtk_->scene->resetCamera();
    requestRender();
}

SurfaceView::CameraAngles SurfaceView::cameraAngles() const
{
    double position[3], focal[3];
    vtk_->scene->camera()->GetPosition(position);
    vtk_->scene->camera()->GetFocalPoint(focal);
    const double dx = position[0] - focal[0], dy = position[1] - focal[1], dz = position[2] - focal[2];
    return {std::atan2(dy, dx) * 180 / pi, std::atan2(dz, std::hypot(dx, dy)) * 180 / pi};
}

double SurfaceView::cameraDistance() const
{
    return vtk_->scene->camera()->GetDistance();
}

void SurfaceView::exportFigure(const QString& path, const FigureOptions& options) const
{
    if (figureFormatForPath(path) != FigureFormat::Png)
        return writeSurfaceFigure(vtk_->spec, vtk_->scene->camera(), path, options);
    checkFigureOptions(options);
    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetSize(options.width, options.height);
    window->SetMultiSamples(4);
    vtkNew<vtkRenderer> renderer;
    window->AddRenderer(renderer);
    SurfaceScene scene(renderer);
    scene.setScale(options.dpi / 96.0);
    scene.setSpec(vtk_->spec);
    scene.camera()->DeepCopy(vtk_->scene->camera());  // the view the user turned to
    renderer->ResetCameraClippingRange();
    window->Render();
    writeRenderWindowPng(window, path, options.dpi);
}

}  // namespace cl::ui
