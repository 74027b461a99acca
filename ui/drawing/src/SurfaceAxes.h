#pragma once
// The surface's θ₁, θ₂ and loss axes: VTK's cube axes on the outer edges of the box, with labels
// as screen text (FreeType, so θ₁ renders, and always upright) and no minor ticks. In that 2-D
// label mode VTK centres the vertical axis' title on its labels; here that title is empty and a
// separate text is drawn just above the top of whichever vertical edge carries the labels.

#include <vtkCubeAxesActor.h>
#include <vtkNew.h>

#include <string>

class vtkCoordinate;
class vtkTextActor;

namespace cl::ui {

class SurfaceAxes : public vtkCubeAxesActor {
public:
    static SurfaceAxes* New();
    vtkTypeMacro(SurfaceAxes, vtkCubeAxesActor);

    /// The vertical axis' title (instead of SetZTitle); add verticalTitle() to the renderer after
    /// the axes: it follows the top of their labelled vertical edge.
    void setVerticalTitle(const std::string& title);
    vtkTextActor* verticalTitle() const { return verticalTitle_; }
    /// Pixels between the top of the vertical axis and its title.
    void setTitleGap(double pixels);

    int RenderOpaqueGeometry(vtkViewport* viewport) override;

protected:
    SurfaceAxes();
    ~SurfaceAxes() override;

private:
    SurfaceAxes(const SurfaceAxes&) = delete;
    void operator=(const SurfaceAxes&) = delete;

    vtkNew<vtkTextActor> verticalTitle_;
    vtkNew<vtkCoordinate> top_;  // world position of the labelled vertical edge's top
};

}  // namespace cl::ui
