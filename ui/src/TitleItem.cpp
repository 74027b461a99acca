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
    painter->DrawString(centre, float(l.titleY), model()->title.c_str());
    if (!model()->subtitle.empty()) {
        setFont(painter, 12 * s, {0x55, 0x55, 0x55}, 1, 0);
        painter->DrawString(centre, float(l.titleY) - 20 * s, model()->subtitle.c_str());
    }
    return true;
}

}  // namespace cl::ui
