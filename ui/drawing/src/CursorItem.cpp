#include "CursorItem.h"

#include "ui/LandscapeColors.h"

#include <vtkBrush.h>
#include <vtkContext2D.h>
#include <vtkObjectFactory.h>
#include <vtkPen.h>

namespace cl::ui {

vtkStandardNewMacro(CursorItem);

bool CursorItem::Paint(vtkContext2D* painter)
{
    if (!point_) return true;
    const PlotLayout& l = layout_;
    const double x = l.sceneX(point_->first), y = l.sceneY(point_->second);
    if (!l.insidePlot(x, y)) return true;
    const float left = float(l.left), right = float(l.left + l.width);
    const float bottom = float(l.bottom), top = float(l.bottom + l.height);
    const float px = float(x), py = float(y), gap = float(5 * l.scale), box = float(3 * l.scale);
    // Lines stop short of the point so what lies under it stays visible; a small open square
    // marks the point itself.
    float lines[] = {left, py, px - gap, py, px + gap, py, right, py,
                           px, bottom, px, py - gap, px, py + gap, px, top};
    vtkPen* pen = painter->GetPen();
    pen->SetLineType(vtkPen::SOLID_LINE);
    pen->SetColor(palette::ink.r, palette::ink.g, palette::ink.b, 150);
    pen->SetWidth(float(1.0 * l.scale));
    painter->DrawLines(lines, 8);
    float square[] = {px - box, py - box, px + box, py - box, px + box, py + box,
                            px - box, py + box, px - box, py - box};
    pen->SetColor(palette::ink.r, palette::ink.g, palette::ink.b, 255);
    painter->DrawPoly(square, 5);
    return true;
}

}  // namespace cl::ui
