#include "LevelCurvesItem.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>

namespace cl::ui {

vtkStandardNewMacro(LevelCurvesItem);

Rgb LevelCurvesItem::levelColour(const ColorMap& map, std::size_t k, std::size_t count)
{
    return map.at(count > 1 ? 0.85 * double(k) / double(count - 1) : 0.0);
}

void LevelCurvesItem::drawLevel(vtkContext2D* painter, const ContourLevel& level)
{
    const PlotLayout& l = layout();
    std::vector<float> points;
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

bool LevelCurvesItem::Paint(vtkContext2D* painter)
{
    if (!model() || !model()->grid()) return true;
    const LandscapeFieldData& d = *model()->data;
    const float width = static_cast<float>(1.4 * layout().scale);
    switch (model()->panel) {
    case LandscapePanel::L1:
    case LandscapePanel::L2: {
        const auto& levels = model()->panel == LandscapePanel::L1 ? d.l1Curves : d.l2Curves;
        for (std::size_t k = 0; k < levels.size(); ++k) {
            setPen(painter, levelColour(model()->sequential, k, levels.size()), width);
            drawLevel(painter, levels[k]);
        }
        break;
    }
    case LandscapePanel::Bracket:
        setPen(painter, palette::curveL1, width);
        for (const ContourLevel& level : d.l1Curves) drawLevel(painter, level);
        setPen(painter, palette::curveL2, width);
        for (const ContourLevel& level : d.l2Curves) drawLevel(painter, level);
        break;
    case LandscapePanel::PMap:
        break;
    }
    return true;
}

}  // namespace cl::ui
