#pragma once
// A widget in which a vtkGenericOpenGLRenderWindow draws: VTK renders into a native OpenGL child
// window (a QWindow in a window container) with its own context, and mouse, wheel and key events
// reach both this widget's handlers and a VTK interactor.
// (Debian's VTK Qt module is built for Qt 5, so this replaces QVTKOpenGLNativeWidget.)
// Why a native child window and not a QOpenGLWidget: a QOpenGLWidget makes Qt compose the whole
// top-level window through OpenGL on every repaint, even of a status-bar label; under Mesa's
// software rasteriser (Xvfb, CI, remote desktops) that costs 20–25 ms per frame for a 1500×1000
// window. A native child swaps only its own pixels.
// Subclasses add renderers to renderWindow() and call requestRender(); VTK renders only in the
// frame this class schedules (or in grabFramebuffer). VTK's "make current" requests switch the
// context only, never the bound framebuffer: rebinding mid-render makes VTK draw into it.

#include <QImage>
#include <QWidget>

#include <memory>

class vtkGenericOpenGLRenderWindow;
class vtkGenericRenderWindowInteractor;

namespace cl::ui {

/// Makes every new OpenGL context one VTK's OpenGL2 backend can use (3.2 core profile, depth
/// and stencil buffers). Call once, before the QApplication creates any window.
void useVtkSurfaceFormat();

class VtkOpenGLHost : public QWidget {
    Q_OBJECT

public:
    explicit VtkOpenGLHost(QWidget* parent = nullptr);
    ~VtkOpenGLHost() override;

    vtkGenericOpenGLRenderWindow* renderWindow() const;
    vtkGenericRenderWindowInteractor* interactor() const;
    /// Asks for a VTK render in the next frame (several requests before it make one render).
    void requestRender();
    /// Device pixels per logical pixel, as VTK sees them.
    double pixelRatio() const { return devicePixelRatioF(); }
    /// The widget's size in device pixels (at least 1 × 1): VTK's window and scene size.
    QSize deviceSize() const;
    /// Renders the current scene now, off screen, and returns it at the widget's size in device
    /// pixels (origin top-left). Null when no OpenGL context can be made.
    QImage grabFramebuffer();

    // For VTK's context requests (see the .cpp); not for other callers.
    void makeVtkContextCurrent();
    bool vtkContextIsCurrent() const;

signals:
    /// A frame was rendered and put on the screen.
    void frameSwapped();

protected:
    /// The widget's size changed (device pixels); VTK's window already has the new size.
    virtual void resizeScene(int width, int height);

    void resizeEvent(QResizeEvent* event) override;
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
    class Surface;
    friend class Surface;
    /// Makes the context current on the surface, creating both (and VTK's GL state) on first use.
    bool makeCurrent();
    /// Renders and swaps, if the surface is on screen (called for exposures and updates).
    void renderFrame();
    void releaseVtkResources();
    void syncSize();

    struct Vtk;
    std::unique_ptr<Vtk> vtk_;
};

/// A picture of `widget` as on screen, with the VTK views inside it drawn in (QWidget::grab
/// cannot see native OpenGL children). For screenshots and documentation.
QImage grabWithVtkViews(QWidget* widget);

}  // namespace cl::ui
