#include "TitleItem.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>

namespace cl::ui {

vtkStandardNewMacro(TitleItem);

bool TitleItem::Paint(vtkContext2D* painter)
{
    if (!model()) return true;
    const PlotLayout l = layout();
    const float s = float(l.scale), centre = float(l.left + l.side / 2);
    setFont(painter, 17 * s, palette::ink, 1, 0, true);
    drawText(painter, centre, float(l.titleY), model()->title);
    if (!model()->subtitle.empty()) {
        setFont(painter, 12 * s, {0x55, 0x55, 0x55}, 1, 0);
        drawText(painter, centre, float(l.titleY) - 20 * s, model()->subtitle);
    }
    return true;
}

}  // namespace cl::ui
