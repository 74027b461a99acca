#include "ui/FigureStyle.h"

#include <vtkPen.h>
#include <vtkRenderingCoreEnums.h>
#include <vtkTextProperty.h>

#include <QFileInfo>

#include <cmath>

namespace cl::ui {

// The theme table: every figure in CommuteLab reads its fonts, widths, colours, markers and
// dashes from here. Sizes follow matplotlib's defaults (10 pt text, 1.5 pt lines) so figures sit
// next to matplotlib ones in a paper.
const FigureStyle& figureStyle()
{
    static const FigureStyle style{
        "DejaVu Sans",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        /*titlePt*/ 11,
        /*subtitlePt*/ 8.5,
        /*axisTitlePt*/ 10,
        /*tickPt*/ 8.5,
        /*legendPt*/ 8.5,
        /*annotationPt*/ 8,
        /*axisLinePt*/ 0.8,
        /*dataLinePt*/ 1.5,
        /*gridLinePt*/ 0.5,
        /*contourLinePt*/ 1.0,
        /*arrowLinePt*/ 0.8,
        /*markerPt*/ 6,
        /*ink*/ {0x20, 0x20, 0x20},
        /*secondaryInk*/ {0x55, 0x55, 0x55},
        /*grid*/ {0xe0, 0xe0, 0xe0},
        /*background*/ {0xff, 0xff, 0xff},
        // Okabe & Ito (2008), "Color Universal Design": distinguishable under all common colour
        // vision deficiencies. Vermillion and blue first: the landscape's L1 and L2.
        {{0xd5, 0x5e, 0x00},
         {0x00, 0x72, 0xb2},
         {0x00, 0x9e, 0x73},
         {0xcc, 0x79, 0xa7},
         {0xe6, 0x9f, 0x00},
         {0x56, 0xb4, 0xe9},
         {0xf0, 0xe4, 0x42},
         {0x00, 0x00, 0x00}},
        {MarkerShape::Circle, MarkerShape::Square, MarkerShape::Diamond, MarkerShape::Cross, MarkerShape::Plus},
        {DashStyle::Solid, DashStyle::Dash, DashStyle::Dot, DashStyle::DashDot, DashStyle::DashDotDot},
        "viridis",
        "RdBu",
        /*widthInches*/ 6.4,
        /*heightInches*/ 4.8,
        /*wideWidthInches*/ 12,
        /*wideHeightInches*/ 3.6,
        /*dpi*/ 150,
        /*minTextPt*/ 7,
        /*minPlotShare*/ 0.55,
    };
    return style;
}

double pointsToPixels(double points, double scale)
{
    return points * scale * 96.0 / 72.0;
}

Rgb domainColor(std::size_t k)
{
    const auto& colors = figureStyle().domainColors;
    return colors[k % colors.size()];
}

std::vector<double> dashPattern(DashStyle dash)
{
    // Long dashes, round dots spaced wider than they are long, and mixes of the two: every pair
    // differs in its on-lengths, not only in spacing, so they stay apart after rasterisation.
    switch (dash) {
        case DashStyle::Solid:
            return {};
        case DashStyle::Dash:
            return {5, 2.5};
        case DashStyle::Dot:
            return {1, 2};
        case DashStyle::DashDot:
            return {5, 2, 1, 2};
        case DashStyle::DashDotDot:
            return {5, 2, 1, 2, 1, 2};
    }
    return {};
}

int vtkLineType(DashStyle dash)
{
    switch (dash) {
        case DashStyle::Solid:
            return vtkPen::SOLID_LINE;
        case DashStyle::Dash:
            return vtkPen::DASH_LINE;
        case DashStyle::Dot:
            return vtkPen::DOT_LINE;
        case DashStyle::DashDot:
            return vtkPen::DASH_DOT_LINE;
        case DashStyle::DashDotDot:
            return vtkPen::DASH_DOT_DOT_LINE;
    }
    return vtkPen::SOLID_LINE;
}

DashStyle dashOfVtkLineType(int lineType)
{
    switch (lineType) {
        case vtkPen::DASH_LINE:
            return DashStyle::Dash;
        case vtkPen::DOT_LINE:
        case vtkPen::DENSE_DOT_LINE:
            return DashStyle::Dot;
        case vtkPen::DASH_DOT_LINE:
            return DashStyle::DashDot;
        case vtkPen::DASH_DOT_DOT_LINE:
            return DashStyle::DashDotDot;
        default:
            return DashStyle::Solid;
    }
}

void useStyleFont(vtkTextProperty* text, bool bold)
{
    const FigureStyle& style = figureStyle();
    static const bool installed = QFileInfo::exists(QString::fromStdString(style.regularFontFile)) &&
                                  QFileInfo::exists(QString::fromStdString(style.boldFontFile));
    // Bold and italic are set every time: a bold heading must not leave the flag on for the labels
    // drawn after it (they turned bold after an export).
    text->SetBold(bold);
    text->SetItalic(false);
    if (!installed) return;  // VTK's built-in face on screen; exports still use DejaVu via Qt
    text->SetFontFamily(VTK_FONT_FILE);
    text->SetFontFile(bold ? style.boldFontFile.c_str() : style.regularFontFile.c_str());
}

void useStyleFont(vtkTextProperty* text, double points, double scale, bool bold)
{
    useStyleFont(text, bold);
    text->SetFontSize(std::max(1, int(std::lround(pointsToPixels(points, scale)))));
}

int vtkMarker(MarkerShape shape)
{
    switch (shape) {
        case MarkerShape::Circle:
            return VTK_MARKER_CIRCLE;
        case MarkerShape::Square:
            return VTK_MARKER_SQUARE;
        case MarkerShape::Diamond:
            return VTK_MARKER_DIAMOND;
        case MarkerShape::Cross:
            return VTK_MARKER_CROSS;
        case MarkerShape::Plus:
            return VTK_MARKER_PLUS;
    }
    return VTK_MARKER_CIRCLE;
}

}  // namespace cl::ui
