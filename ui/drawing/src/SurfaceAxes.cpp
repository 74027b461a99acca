#include "SurfaceAxes.h"

#include <vtkAxisActor.h>
#include <vtkCoordinate.h>
#include <vtkObjectFactory.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkViewport.h>

namespace cl::ui {

vtkStandardNewMacro(SurfaceAxes);

SurfaceAxes::SurfaceAxes()
{
    SetUse2DMode(1);
    SetFlyModeToOuterEdges();
    SetTickLocationToOutside();
    SetLabelScaling(false, 0, 0, 0);
    // VTK's default 20 puts the axis titles on the tick labels; twice that clears them.
    SetTitleOffset(40);
    XAxisMinorTickVisibilityOff();
    YAxisMinorTickVisibilityOff();
    ZAxisMinorTickVisibilityOff();
    top_->SetCoordinateSystemToWorld();
    vtkCoordinate* position = verticalTitle_->GetPositionCoordinate();
    position->SetCoordinateSystemToViewport();
    position->SetReferenceCoordinate(top_);
    verticalTitle_->GetTextProperty()->SetJustificationToCentered();
    verticalTitle_->GetTextProperty()->SetVerticalJustificationToBottom();
    setTitleGap(10);
}

SurfaceAxes::~SurfaceAxes() = default;

void SurfaceAxes::setVerticalTitle(const std::string& title)
{
    SetZTitle("");  // VTK's own would sit on the labels
    verticalTitle_->SetInput(title.c_str());
}

void SurfaceAxes::setTitleGap(double pixels)
{
    verticalTitle_->GetPositionCoordinate()->SetValue(0, pixels);
}

int SurfaceAxes::RenderOpaqueGeometry(vtkViewport* viewport)
{
    const int rendered = Superclass::RenderOpaqueGeometry(viewport);
    // The vertical edge the outer-edges fly mode picks in this frame, found as VTK finds it:
    // from the box's corners in display coordinates.
    double bounds[6], corners[8][3];
    GetBounds(bounds);
    for (unsigned int k = 0; k < 8; ++k) {
        double world[3];
        GetBoundsPoint(k, bounds, world);
        viewport->SetWorldPoint(world[0], world[1], world[2], 1.0);
        viewport->WorldToDisplay();
        viewport->GetDisplayPoint(corners[k]);
    }
    int x = 0, y = 0, z = 0;
    FindBoundaryEdge(x, y, z, corners);
    top_->SetValue(ZAxes[z % 4]->GetPoint2());  // the title actor is drawn after the axes
    return rendered;
}

}  // namespace cl::ui
