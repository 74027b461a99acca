#include "ui/LandscapeColors.h"
#include "ui/LandscapeOptions.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cl::ui {
namespace {

struct NamedAnchors {
    const char* name;
    std::vector<unsigned> hex;  // 0xRRGGBB, low end first
};

// Anchors sampled at even steps of the published maps (matplotlib's perceptually uniform
// sequential maps and ColorBrewer's diverging ones); linear interpolation between ten or eleven
// anchors stays within a few units of the full tables.
const std::vector<NamedAnchors>& knownMaps()
{
    static const std::vector<NamedAnchors> maps = {
        {"viridis",
         {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725}},
        {"cividis",
         {0x00224e, 0x123570, 0x3b496c, 0x575d6d, 0x707173, 0x8a8678, 0xa59c74, 0xc3b369, 0xe1cc55, 0xfee838}},
        {"magma", {0x000004, 0x180f3d, 0x440f76, 0x721f81, 0x9e2f7f, 0xcd4071, 0xf1605d, 0xfd9668, 0xfeca8d, 0xfcfdbf}},
        {"plasma",
         {0x0d0887, 0x46039f, 0x7201a8, 0x9c179e, 0xbd3786, 0xd8576b, 0xed7953, 0xfb9f3a, 0xfdca26, 0xf0f921}},
        {"RdBu",
         {0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac,
          0x053061}},
        {"PuOr",
         {0x7f3b08, 0xb35806, 0xe08214, 0xfdb863, 0xfee0b6, 0xf7f7f7, 0xd8daeb, 0xb2abd2, 0x8073ac, 0x542788,
          0x2d004b}},
        {"BrBG",
         {0x543005, 0x8c510a, 0xbf812d, 0xdfc27d, 0xf6e8c3, 0xf5f5f5, 0xc7eae5, 0x80cdc1, 0x35978f, 0x01665e,
          0x003c30}},
    };
    return maps;
}

}  // namespace

Rgb ColorMap::at(double t) const
{
    if (anchors.empty() || std::isnan(t)) return palette::regionUndefined;
    t = std::clamp(t, 0.0, 1.0) * double(anchors.size() - 1);
    const std::size_t k = std::min(anchors.size() - 2, static_cast<std::size_t>(t));
    const double f = t - double(k);
    const Rgb a = anchors[k], b = anchors[std::min(k + 1, anchors.size() - 1)];
    auto mix = [f](unsigned char u, unsigned char v) {
        return static_cast<unsigned char>(std::lround(u + (double(v) - u) * f));
    };
    return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
}

ColorMap ColorMap::named(const std::string& name)
{
    const bool reversed = name.size() > 2 && name.compare(name.size() - 2, 2, "_r") == 0;
    const std::string base = reversed ? name.substr(0, name.size() - 2) : name;
    std::string known;
    for (const NamedAnchors& m : knownMaps()) {
        known += (known.empty() ? "" : ", ") + std::string(m.name);
        if (base != m.name) continue;
        ColorMap map{name, {}};
        for (unsigned hex : m.hex)
            map.anchors.push_back({static_cast<unsigned char>(hex >> 16), static_cast<unsigned char>(hex >> 8),
                                   static_cast<unsigned char>(hex)});
        if (reversed) std::reverse(map.anchors.begin(), map.anchors.end());
        return map;
    }
    throw std::invalid_argument("unknown colour map '" + name + "' (known: " + known + ", each also with _r)");
}

LandscapeOptions withKnownColorMaps(LandscapeOptions options)
{
    auto known = [](const std::string& name) {
        try {
            ColorMap::named(name);
            return true;
        } catch (const std::invalid_argument&) {
            return false;
        }
    };
    if (!known(options.colorMap)) options.colorMap = LandscapeOptions{}.colorMap;
    if (!known(options.divergingMap)) options.divergingMap = LandscapeOptions{}.divergingMap;
    return options;
}

}  // namespace cl::ui
