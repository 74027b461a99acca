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
    // A fine grid puts several vertices in one pixel: vertices closer than `step` to the last
    // one kept are skipped (the drawn curve moves by less than that).
    const float step = static_cast<float>(0.75 * l.scale), step2 = step * step;
    // On screen all lines of the level go out as segments in one call; vector devices get
    // polylines, so an SVG or PDF path has its joins.
    const bool segmentsOnly = drawsThroughOpenGL(painter);
    std::vector<float> points, segments;
    for (const ContourLine& line : level.lines) {
        if (line.size() < 2) continue;
        points.clear();
        points.reserve(2 * (line.size() + 1));
        auto keep = [&](std::size_t k, bool always) {
            const float x = static_cast<float>(l.sceneX(line.x[k])), y = static_cast<float>(l.sceneY(line.y[k]));
            const std::size_t n = points.size();
            if (!always && n >= 2) {
                const float dx = x - points[n - 2], dy = y - points[n - 1];
                if (dx * dx + dy * dy < step2) return;
            }
            points.push_back(x);
            points.push_back(y);
        };
        for (std::size_t k = 0; k + 1 < line.size(); ++k) keep(k, k == 0);
        keep(line.size() - 1, true);
        if (line.closed) {  // the loop does not repeat its first vertex
            points.push_back(points[0]);
            points.push_back(points[1]);
        }
        if (!segmentsOnly) {
            painter->DrawPoly(points.data(), static_cast<int>(points.size() / 2));
            continue;
        }
        for (std::size_t k = 0; k + 3 < points.size(); k += 2)
            segments.insert(segments.end(), {points[k], points[k + 1], points[k + 2], points[k + 3]});
    }
    drawSegments(painter, segments);
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
