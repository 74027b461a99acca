#include "ui/SurfaceFigure.h"

#include "SurfaceLayout.h"
#include "SurfacePicture.h"
#include "SurfaceScene.h"

#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkRenderer.h>

#include <QPainter>

#include <stdexcept>

namespace cl::ui {

void writeSurfaceFigure(const SurfaceSceneSpec& spec, vtkCamera* camera, const QString& path,
                        const FigureOptions& options)
{
    figureFormatForPath(path);
    checkFigureOptions(options);
    if (!spec.samples) throw std::invalid_argument("surface figure '" + path.toStdString() + "': no surface to draw");
    ColorMap::named(spec.colorMap);  // an unknown map is refused before any work

    const int w = options.width, h = options.height;
    const double scale = options.dpi / 96.0;
    // The scene on a renderer that is never rendered (no window, no OpenGL): its geometry is the
    // one the window shows, and it gives the default camera when none is passed.
    vtkNew<vtkRenderer> renderer;
    SurfaceScene scene(renderer);
    scene.setSpec(spec);
    vtkNew<vtkCamera> view;
    if (camera) {
        view->DeepCopy(camera);
    } else {
        scene.resetCamera();
        view->DeepCopy(scene.camera());
    }
    // As SurfaceScene places it before each frame, for this figure's size.
    const auto centre = surfaceLayout::windowCenter(w, h, scale);
    view->SetWindowCenter(centre[0], centre[1]);
    const SurfacePicture picture = buildSurfacePicture(spec, *scene.geometry(), surfaceProjection(view, w, h), scale);
    writePaintedFigure([&](QPainter& painter, int width, int height,
                           double s) { paintSurfacePicture(painter, picture, width, height, s); },
                       path, options);
}

FigureOptions surfaceFigureDefaults(const QString& title)
{
    return FigureOptions{960, 720, 96, title};
}

}  // namespace cl::ui
