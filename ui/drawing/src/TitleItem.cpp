#include "TitleItem.h"

#include <vtkContext2D.h>
#include <vtkContextScene.h>
#include <vtkObjectFactory.h>
#include <vtkTextProperty.h>

#include <algorithm>

namespace cl::ui {

vtkStandardNewMacro(TitleItem);

void TitleItem::drawFitted(vtkContext2D* painter, double centre, double y, const std::string& text)
{
    // A long title (a typed expression in the subtitle) must stay on the page: shrink it to the
    // scene's width, then slide it sideways if centring over the plot would cut it off.
    const double sceneWidth = GetScene() ? GetScene()->GetSceneWidth() : 0;
    const std::string& shown = text;
    float bounds[4];
    painter->ComputeStringBounds(shown.c_str(), bounds);
    const double room = sceneWidth - 8;
    if (sceneWidth > 0 && bounds[2] > room) {
        vtkTextProperty* prop = painter->GetTextProp();
        prop->SetFontSize(std::max(7, int(prop->GetFontSize() * room / bounds[2])));
        painter->ApplyTextProp(prop);
        painter->ComputeStringBounds(shown.c_str(), bounds);
    }
    const double half = bounds[2] / 2;
    if (sceneWidth > 0) centre = std::clamp(centre, half + 4, std::max(half + 4, sceneWidth - half - 4));
    drawText(painter, centre, y, text);
}

bool TitleItem::Paint(vtkContext2D* painter)
{
    if (!model()) return true;
    const PlotLayout& l = layout();
    const float s = float(l.scale), centre = float(l.left + l.width / 2);
    const bool hasSubtitle = !model()->subtitle.empty();
    // With a subtitle the title moves up so both fit in the top margin.
    const float titleY = float(l.titleY) + (hasSubtitle ? 8 * s : 0);
    setFont(painter, 15 * s, palette::ink, 1, 0, true);
    drawFitted(painter, centre, titleY, model()->title);
    if (hasSubtitle) {
        setFont(painter, 11.5 * s, palette::detailInk, 1, 0);
        drawFitted(painter, centre, titleY - 18 * s, model()->subtitle);
    }
    return true;
}

}  // namespace cl::ui
