#include "SvgDefinitionsItem.h"

#include <vtkContext2D.h>
#include <vtkContextDevice2D.h>
#include <vtkRenderingCoreEnums.h>
#include <vtkObjectFactory.h>
#include <vtkPen.h>

namespace cl::ui {

vtkStandardNewMacro(SvgDefinitionsItem);

bool SvgDefinitionsItem::Paint(vtkContext2D* painter)
{
    // Only the SVG device needs it; on OpenGL a marker would compile one more shader for nothing.
    if (!painter->GetDevice() || !painter->GetDevice()->IsA("vtkSVGContextDevice2D")) return true;
    painter->GetPen()->SetColor(255, 255, 255, 0);
    painter->GetPen()->SetWidth(1);
    float point[2] = {0, 0};
    painter->DrawMarkers(VTK_MARKER_SQUARE, false, point, 1);
    return true;
}

}  // namespace cl::ui
