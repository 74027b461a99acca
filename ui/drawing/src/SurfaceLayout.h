#pragma once
// The 3-D surface figure's layout, text and lighting, declared once for both ways it is drawn:
// SurfaceScene (VTK actors: the window and the OpenGL PNG) and SurfaceFigurePainter (projected
// triangles painted with QPainter: SVG and PDF). Sizes are pixels at 96 DPI, multiplied by the
// figure's scale (devicePixelRatio on screen, dpi / 96 in exports).

#include "ui/LandscapeColors.h"

#include <array>
#include <string>

namespace cl::ui {

struct SurfaceGeometry;

namespace surfaceLayout {

// Text, pixels at scale 1 (VTK font sizes are the em in pixels).
inline constexpr double titlePx = 17, subtitlePx = 12, axisTitlePx = 15, tickLabelPx = 12;
inline constexpr double barTitlePx = 14, barLabelPx = 12;
// Title and subtitle: left margin and top of each line.
inline constexpr double textLeft = 14, titleTop = 12, subtitleTop = 40;
// The colour bar's block at the right (bar and labels), its margins, and the bar's share of it.
inline constexpr double barBlock = 100, barGap = 8, barTop = 70, barBottom = 40, barRatio = 0.25;
// Pixels between the top of the vertical axis and its title.
inline constexpr double verticalTitleGap = 10;

// Lighting (VTK's headlight: the light comes from the camera): ambient + diffuse · |n·l| on the
// colour-map colour, plus a weak highlight on screen only.
inline constexpr double ambient = 0.35, diffuse = 0.65, specular = 0.12, specularPower = 30;

// Level curves: line width (pixels at scale 1), opacity, and how far they are lifted above the
// surface (a fraction of the rectangle's larger side) so the surface does not cut them.
inline constexpr double curveWidthPx = 1.5, curveOpacity = 0.85, curveLift = 0.004;

/// The colour bar's box in normalised viewport coordinates (origin bottom left): x, y, width, height.
std::array<double, 4> colourBarBox(int width, int height, double scale);
/// The camera's window centre that puts the θ box midway between the left edge and the colour bar,
/// a little below the middle (the title is above): vtkCamera::SetWindowCenter's arguments.
std::array<double, 2> windowCenter(int width, int height, double scale);

/// "Surface of L₁".
std::string title(const std::string& valueName);
/// What the heights mean (the scale) and how many points are undefined.
std::string subtitle(const std::string& valueName, const SurfaceGeometry& geometry);

/// A level curve's colour: ink over light colours of the map, white over dark ones, so it shows
/// on the whole surface. `lo`..`hi` is the map's range of values.
Rgb levelCurveColour(const ColorMap& map, double level, double lo, double hi);

}  // namespace surfaceLayout
}  // namespace cl::ui
