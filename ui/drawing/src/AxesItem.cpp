#include "AxesItem.h"

#include <vtkContext2D.h>
#include <vtkObjectFactory.h>
#include <vtkStdString.h>

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

std::string AxesItem::tickLabel(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    std::string s = text;
    if (!s.empty() && s[0] == '-') s = "\u2212" + s.substr(1);  // a real minus sign
    return s;
}

namespace {

/// Every stride-th of `values` (keeping 0 when it is one of them), so that neighbouring labels
/// `spacing` pixels apart are at least `needed` pixels apart: a small plot gets fewer ticks.
std::vector<double> thinned(const std::vector<double>& values, double spacing, double needed)
{
    if (values.size() < 2 || spacing <= 0 || spacing >= needed) return values;
    const std::size_t stride = std::size_t(std::ceil(needed / spacing));
    std::size_t offset = 0;
    for (std::size_t k = 0; k < values.size(); ++k)
        if (values[k] == 0) offset = k % stride;
    std::vector<double> kept;
    for (std::size_t k = offset; k < values.size(); k += stride) kept.push_back(values[k]);
    return kept;
}

}  // namespace

bool AxesItem::Paint(vtkContext2D* painter)
{
    if (!model()) return true;
    const PlotLayout& l = layout();
    const float s = static_cast<float>(l.scale);
    const float left = float(l.left), bottom = float(l.bottom), right = float(l.left + l.width),
                top = float(l.bottom + l.height);
    // About one tick per 60 logical pixels, at least three; fewer when their labels would touch.
    const int xTicks = std::max(3, int(l.width / (60 * l.scale))), yTicks = std::max(3, int(l.height / (60 * l.scale)));

    setPen(painter, palette::ink, 1.2f * s);
    float frame[10] = {left, bottom, right, bottom, right, top, left, top, left, bottom};
    painter->DrawPoly(frame, 5);

    const float tick = float(l.tickLength), pad = l.legendBelow ? float(l.tickPx * 0.25) : 3 * s;
    std::vector<float> marks;
    setFont(painter, l.tickPx, palette::ink, 1, 2);
    std::vector<double> xs = ticks(l.xmin, l.xmax, xTicks), ys = ticks(l.ymin, l.ymax, yTicks);
    float widest = 0;
    for (double x : xs) {
        float bounds[4];
        painter->ComputeStringBounds(vtkStdString(tickLabel(x)), bounds);
        widest = std::max(widest, bounds[2]);
    }
    if (xs.size() >= 2) xs = thinned(xs, l.sceneX(xs[1]) - l.sceneX(xs[0]), widest + 0.8 * l.tickPx);
    if (ys.size() >= 2) ys = thinned(ys, l.sceneY(ys[1]) - l.sceneY(ys[0]), 1.6 * l.tickPx);
    for (double x : xs) {
        const float sx = float(l.sceneX(x));
        marks.insert(marks.end(), {sx, bottom, sx, bottom - tick});
        drawText(painter, sx, bottom - tick - pad, tickLabel(x));
    }
    setFont(painter, l.tickPx, palette::ink, 2, 1);
    float widestY = 0;
    for (double y : ys) {
        const float sy = float(l.sceneY(y));
        marks.insert(marks.end(), {left, sy, left - tick, sy});
        drawText(painter, left - tick - (l.legendBelow ? pad : 4 * s), sy, tickLabel(y));
        float bounds[4];
        painter->ComputeStringBounds(vtkStdString(tickLabel(y)), bounds);
        widestY = std::max(widestY, bounds[2]);
    }
    painter->DrawLines(marks.data(), static_cast<int>(marks.size() / 2));

    if (!l.legendBelow) {
        setFont(painter, l.axisTitlePx, palette::ink, 1, 2);
        drawText(painter, (left + right) / 2, bottom - tick - 24 * s, "\u03b8\u2081");
        setFont(painter, l.axisTitlePx, palette::ink, 1, 0, false, 90);
        drawText(painter, left - tick - 40 * s, (bottom + top) / 2, "\u03b8\u2082");
        return true;
    }
    // Narrow: θ₁ at the right end of the tick labels' row (the x axis costs one row of height),
    // θ₂ left of the widest y tick label.
    setFont(painter, l.axisTitlePx, palette::ink, 0, 2);
    drawText(painter, right + widest / 2 + pad, bottom - tick - pad, "\u03b8\u2081");
    setFont(painter, l.axisTitlePx, palette::ink, 1, 0, false, 90);
    drawText(painter, left - tick - 2 * pad - widestY, (bottom + top) / 2, "\u03b8\u2082");
    return true;
}

}  // namespace cl::ui
