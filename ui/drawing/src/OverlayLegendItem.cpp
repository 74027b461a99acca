#include "OverlayLegendItem.h"

#include "OverlayItem.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>

namespace cl::ui {

vtkStandardNewMacro(OverlayLegendItem);

bool OverlayLegendItem::Paint(vtkContext2D* painter)
{
    if (!model() || !model()->overlays) return true;
    const LandscapeOverlays& o = *model()->overlays;
    if (o.points.empty() && o.descentPaths.empty()) return true;
    const PlotLayout& l = layout();
    const double s = l.scale;
    const float x = float(l.columnLeft), symbol = float(22 * s), indent = float(28 * s);
    struct Row {
        Rgb colour;
        bool hollow;
        const char* text;
    };
    std::vector<Row> rows;
    if (!o.points.empty()) {
        rows.push_back({palette::flowMixed, false, "mixed (\u00bd, \u00bd)"});
        rows.push_back({palette::flowOneThenTwo, false, "L\u2081 then L\u2082"});
        rows.push_back({palette::flowTwoThenOne, false, "L\u2082 then L\u2081"});
        rows.push_back({palette::ink, true, "predicted \u00b1\u00bd\u0394t\u00b2R"});
    }
    if (!o.descentPaths.empty()) rows.push_back({palette::descentPath, false, "descent path"});
    float y = float(l.bottom + rows.size() * rowHeight(s));
    const float cx = x;
    for (const Row& row : rows) {
        const float mid = y - float(rowHeight(s)) / 2;
        if (row.hollow) {
            OverlayItem::drawDot(painter, cx + symbol / 2, mid, 5 * s, row.colour, true, s);
        } else {
            setPen(painter, row.colour, float(2 * s));
            painter->DrawLine(cx, mid, cx + symbol, mid);
        }
        setFont(painter, 11.5 * s, palette::ink, 0, 1);
        drawText(painter, cx + indent, mid, row.text);
        y -= float(rowHeight(s));
    }
    return true;
}

}  // namespace cl::ui
