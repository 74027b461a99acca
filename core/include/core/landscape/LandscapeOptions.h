#pragma once
// How the landscape panels are drawn: arrow density and scaling, level curves, colour maps and the
// P map's colour scale. Plain data, kept in sessions (LandscapeSession.h) and settings; ui/ draws it.

#include "core/landscape/ColorScale.h"

#include <string>

namespace cl {

struct LandscapeOptions {
    int arrowDensity = 24;  // arrows per side of the plot
    /// How arrow length follows the vector's norm |v| (relative to the 95th percentile over the
    /// arrows, capped at one lattice spacing); Normalised draws every arrow the same length.
    enum class ArrowScaling { Linear, SquareRoot, Log, Normalised } arrowScaling = ArrowScaling::SquareRoot;
    int contourCount = 7;               // level curves per loss, at evenly spaced quantiles
    std::string colorMap = "viridis";   // sequential: colours the level curves of the L1/L2 panels
    std::string divergingMap = "RdBu";  // the P map, centred on 0
    bool colorBlindRegions = true;      // green/purple from Dark2 (colour-blind safe) vs plain green/magenta
    ColorScaleSpec pScale;              // the P map's limits (robust or manual) and linear or symlog scale
};

}  // namespace cl
