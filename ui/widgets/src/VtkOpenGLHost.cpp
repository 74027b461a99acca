#include "ui/VtkOpenGLHost.h"

#include "VtkFrame.h"

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkOpenGLState.h>
#include <vtkSmartPointer.h>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QPainter>
#include <QSurfaceFormat>
#include <QWheelEvent>
#include <QWindow>

#include <algorithm>
#include <cmath>

namespace cl::ui {

void useVtkSurfaceFormat()
{
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    QSurfaceFormat::setDefaultFormat(format);
}

struct VtkOpenGLHost::Vtk {
    vtkSmartPointer<vtkGenericOpenGLRenderWindow> window = vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New();
    vtkSmartPointer<vtkGenericRenderWindowInteractor> interactor =
        vtkSmartPointer<vtkGenericRenderWindowInteractor>::New();
    vtkSmartPointer<vtkCallbackCommand> callback = vtkSmartPointer<vtkCallbackCommand>::New();
    Surface* surface = nullptr;    // owned by the container
    QWidget* container = nullptr;  // a child of the host
    std::unique_ptr<QOpenGLContext> context;
    bool vtkReady = false;  // VTK's GL state was made in `context`
    bool renderPending = false;
};

// The native window VTK draws in. It takes no input: the pointer passes through it to the
// top-level window, which hands events to the host widget like to any other widget (so focus,
// shortcuts, tooltips and context menus behave as everywhere else).
class VtkOpenGLHost::Surface : public QWindow {
public:
    explicit Surface(VtkOpenGLHost* host) : host_(host)
    {
        setSurfaceType(QSurface::OpenGLSurface);
        setFlag(Qt::WindowTransparentForInput);
    }
    void detach() { host_ = nullptr; }

protected:
    void exposeEvent(QExposeEvent*) override
    {
        // The window's pixels may be gone (it was hidden or covered): draw them again.
        if (host_ && isExposed()) host_->renderFrame();
    }

private:
    VtkOpenGLHost* host_;
};

namespace {

// VTK asks its host to make the context current and to say whether it is; the interactor asks
// for renders, which become scheduled frames.
void onVtkEvent(vtkObject*, unsigned long event, void* clientData, void* callData)
{
    auto* host = static_cast<VtkOpenGLHost*>(clientData);
    switch (event) {
        case vtkCommand::WindowMakeCurrentEvent:
            host->makeVtkContextCurrent();
            break;
        case vtkCommand::WindowIsCurrentEvent:
            *static_cast<bool*>(callData) = host->vtkContextIsCurrent();
            break;
        case vtkCommand::RenderEvent:  // the interactor wants a render: do it in the next frame
            host->requestRender();
            break;
        default:
            break;
    }
}

int vtkKeyCode(const QKeyEvent* event)
{
    const QString text = event->text();
    return text.size() == 1 && text[0].unicode() < 128 ? text[0].toLatin1() : 0;
}

}  // namespace

VtkOpenGLHost::VtkOpenGLHost(QWidget* parent) : QWidget(parent), vtk_(std::make_unique<Vtk>())
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    vtk_->surface = new Surface(this);
    vtk_->container = QWidget::createWindowContainer(vtk_->surface, this);
    // Mouse events go to the host, under the container, as if the container were not there.
    vtk_->container->setAttribute(Qt::WA_TransparentForMouseEvents);
    vtk_->container->setFocusPolicy(Qt::NoFocus);

    vtk_->window->SetReadyForRendering(false);  // until a context exists for it
    vtk_->window->SetInteractor(vtk_->interactor);
    vtk_->interactor->SetRenderWindow(vtk_->window);
    // Renders the interactor asks for become scheduled frames; VTK renders only in renderFrame
    // and grabFramebuffer.
    vtk_->interactor->EnableRenderOff();
    vtk_->interactor->Initialize();

    vtk_->callback->SetClientData(this);
    vtk_->callback->SetCallback(onVtkEvent);
    vtk_->window->AddObserver(vtkCommand::WindowMakeCurrentEvent, vtk_->callback);
    vtk_->window->AddObserver(vtkCommand::WindowIsCurrentEvent, vtk_->callback);
    vtk_->interactor->AddObserver(vtkCommand::RenderEvent, vtk_->callback);
}

VtkOpenGLHost::~VtkOpenGLHost()
{
    vtk_->surface->detach();
    if (vtk_->vtkReady && vtk_->context->makeCurrent(vtk_->surface)) {
        releaseVtkResources();
        vtk_->context->doneCurrent();
    }
    vtk_->context.reset();  // before the surface, which the container deletes later
    vtk_->window->RemoveObserver(vtk_->callback);
    vtk_->interactor->RemoveObserver(vtk_->callback);
}

vtkGenericOpenGLRenderWindow* VtkOpenGLHost::renderWindow() const
{
    return vtk_->window;
}

vtkGenericRenderWindowInteractor* VtkOpenGLHost::interactor() const
{
    return vtk_->interactor;
}

void VtkOpenGLHost::requestRender()
{
    // A hidden or covered surface draws when it is exposed. Otherwise the frame is drawn as soon
    // as the event loop is back (several requests before then make one frame), not after
    // QWindow::requestUpdate's 5 ms timer: a change shows in every linked view at once.
    if (!vtk_->surface->isExposed() || vtk_->renderPending) return;
    vtk_->renderPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            vtk_->renderPending = false;
            renderFrame();
        },
        Qt::QueuedConnection);
}

void VtkOpenGLHost::makeVtkContextCurrent()
{
    if (vtk_->context && QOpenGLContext::currentContext() != vtk_->context.get())
        vtk_->context->makeCurrent(vtk_->surface);
}

bool VtkOpenGLHost::vtkContextIsCurrent() const
{
    return vtk_->context && QOpenGLContext::currentContext() == vtk_->context.get();
}

void VtkOpenGLHost::releaseVtkResources()
{
    if (!vtk_->vtkReady) return;
    vtk_->window->Finalize();  // frees VTK's GL objects while the context still exists
    vtk_->window->SetReadyForRendering(false);
    vtk_->vtkReady = false;
}

bool VtkOpenGLHost::makeCurrent()
{
    Vtk& v = *vtk_;
    if (!v.surface->handle()) v.surface->create();
    if (!v.context) {
        auto context = std::make_unique<QOpenGLContext>();
        context->setFormat(v.surface->requestedFormat());
        if (!context->create()) {
            qWarning("VtkOpenGLHost: cannot create an OpenGL context");
            return false;
        }
        v.context = std::move(context);
    }
    if (!v.context->makeCurrent(v.surface)) return false;
    if (!v.vtkReady) {
        vtkGenericOpenGLRenderWindow* w = v.window;
        w->SetOwnContext(false);
        // Frame() copies VTK's internal framebuffer into whatever is bound when Render starts.
        w->SetFrameBlitModeToBlitToCurrent();
        w->SetUseOffScreenBuffers(false);
        // No multisampling on screen: under Mesa's llvmpipe (Xvfb, CI) it draws chart grid lines
        // black, shifts line colours and leaves bars beside text. Exported figures are rendered
        // off screen with multisampling (FigureExport), where it works.
        w->SetMultiSamples(0);
        w->OpenGLInitContext();
        w->SetReadyForRendering(true);
        v.vtkReady = true;
        syncSize();
    }
    return true;
}

QSize VtkOpenGLHost::deviceSize() const
{
    const double ratio = devicePixelRatioF();
    return {std::max(1, int(std::lround(width() * ratio))), std::max(1, int(std::lround(height() * ratio)))};
}

void VtkOpenGLHost::syncSize()
{
    const QSize size = deviceSize();
    vtk_->interactor->UpdateSize(size.width(), size.height());  // also resizes the render window
    vtk_->window->SetSize(size.width(), size.height());
}

void VtkOpenGLHost::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    vtk_->container->setGeometry(rect());
    syncSize();
    resizeScene(deviceSize().width(), deviceSize().height());
    requestRender();
}

void VtkOpenGLHost::resizeScene(int, int) {}

void VtkOpenGLHost::renderFrame()
{
    if (!vtk_->surface->isExposed() || !makeCurrent()) return;
    renderVtkInto(vtk_->window, vtk_->context->defaultFramebufferObject());
    vtk_->context->swapBuffers(vtk_->surface);
    emit frameSwapped();
}

QImage VtkOpenGLHost::grabFramebuffer()
{
    if (!makeCurrent()) return {};
    syncSize();
    return renderVtkToImage(vtk_->window, deviceSize().width(), deviceSize().height(),
                            vtk_->context->defaultFramebufferObject());
}

QImage grabWithVtkViews(QWidget* widget)
{
    QImage image = widget->grab().toImage();
    QPainter painter(&image);
    for (VtkOpenGLHost* host : widget->findChildren<VtkOpenGLHost*>()) {
        if (!host->isVisible()) continue;
        QImage frame = host->grabFramebuffer();
        frame.setDevicePixelRatio(host->devicePixelRatioF());
        painter.drawImage(host->mapTo(widget, QPoint(0, 0)), frame);
    }
    return image;
}

// --- events: Qt → VTK interactor (VTK wants device pixels with y up) ---

namespace {
void setPosition(vtkGenericRenderWindowInteractor* iren, const QWidget* w, QPointF position, Qt::KeyboardModifiers mods,
                 int repeat = 0)
{
    const double r = w->devicePixelRatioF();
    iren->SetEventInformationFlipY(static_cast<int>(position.x() * r), static_cast<int>(position.y() * r),
                                   mods.testFlag(Qt::ControlModifier) ? 1 : 0, mods.testFlag(Qt::ShiftModifier) ? 1 : 0,
                                   0, repeat);
    iren->SetAltKey(mods.testFlag(Qt::AltModifier) ? 1 : 0);
}

unsigned long buttonEvent(Qt::MouseButton button, bool press)
{
    switch (button) {
        case Qt::LeftButton:
            return press ? vtkCommand::LeftButtonPressEvent : vtkCommand::LeftButtonReleaseEvent;
        case Qt::RightButton:
            return press ? vtkCommand::RightButtonPressEvent : vtkCommand::RightButtonReleaseEvent;
        case Qt::MiddleButton:
            return press ? vtkCommand::MiddleButtonPressEvent : vtkCommand::MiddleButtonReleaseEvent;
        default:
            return vtkCommand::NoEvent;
    }
}
}  // namespace

void VtkOpenGLHost::mousePressEvent(QMouseEvent* event)
{
    setPosition(vtk_->interactor, this, event->position(), event->modifiers());
    if (const unsigned long id = buttonEvent(event->button(), true); id != vtkCommand::NoEvent)
        vtk_->interactor->InvokeEvent(id, event);
}

void VtkOpenGLHost::mouseDoubleClickEvent(QMouseEvent* event)
{
    setPosition(vtk_->interactor, this, event->position(), event->modifiers(), 1);
    if (const unsigned long id = buttonEvent(event->button(), true); id != vtkCommand::NoEvent)
        vtk_->interactor->InvokeEvent(id, event);
}

void VtkOpenGLHost::mouseReleaseEvent(QMouseEvent* event)
{
    setPosition(vtk_->interactor, this, event->position(), event->modifiers());
    if (const unsigned long id = buttonEvent(event->button(), false); id != vtkCommand::NoEvent)
        vtk_->interactor->InvokeEvent(id, event);
}

void VtkOpenGLHost::mouseMoveEvent(QMouseEvent* event)
{
    setPosition(vtk_->interactor, this, event->position(), event->modifiers());
    vtk_->interactor->InvokeEvent(vtkCommand::MouseMoveEvent, event);
}

void VtkOpenGLHost::wheelEvent(QWheelEvent* event)
{
    setPosition(vtk_->interactor, this, event->position(), event->modifiers());
    const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
    if (delta > 0) vtk_->interactor->InvokeEvent(vtkCommand::MouseWheelForwardEvent, event);
    if (delta < 0) vtk_->interactor->InvokeEvent(vtkCommand::MouseWheelBackwardEvent, event);
    event->accept();
}

void VtkOpenGLHost::keyPressEvent(QKeyEvent* event)
{
    const QByteArray text = event->text().toUtf8();
    vtk_->interactor->SetKeyEventInformation(
        event->modifiers().testFlag(Qt::ControlModifier), event->modifiers().testFlag(Qt::ShiftModifier),
        vtkKeyCode(event), event->isAutoRepeat() ? event->count() : 0, text.isEmpty() ? nullptr : text.constData());
    vtk_->interactor->InvokeEvent(vtkCommand::KeyPressEvent, event);
    if (vtkKeyCode(event) != 0) vtk_->interactor->InvokeEvent(vtkCommand::CharEvent, event);
    QWidget::keyPressEvent(event);
}

void VtkOpenGLHost::keyReleaseEvent(QKeyEvent* event)
{
    vtk_->interactor->SetKeyEventInformation(event->modifiers().testFlag(Qt::ControlModifier),
                                             event->modifiers().testFlag(Qt::ShiftModifier), vtkKeyCode(event), 0,
                                             nullptr);
    vtk_->interactor->InvokeEvent(vtkCommand::KeyReleaseEvent, event);
    QWidget::keyReleaseEvent(event);
}

void VtkOpenGLHost::enterEvent(QEnterEvent* event)
{
    setPosition(vtk_->interactor, this, event->position(), event->modifiers());
    vtk_->interactor->InvokeEvent(vtkCommand::EnterEvent, event);
    QWidget::enterEvent(event);
}

void VtkOpenGLHost::leaveEvent(QEvent* event)
{
    vtk_->interactor->InvokeEvent(vtkCommand::LeaveEvent, event);
    QWidget::leaveEvent(event);
}

}  // namespace cl::ui
