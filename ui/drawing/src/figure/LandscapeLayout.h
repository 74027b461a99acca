#pragma once
// Where the panels of a landscape figure go (LandscapeFigure.h's landscapePanelLayout and
// landscapeFigureHeight, and the multi-panel heading): side by side, each plot with its legend
// in a column at its right, or, when that column would squeeze the plot, in a band below it.

#include "ui/LandscapeFigure.h"

namespace cl::ui {

/// Panel `index`'s layout in a width×height scene showing `shown` (the data rectangle).
PlotLayout landscapeLayout(const LandscapeFigureSpec& spec, const DataRect& shown, std::size_t index, double width,
                           double height, double scale);

/// The height at which the panels of a `width`-wide figure fill it (width-limited plots).
double landscapeLayoutHeight(const LandscapeFigureSpec& spec, const DataRect& shown, double width, double scale);

/// The layout of a multi-panel figure's heading: titleY, text sizes and the width it fits.
PlotLayout landscapeHeadingLayout(const LandscapeFigureSpec& spec, const DataRect& shown, double width, double height,
                                  double scale);

}  // namespace cl::ui
