#pragma once
// Common ground of the landscape's context items: the model they draw and small drawing helpers
// (pen, brush and font from the palette). Each subclass draws one layer of the figure.

#include "LandscapeModel.h"
#include "ui/LandscapeColors.h"

#include <vtkContextItem.h>

#include <memory>
#include <string>
#include <vector>

class vtkContext2D;

namespace cl::ui {

class LandscapeItem : public vtkContextItem {
public:
    vtkTypeMacro(LandscapeItem, vtkContextItem);
    void setModel(std::shared_ptr<const LandscapeModel> model) { model_ = std::move(model); }

protected:
    LandscapeItem() = default;
    ~LandscapeItem() override = default;

    const LandscapeModel* model() const { return model_.get(); }
    /// Where this item's panel sits in the scene (computed when the figure was populated).
    const PlotLayout& layout() const { return model_->layout; }

    static void setPen(vtkContext2D* painter, Rgb colour, float width, unsigned char alpha = 255);
    static void setBrush(vtkContext2D* painter, Rgb colour, unsigned char alpha = 255);
    /// DejaVu Sans when installed (it has θ, subscripts and ⟨⟩), VTK's Arial otherwise.
    /// justify: 0 left, 1 centre, 2 right; vertical: 0 bottom, 1 centre, 2 top.
    static void setFont(vtkContext2D* painter, double pixelSize, Rgb colour, int justify = 0, int vertical = 0,
                        bool bold = false, double orientation = 0);

    /// DrawString at whole pixels: text is a texture, and a fractional offset smears its edge
    /// rows (visible with multisampling).
    void drawText(vtkContext2D* painter, double x, double y, const std::string& text) const;
    /// A filled arrow from (x0, y0) to (x1, y1) in scene pixels; head length in pixels.
    static void drawArrow(vtkContext2D* painter, double x0, double y0, double x1, double y1, double head);
    /// The same arrow with an open (two-barb) head, as three segments appended to `segments`
    /// for one DrawLines call: hundreds of arrows then cost one draw call instead of hundreds.
    static void appendArrowLines(std::vector<float>& segments, double x0, double y0, double x1, double y1, double head);
    /// Whether the painter draws on screen (or into a PNG) through OpenGL rather than into an SVG
    /// or PDF file: items take faster paths there that a vector file must not get.
    static bool drawsThroughOpenGL(vtkContext2D* painter);
    /// Line segments (x0 y0 x1 y1 …, scene pixels) in the pen's colour and width. On screen a
    /// wide pen becomes one quad per segment, all in one draw call: VTK's own wide lines build
    /// their triangles one push_back at a time. Vector devices (SVG, PDF) get real lines.
    static void drawSegments(vtkContext2D* painter, std::vector<float>& segments);

private:
    LandscapeItem(const LandscapeItem&) = delete;
    void operator=(const LandscapeItem&) = delete;
    std::shared_ptr<const LandscapeModel> model_;
};

}  // namespace cl::ui
