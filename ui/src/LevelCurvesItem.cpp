#include "LevelCurvesItem.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>

namespace cl::ui {

vtkStandardNewMacro(LevelCurvesItem);

void LevelCurvesItem::drawLevels(vtkContext2D* painter, const std::vector<ContourLevel>& levels,
                                 const PlotLayout& l)
{
    std::vector<float> points;
    for (const ContourLevel& level : levels) {
        for (const ContourLine& line : level.lines) {
            if (line.size() < 2) continue;
            points.clear();
            points.reserve(2 * (line.size() + 1));
            for (std::size_t k = 0; k < line.size(); ++k) {
                points.push_back(static_cast<float>(l.sceneX(line.x[k])));
                points.push_back(static_cast<float>(l.sceneY(line.y[k])));
            }
            if (line.closed) {  // the loop does not repeat its first vertex
                points.push_back(points[0]);
                points.push_back(points[1]);
            }
            painter->DrawPoly(points.data(), static_cast<int>(points.size() / 2));
        }
    }
}

bool LevelCurvesItem::Paint(vtkContext2D* painter)
{
    if (!model() || !model()->grid) return true;
    const PlotLayout l = layout();
    const float width = static_cast<float>(1.4 * l.scale);
    setPen(painter, palette::curveL1, width);
    drawLevels(painter, model()->l1Curves, l);
    setPen(painter, palette::curveL2, width);
    drawLevels(painter, model()->l2Curves, l);
    return true;
}

}  // namespace cl::ui
