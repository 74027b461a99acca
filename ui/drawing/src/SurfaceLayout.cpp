#include "SurfaceLayout.h"

#include "ui/SurfaceGeometry.h"

#include <algorithm>
#include <cstdio>

namespace cl::ui::surfaceLayout {

std::array<double, 4> colourBarBox(int width, int height, double scale)
{
    const double w = std::max(width, 1), h = std::max(height, 1), s = scale;
    const double block = barBlock * s;
    return {1 - (block + barGap * s) / w, barBottom * s / h, block / w,
            std::max(0.2, std::min(0.75, (h - barTop * s - barBottom * s) / h))};
}

std::array<double, 2> windowCenter(int width, int height, double scale)
{
    const double w = std::max(width, 1), h = std::max(height, 1);
    return {barBlock * scale / w, 30 * scale / h};
}

std::string title(const std::string& valueName)
{
    return "Surface of " + valueName;
}

std::string subtitle(const std::string& valueName, const SurfaceGeometry& geometry)
{
    char scale[32];
    std::snprintf(scale, sizeof scale, "%.3g", geometry.heightScale);
    std::string note =
        "height = " + valueName + " × " + scale + " (scaled; axis and colour bar show " + valueName + ")";
    if (geometry.undefinedCount > 0)
        note += "; " + std::to_string(geometry.undefinedCount) + " undefined points left out";
    return note;
}

Rgb levelCurveColour(const ColorMap& map, double level, double lo, double hi)
{
    const Rgb c = map.at(hi > lo ? (level - lo) / (hi - lo) : 0.5);
    const double luminance = (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255.0;
    return luminance < 0.4 ? Rgb{0xf5, 0xf5, 0xf5} : palette::ink;
}

}  // namespace cl::ui::surfaceLayout
