#pragma once
// How different two rendered figures are, tolerant of what changes between equally correct
// renderings (anti-aliasing, a line landing one pixel over) but not of what a reader would see
// (a colour swap, a missing curve, moved text). Used by the baseline tests of the figures.

#include <QImage>

namespace cl::ui {

struct ImageDifference {
    /// Fraction (0..1) of pixels, in either image, that have no pixel of nearly the same colour
    /// (every channel within `channelTolerance`) within `shift` pixels in the other image;
    /// the larger of the two directions. 1 when the sizes differ.
    double fraction = 0;
    int differingPixels = 0;  // in the worse direction
    bool sizeMismatch = false;
};

ImageDifference compareImages(const QImage& actual, const QImage& expected, int channelTolerance = 40, int shift = 1);

/// An image of where `actual` differs (red) over a faded copy of it, for looking at failures.
QImage differenceMap(const QImage& actual, const QImage& expected, int channelTolerance = 40, int shift = 1);

}  // namespace cl::ui
