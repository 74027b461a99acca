#include "TitleItem.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>

namespace cl::ui {

vtkStandardNewMacro(TitleItem);

bool TitleItem::Paint(vtkContext2D* painter)
{
    if (!model()) return true;
    const PlotLayout& l = layout();
    const float s = float(l.scale), centre = float(l.left + l.width / 2);
    const bool hasSubtitle = !model()->subtitle.empty();
    // With a subtitle the title moves up so both fit in the top margin.
    const float titleY = float(l.titleY) + (hasSubtitle ? 8 * s : 0);
    setFont(painter, 15 * s, palette::ink, 1, 0, true);
    drawText(painter, centre, titleY, model()->title);
    if (hasSubtitle) {
        setFont(painter, 11.5 * s, palette::detailInk, 1, 0);
        drawText(painter, centre, titleY - 18 * s, model()->subtitle);
    }
    return true;
}

}  // namespace cl::ui
