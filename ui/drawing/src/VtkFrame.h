#pragma once
// The OpenGL calls of VtkOpenGLHost, kept apart from Qt's OpenGL headers (GLEW, which VTK uses,
// and Qt's GL headers cannot share a file). The caller has made the context current.

#include <QImage>

class vtkGenericOpenGLRenderWindow;

namespace cl::ui {

/// Renders `window` with its Frame() blitting into framebuffer object `fbo` (0: the back
/// buffer of the current surface).
void renderVtkInto(vtkGenericOpenGLRenderWindow* window, unsigned fbo);

/// Renders `window` into a colour renderbuffer of width × height and returns the pixels (origin
/// top-left, opaque); `restore` is bound afterwards.
QImage renderVtkToImage(vtkGenericOpenGLRenderWindow* window, int width, int height, unsigned restore);

}  // namespace cl::ui
