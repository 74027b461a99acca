#include "LandscapeItem.h"

#include "ui/FigureStyle.h"

#include <vtkBrush.h>
#include <vtkContext2D.h>
#include <vtkOpenGLContextDevice2D.h>
#include <vtkPen.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

namespace cl::ui {
void LandscapeItem::setPen(vtkContext2D* painter, Rgb colour, float width, unsigned char alpha)
{
    painter->GetPen()->SetColor(colour.r, colour.g, colour.b, alpha);
    painter->GetPen()->SetWidth(width);
    painter->GetPen()->SetLineType(vtkPen::SOLID_LINE);
}

void LandscapeItem::setBrush(vtkContext2D* painter, Rgb colour, unsigned char alpha)
{
    painter->GetBrush()->SetColor(colour.r, colour.g, colour.b, alpha);
}

void LandscapeItem::setFont(vtkContext2D* painter, double pixelSize, Rgb colour, int justify, int vertical, bool bold,
                            double orientation)
{
    vtkTextProperty* text = painter->GetTextProp();
    useStyleFont(text, bold);  // the one style's face (FigureStyle)
    text->SetFontSize(static_cast<int>(pixelSize + 0.5));
    text->SetColor(colour.r / 255.0, colour.g / 255.0, colour.b / 255.0);
    text->SetOpacity(1.0);
    text->SetJustification(justify == 0 ? VTK_TEXT_LEFT : justify == 1 ? VTK_TEXT_CENTERED : VTK_TEXT_RIGHT);
    text->SetVerticalJustification(vertical == 0 ? VTK_TEXT_BOTTOM : vertical == 1 ? VTK_TEXT_CENTERED : VTK_TEXT_TOP);
    text->SetOrientation(orientation);
    text->SetShadow(false);
    // All text sits on the white page. An opaque page-coloured box around each string keeps the
    // multisampled texture lookups at the box's edge from picking up ink from the opposite edge.
    text->SetBackgroundColor(palette::background.r / 255.0, palette::background.g / 255.0,
                             palette::background.b / 255.0);
    text->SetBackgroundOpacity(1.0);
    painter->ApplyTextProp(text);
}

void LandscapeItem::drawText(vtkContext2D* painter, double x, double y, const std::string& text) const
{
    painter->DrawString(static_cast<float>(std::round(x)), static_cast<float>(std::round(y)), text.c_str());
}

void LandscapeItem::appendArrowLines(std::vector<float>& segments, double x0, double y0, double x1, double y1,
                                     double head)
{
    const double length = std::hypot(x1 - x0, y1 - y0);
    if (!(length > 0)) return;
    const double ux = (x1 - x0) / length, uy = (y1 - y0) / length;
    head = std::min(head, 0.45 * length);
    const double halfWidth = 0.5 * head;
    const double baseX = x1 - ux * head, baseY = y1 - uy * head;
    segments.insert(segments.end(),
                    {float(x0), float(y0), float(x1), float(y1),                                          // shaft
                     float(x1), float(y1), float(baseX - uy * halfWidth), float(baseY + ux * halfWidth),  // barbs
                     float(x1), float(y1), float(baseX + uy * halfWidth), float(baseY - ux * halfWidth)});
}

bool LandscapeItem::drawsThroughOpenGL(vtkContext2D* painter)
{
    return vtkOpenGLContextDevice2D::SafeDownCast(painter->GetDevice()) != nullptr;
}

void LandscapeItem::drawSegments(vtkContext2D* painter, std::vector<float>& segments)
{
    if (segments.size() < 4) return;
    vtkPen* pen = painter->GetPen();
    const float half = 0.5f * pen->GetWidth();
    if (!drawsThroughOpenGL(painter) || half <= 0.5f) {
        painter->DrawLines(segments.data(), static_cast<int>(segments.size() / 2));
        return;
    }
    std::vector<float> quads;
    quads.reserve(2 * segments.size());
    for (std::size_t k = 0; k + 3 < segments.size(); k += 4) {
        const float x0 = segments[k], y0 = segments[k + 1], x1 = segments[k + 2], y1 = segments[k + 3];
        const float length = std::hypot(x1 - x0, y1 - y0);
        if (!(length > 0)) continue;
        const float nx = -(y1 - y0) / length * half, ny = (x1 - x0) / length * half;
        quads.insert(quads.end(), {x0 + nx, y0 + ny, x0 - nx, y0 - ny, x1 - nx, y1 - ny, x1 + nx, y1 + ny});
    }
    if (quads.empty()) return;
    // Quads are filled with the brush: lend it the pen's colour for this call.
    vtkBrush* brush = painter->GetBrush();
    const vtkColor4ub saved = brush->GetColorObject();
    brush->SetColor(pen->GetColorObject());
    painter->GetDevice()->DrawQuad(quads.data(), static_cast<int>(quads.size() / 2));
    brush->SetColor(saved);
}

void LandscapeItem::drawArrow(vtkContext2D* painter, double x0, double y0, double x1, double y1, double head)
{
    const double length = std::hypot(x1 - x0, y1 - y0);
    if (!(length > 0)) return;
    const double ux = (x1 - x0) / length, uy = (y1 - y0) / length;
    head = std::min(head, 0.45 * length);
    const double halfWidth = 0.45 * head;
    const double baseX = x1 - ux * head, baseY = y1 - uy * head;
    painter->DrawLine(float(x0), float(y0), float(baseX), float(baseY));
    float triangle[6] = {float(x1),
                         float(y1),
                         float(baseX - uy * halfWidth),
                         float(baseY + ux * halfWidth),
                         float(baseX + uy * halfWidth),
                         float(baseY - ux * halfWidth)};
    painter->DrawPolygon(triangle, 3);
}

}  // namespace cl::ui
