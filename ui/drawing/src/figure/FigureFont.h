#pragma once
// The one QFont every figure is measured and drawn with: the style's DejaVu face, without
// hinting (the same advances in PNG, SVG and PDF), kerning (SVG renderers do not kern Qt's
// <text>) or shaping. Without shaping DejaVu sets "fi" and "fl" as two letters, not as the
// ligatures ﬁ/ﬂ that poppler extracts as U+FB01/U+FB02, so "fit" and "flow" stay searchable in
// the PDF (the 3-D surface's painter found this first; the scene device had the same defect).

#include <QFont>
#include <QString>

class QPaintDevice;

namespace cl::ui {

/// `family` (empty: the style's) with an em of `emPixels` device pixels; on `device` the size
/// is given in points of its resolution (fractional ems kept), without a device in whole pixels.
QFont figureFont(double emPixels, bool bold = false, const QPaintDevice* device = nullptr, const QString& family = {});

}  // namespace cl::ui
