#include "GridImage.h"

#include <vtkContext2D.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkOpenGLContextDevice2D.h>
#include <vtkRect.h>
#include <vtkTransform2D.h>

#include <cstring>

namespace cl::ui {

void fillGridImage(vtkImageData* image, int n, const std::vector<unsigned char>& pixels)
{
    image->SetDimensions(n, n, 1);
    image->AllocateScalars(VTK_UNSIGNED_CHAR, 3);
    std::memcpy(image->GetScalarPointer(), pixels.data(), pixels.size());
    image->Modified();
}

void drawGridImage(vtkContext2D* painter, const float rect[4], vtkImageData* image)
{
    if (!vtkOpenGLContextDevice2D::SafeDownCast(painter->GetDevice())) {
        painter->DrawImage(vtkRectf(rect[0], rect[1], rect[2], rect[3]), image);
        return;
    }
    // The texture overload draws texel (i, j) at p + (i, j) * scale and the image n × m units
    // wide (VTK adds one unit to the last texel's position): scale the unit to one texel.
    int dims[3];
    image->GetDimensions(dims);
    vtkNew<vtkTransform2D> toRect;
    toRect->Translate(rect[0], rect[1]);
    toRect->Scale(rect[2] / dims[0], rect[3] / dims[1]);
    painter->PushMatrix();
    painter->AppendTransform(toRect);
    painter->DrawImage(0.0f, 0.0f, 1.0f, image);
    painter->PopMatrix();
}

}  // namespace cl::ui
