#pragma once
// What one landscape panel draws: the sampled fields, what is derived from them once per figure
// (level curves, region shares, the P colour limit, the pixels of the shaded panels) and the panel's own layout. The
// scene items only read it; populateLandscapeFigure builds a new one for every change.

#include "core/Contours.h"
#include "core/FieldGrid.h"
#include "ui/LandscapeColors.h"
#include "ui/LandscapeOptions.h"
#include "ui/PlotLayout.h"

#include <memory>
#include <string>
#include <vector>

namespace cl::ui {

/// Computed from the grid and the options, shared by all panels of a figure.
struct LandscapeFieldData {
    std::shared_ptr<const FieldGrid> grid;  // null before the first computation finishes
    std::vector<ContourLevel> l1Curves, l2Curves;
    FieldSummary summary;
    ColorScale pScale;      // how P maps to colours (core's colorScaleFor: robust or manual, linear or symlog)
    double pLimit = 0;      // pScale.limit: the P map shows [−pLimit, pLimit]
    bool pClipped = false;  // pScale.clipped: some |P| exceed pLimit (the colour bar then has pointed ends)
    // One RGB triple per grid point in vtkImageData order (rows bottom-up, like the grid's j):
    // the bracket panel's region shading and the P map, coloured here so that a worker thread,
    // not the painting, pays for it.
    std::vector<unsigned char> regionPixels, pPixels;
    // The L1 and L2 panels' background: white, and the bracket panel's "undefined" grey where
    // that loss is not finite, so "undefined" looks the same in every panel. Empty when the loss
    // is finite everywhere (then the panel draws no background at all).
    std::vector<unsigned char> l1Pixels, l2Pixels;
};

struct LandscapeModel {
    std::shared_ptr<const LandscapeFieldData> data = std::make_shared<LandscapeFieldData>();
    std::shared_ptr<const LandscapeOverlays> overlays;  // may be null
    LandscapePanel panel = LandscapePanel::Bracket;
    LandscapeOptions options;
    ColorMap sequential, diverging;
    Rgb regionGreen = palette::regionGreen, regionPurple = palette::regionPurple;
    std::string title, subtitle, targetLabel;
    PlotLayout layout;

    const FieldGrid* grid() const { return data->grid.get(); }
};

}  // namespace cl::ui
