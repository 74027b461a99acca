#pragma once
// Works around VTK 9.1's SVG exporter, which decides whether to keep the <defs> element before
// writing the images and clip rectangles into it: a scene whose only definitions are images
// (region shading, P map) or clips loses them, and the SVG shows neither. One invisible marker
// puts a symbol into <defs> while painting, so the exporter keeps it and writes the rest.
// Fully transparent: nothing shows on screen, in PNG or in PDF.

#include "LandscapeItem.h"

namespace cl::ui {

class SvgDefinitionsItem : public LandscapeItem {
public:
    static SvgDefinitionsItem* New();
    vtkTypeMacro(SvgDefinitionsItem, LandscapeItem);
    bool Paint(vtkContext2D* painter) override;

protected:
    SvgDefinitionsItem() = default;
    ~SvgDefinitionsItem() override = default;
};

}  // namespace cl::ui
