#include "AxesItem.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cl::ui {

vtkStandardNewMacro(AxesItem);

std::vector<double> AxesItem::ticks(double lo, double hi, int target)
{
    std::vector<double> result;
    if (!(hi > lo) || target < 2) return result;
    const double raw = (hi - lo) / (target - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    // The 1-2-5 step nearest to the raw step (in ratio), so a narrow plot still gets 3–4 ticks.
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (std::abs(std::log(m * magnitude / raw)) < std::abs(std::log(step / raw))) step = m * magnitude;
    for (double k = std::ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k += 1)
        result.push_back(std::abs(k * step) < 1e-12 * step ? 0.0 : k * step);
    return result;
}

static std::string label(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    std::string s = text;
    if (!s.empty() && s[0] == '-') s = "\u2212" + s.substr(1);  // a real minus sign
    return s;
}

bool AxesItem::Paint(vtkContext2D* painter)
{
    if (!model()) return true;
    const PlotLayout& l = layout();
    const float s = static_cast<float>(l.scale);
    const float left = float(l.left), bottom = float(l.bottom), right = float(l.left + l.width),
                top = float(l.bottom + l.height);
    // About one tick per 60 logical pixels, at least three.
    const int xTicks = std::max(3, int(l.width / (60 * l.scale))), yTicks = std::max(3, int(l.height / (60 * l.scale)));

    setPen(painter, palette::ink, 1.2f * s);
    float frame[10] = {left, bottom, right, bottom, right, top, left, top, left, bottom};
    painter->DrawPoly(frame, 5);

    const float tick = 6 * s;
    std::vector<float> marks;
    setFont(painter, 13 * s, palette::ink, 1, 2);
    for (double x : ticks(l.xmin, l.xmax, xTicks)) {
        const float sx = float(l.sceneX(x));
        marks.insert(marks.end(), {sx, bottom, sx, bottom - tick});
        drawText(painter, sx, bottom - tick - 3 * s, label(x));
    }
    setFont(painter, 13 * s, palette::ink, 2, 1);
    for (double y : ticks(l.ymin, l.ymax, yTicks)) {
        const float sy = float(l.sceneY(y));
        marks.insert(marks.end(), {left, sy, left - tick, sy});
        drawText(painter, left - tick - 4 * s, sy, label(y));
    }
    painter->DrawLines(marks.data(), static_cast<int>(marks.size() / 2));

    setFont(painter, 16 * s, palette::ink, 1, 2);
    drawText(painter, (left + right) / 2, bottom - tick - 24 * s, "\u03b8\u2081");
    setFont(painter, 16 * s, palette::ink, 1, 0, false, 90);
    drawText(painter, left - tick - 40 * s, (bottom + top) / 2, "\u03b8\u2082");
    return true;
}

}  // namespace cl::ui
