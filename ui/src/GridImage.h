#pragma once
// Draws a grid's image (region shading, P map) stretched over a scene rectangle.

class vtkContext2D;
class vtkImageData;

#include <vector>

namespace cl::ui {

/// Fills `image` with an n × n RGB picture from `pixels` (3 bytes per point, rows bottom-up).
void fillGridImage(vtkImageData* image, int n, const std::vector<unsigned char>& pixels);

/// On the OpenGL device the image goes through the device's cached texture, uploaded again only
/// when the image changes (VTK's rectangle overload converts and uploads it on every frame:
/// ~1 MB per frame at 512², the largest cost of a bracket or P-map repaint under Mesa).
/// Other devices (SVG, PDF) get the rectangle overload, which they write as one picture.
void drawGridImage(vtkContext2D* painter, const float rect[4], vtkImageData* image);

}  // namespace cl::ui
