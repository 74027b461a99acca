#pragma once
// The landscape's palette, in one place so the legend, the scene and the tests agree.
// Region tints are Dark2's colour-blind-safe green #1b9e77 and purple #7570b3 mixed 60 % with
// white: dark enough to tell apart at a glance, light enough that arrows and level curves stay
// readable on top of them.

namespace cl::ui {

struct Rgb {
    unsigned char r, g, b;
};

namespace palette {
inline constexpr Rgb regionGreen{0x76, 0xc5, 0xad};   // <R,g1> > 0 and <R,g2> > 0
inline constexpr Rgb regionPurple{0xac, 0xa9, 0xd1};  // <R,g1> < 0 and <R,g2> < 0
inline constexpr Rgb regionNeutral{0xf7, 0xf7, 0xf7}; // mixed signs
inline constexpr Rgb regionUndefined{0xbd, 0xbd, 0xbd};
inline constexpr Rgb curveL1{0xd9, 0x5f, 0x02};       // Dark2 orange
inline constexpr Rgb curveL2{0x1f, 0x4e, 0x99};       // dark blue, distinct from both tints
inline constexpr Rgb arrow{0x26, 0x26, 0x26};
inline constexpr Rgb ink{0x20, 0x20, 0x20};           // axes, text
inline constexpr Rgb background{0xff, 0xff, 0xff};
}  // namespace palette

}  // namespace cl::ui
