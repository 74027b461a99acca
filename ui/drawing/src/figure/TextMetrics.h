#pragma once
// Widths of the style's text before anything is painted: the layout of a narrow figure (how many
// legend columns fit, how much room the y tick labels take) is decided when the scene is filled,
// with the same DejaVu Sans through Qt that PainterDevice draws exports with.

#include <string>
#include <vector>

namespace cl::ui {

/// Width in pixels of `text` in the style's font at `pixelSize` pixels per em.
double textWidth(const std::string& text, double pixelSize, bool bold = false);

/// `text` in two lines, broken at its widest run of spaces (the gap between "L₁ = …" and
/// "L₂ = …" of a subtitle) or else at the space nearest its middle; one line without a space.
std::vector<std::string> twoLines(const std::string& text);

/// `text` cut at a character boundary and ended with "…" so that `width(shown) <= room`
/// (`text` itself when it fits; "…" alone when nothing else does). `width` measures a string.
template <class Measure>
std::string elidedText(const std::string& text, double room, Measure width)
{
    if (width(text) <= room) return text;
    // UTF-8 boundaries: a byte that is not a continuation byte starts a character.
    std::string::size_type keep = text.size();
    while (keep > 0) {
        do --keep;
        while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80);
        std::string shown = text.substr(0, keep);
        while (!shown.empty() && shown.back() == ' ') shown.pop_back();
        shown += "\u2026";
        if (width(shown) <= room) return shown;
    }
    return "\u2026";
}

}  // namespace cl::ui
