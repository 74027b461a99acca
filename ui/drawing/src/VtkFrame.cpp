// vtk_glew.h provides the GL API here; no Qt OpenGL header may follow it.
#include <vtk_glew.h>

#include "VtkFrame.h"

#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkOpenGLState.h>

namespace cl::ui {

void renderVtkInto(vtkGenericOpenGLRenderWindow* window, unsigned fbo)
{
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    window->SetIsCurrent(true);
    vtkOpenGLState* state = window->GetState();
    // Qt may have changed GL state behind VTK's cache since the last frame: re-read it
    // (including the framebuffer bound above, where Frame() will blit), and restore it after.
    state->Reset();
    state->ResetFramebufferBindings();
    state->Push();
    state->vtkglDepthFunc(GL_LEQUAL);  // VTK expects GL_LEQUAL
    window->Render();
    state->Pop();
}

QImage renderVtkToImage(vtkGenericOpenGLRenderWindow* window, int width, int height, unsigned restore)
{
    // A renderbuffer of our own: a window's back buffer holds nothing defined while the window
    // is hidden or covered.
    GLuint target = 0, colour = 0;
    glGenFramebuffers(1, &target);
    glGenRenderbuffers(1, &colour);
    glBindRenderbuffer(GL_RENDERBUFFER, colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, target);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
    renderVtkInto(window, target);
    QImage image(width, height, QImage::Format_RGBA8888);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, target);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.bits());
    glBindFramebuffer(GL_FRAMEBUFFER, restore);
    glDeleteRenderbuffers(1, &colour);
    glDeleteFramebuffers(1, &target);
    // GL rows run bottom-up; the frame is opaque whatever alpha VTK left.
    return image.mirrored().convertToFormat(QImage::Format_RGB32);
}

}  // namespace cl::ui
