#pragma once
// A QOpenGLWidget that lets a vtkGenericOpenGLRenderWindow draw into it: VTK renders inside
// paintGL into Qt's framebuffer, and mouse, wheel and key events go to a VTK interactor.
// (Debian's VTK Qt module is built for Qt 5, so this replaces QVTKOpenGLNativeWidget.)
// Subclasses add renderers to renderWindow() and call requestRender(); never call Render() outside
// paintGL. VTK's "make current" requests only switch the context, never the bound framebuffer:
// rebinding Qt's FBO mid-render makes VTK draw into it (and attach its textures to it).

#include <QOpenGLWidget>

#include <memory>

class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;

namespace cl::ui {

/// Makes every new OpenGL context one VTK's OpenGL2 backend can use (3.2 core profile, depth
/// and stencil buffers). Call once, before the QApplication creates any window.
void useVtkSurfaceFormat();

class VtkOpenGLHost : public QOpenGLWidget {
    Q_OBJECT

public:
    explicit VtkOpenGLHost(QWidget* parent = nullptr);
    ~VtkOpenGLHost() override;

    vtkGenericOpenGLRenderWindow* renderWindow() const;
    vtkGenericRenderWindowInteractor* interactor() const;
    /// Asks for a VTK render in the next frame (renders happen only there).
    void requestRender() { update(); }
    /// Device pixels per logical pixel, as VTK sees them.
    double pixelRatio() const { return devicePixelRatioF(); }

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;

    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void releaseVtkResources();
    void syncSize();

    struct Vtk;
    std::unique_ptr<Vtk> vtk_;
};

}  // namespace cl::ui
