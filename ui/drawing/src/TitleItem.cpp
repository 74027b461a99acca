#include "TitleItem.h"

#include "figure/TextMetrics.h"
#include "ui/FigureStyle.h"

#include <vtkContext2D.h>
#include <vtkContextScene.h>
#include <vtkObjectFactory.h>
#include <vtkStdString.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>

namespace cl::ui {

vtkStandardNewMacro(TitleItem);

void TitleItem::drawFitted(vtkContext2D* painter, double centre, double y, const std::string& text)
{
    // A title fits its panel's width (a heading the figure's; a typed expression in the subtitle
    // may be long): it shrinks down to the style's minTextPt, then is elided with "…"; centred
    // over the plot, it slides sideways rather than leave its panel.
    const PlotLayout& l = layout();
    const double sceneWidth = GetScene() ? GetScene()->GetSceneWidth() : 0;
    double roomLeft = l.cellLeft, roomRight = l.cellLeft + l.cellWidth;
    if (l.cellWidth <= 0) roomLeft = 0, roomRight = sceneWidth;
    if (sceneWidth > 0) roomRight = std::min(roomRight, sceneWidth);
    const double margin = 4 * l.scale, room = roomRight - roomLeft - 2 * margin;
    auto width = [painter](const std::string& t) {
        float bounds[4];
        painter->ComputeStringBounds(vtkStdString(t), bounds);
        return double(bounds[2]);
    };
    std::string shown = text;
    if (room > 0 && width(shown) > room) {
        vtkTextProperty* prop = painter->GetTextProp();
        const int floor = std::max(1, int(std::lround(pointsToPixels(figureStyle().minTextPt, l.scale))));
        const int fitting = int(prop->GetFontSize() * room / width(shown));
        prop->SetFontSize(std::max(floor, std::min(prop->GetFontSize(), fitting)));
        painter->ApplyTextProp(prop);
        shown = elidedText(shown, room, width);
    }
    const double half = width(shown) / 2;
    if (room > 0)
        centre =
            std::clamp(centre, roomLeft + margin + half, std::max(roomLeft + margin + half, roomRight - margin - half));
    drawText(painter, centre, y, shown);
}

bool TitleItem::Paint(vtkContext2D* painter)
{
    if (!model()) return true;
    const PlotLayout& l = layout();
    const float s = float(l.scale), centre = float(l.left + l.width / 2);
    const bool hasSubtitle = !model()->subtitle.empty();
    // Wide: with a subtitle the title moves up so both fit in the top margin. Narrow: titleY is
    // the bottom of the lowest line, and each line is one row of its text tall.
    // A wrapped subtitle (layout's subtitleWrapped) is two such lines.
    const std::vector<std::string> subtitle = !hasSubtitle        ? std::vector<std::string>{}
                                              : l.subtitleWrapped ? twoLines(model()->subtitle)
                                                                  : std::vector<std::string>{model()->subtitle};
    const float titleY = l.legendBelow ? float(l.titleY + double(subtitle.size()) * 1.2 * l.subtitlePx)
                                       : float(l.titleY) + (hasSubtitle ? 8 * s : 0);
    setFont(painter, l.titlePx, palette::ink, 1, 0, true);
    drawFitted(painter, centre, titleY, model()->title);
    for (std::size_t k = 0; k < subtitle.size(); ++k) {
        setFont(painter, l.subtitlePx, palette::detailInk, 1, 0);
        const double y =
            l.legendBelow ? l.titleY + double(subtitle.size() - 1 - k) * 1.2 * l.subtitlePx : titleY - 18 * s;
        drawFitted(painter, centre, y, subtitle[k]);
    }
    return true;
}

}  // namespace cl::ui
