#pragma once
// The landscape's palette, in one place so the legend, the scene and the tests agree.
// Region tints are Dark2's colour-blind-safe green #1b9e77 and purple #7570b3 mixed 60 % with
// white: dark enough to tell apart at a glance, light enough that arrows and level curves stay
// readable on top of them. Flow overlays use Okabe–Ito colours (also colour-blind safe).

#include <string>
#include <vector>

namespace cl::ui {

struct Rgb {
    unsigned char r, g, b;
};

namespace palette {
inline constexpr Rgb regionGreen{0x76, 0xc5, 0xad};   // <R,g1> > 0 and <R,g2> > 0
inline constexpr Rgb regionPurple{0xac, 0xa9, 0xd1};  // <R,g1> < 0 and <R,g2> < 0
// LandscapeOptions::colorBlindRegions = false: the paper's plain green and purple.
inline constexpr Rgb regionGreenPlain{0x8f, 0xd1, 0x7f};
inline constexpr Rgb regionPurplePlain{0xc9, 0x8f, 0xd6};
inline constexpr Rgb regionNeutral{0xf7, 0xf7, 0xf7}; // mixed signs
inline constexpr Rgb regionUndefined{0xbd, 0xbd, 0xbd};
// L1 and L2 are domains 1 and 2: the style's Okabe–Ito colours (FigureStyle::domainColors).
inline constexpr Rgb curveL1{0xd5, 0x5e, 0x00};       // Okabe–Ito vermillion
inline constexpr Rgb curveL2{0x00, 0x72, 0xb2};       // Okabe–Ito blue
inline constexpr Rgb arrow{0x26, 0x26, 0x26};
inline constexpr Rgb ink{0x20, 0x20, 0x20};           // axes, text
inline constexpr Rgb detailInk{0x55, 0x55, 0x55};     // secondary text
inline constexpr Rgb background{0xff, 0xff, 0xff};
inline constexpr Rgb flowMixed{0x00, 0x00, 0x00};       // weights (½, ½)
inline constexpr Rgb flowOneThenTwo{0xd5, 0x5e, 0x00};  // Okabe–Ito vermillion
inline constexpr Rgb flowTwoThenOne{0x00, 0x72, 0xb2};  // Okabe–Ito blue
inline constexpr Rgb descentPath{0xcc, 0x79, 0xa7};     // Okabe–Ito reddish purple
}  // namespace palette

/// The two region tints: colour-blind safe (default) or the paper's plain green and purple.
struct RegionTints {
    Rgb green, purple;
};
inline RegionTints regionTints(bool colourBlindSafe)
{
    return colourBlindSafe ? RegionTints{palette::regionGreen, palette::regionPurple}
                           : RegionTints{palette::regionGreenPlain, palette::regionPurplePlain};
}

/// A colour map: colours at evenly spaced anchors, linearly interpolated between them.
struct ColorMap {
    std::string name;
    std::vector<Rgb> anchors;
    /// t in [0, 1] (clamped; NaN gives the undefined grey).
    Rgb at(double t) const;
    /// viridis, cividis, magma, plasma (sequential); RdBu, PuOr, BrBG (diverging); any name with
    /// "_r" appended is reversed. Throws std::invalid_argument listing the known names.
    static ColorMap named(const std::string& name);
};

}  // namespace cl::ui
