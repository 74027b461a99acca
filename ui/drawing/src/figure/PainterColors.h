#pragma once
// Colours as PainterDevice's parts read them from VTK (vertex arrays, pens, brushes) for QPainter.

#include <vtkBrush.h>
#include <vtkPen.h>

#include <QColor>

namespace cl::ui {

inline QColor rgbaColor(const unsigned char* c, int components)
{
    if (components >= 4) return QColor(c[0], c[1], c[2], c[3]);
    if (components == 3) return QColor(c[0], c[1], c[2]);
    if (components == 1) return QColor(c[0], c[0], c[0]);
    return QColor(0, 0, 0);
}

inline QColor penColor(vtkPen* pen)
{
    const vtkColor4ub c = pen->GetColorObject();  // GetColor(unsigned char*) fills only RGB
    return QColor(c[0], c[1], c[2], c[3]);
}

inline QColor brushColor(vtkBrush* brush)
{
    const vtkColor4ub c = brush->GetColorObject();
    return QColor(c[0], c[1], c[2], c[3]);
}

}  // namespace cl::ui
