// vtk_glew.h must come before any Qt OpenGL header: both define the GL API.
#include <vtk_glew.h>

#include "ui/VtkOpenGLHost.h"

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkOpenGLState.h>
#include <vtkSmartPointer.h>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QSurfaceFormat>
#include <QOpenGLContext>
#include <QWheelEvent>

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
    bool contextReady = false;
};

namespace {

// VTK asks its host to make the context current and to say whether it is; the interactor asks
// for renders, which become Qt updates.
void onVtkEvent(vtkObject*, unsigned long event, void* clientData, void* callData)
{
    auto* host = static_cast<VtkOpenGLHost*>(clientData);
    switch (event) {
    case vtkCommand::WindowMakeCurrentEvent: {
        // Not QOpenGLWidget::makeCurrent(): that also binds Qt's framebuffer, behind the back
        // of VTK's state cache, and VTK asks for this in the middle of a render.
        QOpenGLContext* context = host->context();
        if (context && QOpenGLContext::currentContext() != context) context->makeCurrent(context->surface());
        break;
    }
    case vtkCommand::WindowIsCurrentEvent: {
        auto* current = QOpenGLContext::currentContext();
        *static_cast<bool*>(callData) = current && current == host->context();
        break;
    }
    case vtkCommand::RenderEvent:  // the interactor wants a render: do it in paintGL
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

VtkOpenGLHost::VtkOpenGLHost(QWidget* parent) : QOpenGLWidget(parent), vtk_(std::make_unique<Vtk>())
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setUpdateBehavior(QOpenGLWidget::NoPartialUpdate);

    vtk_->window->SetReadyForRendering(false);  // until initializeGL has a context for it
    vtk_->window->SetInteractor(vtk_->interactor);
    vtk_->interactor->SetRenderWindow(vtk_->window);
    // Renders the interactor asks for become Qt updates; VTK renders only inside paintGL.
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
    // QOpenGLWidget's destructor destroys the context after vtk_ is gone: stop listening first.
    if (context()) disconnect(context(), nullptr, this, nullptr);
    if (vtk_->contextReady) {
        makeCurrent();
        releaseVtkResources();
        doneCurrent();
    }
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

void VtkOpenGLHost::releaseVtkResources()
{
    if (!vtk_->contextReady) return;
    vtk_->window->Finalize();  // frees VTK's GL objects while the context still exists
    vtk_->window->SetReadyForRendering(false);
    vtk_->contextReady = false;
}

void VtkOpenGLHost::initializeGL()
{
    // A widget moved to another top-level window gets a new context: drop the old resources.
    connect(context(), &QOpenGLContext::aboutToBeDestroyed, this,
            [this] {
                makeCurrent();
                releaseVtkResources();
            },
            Qt::DirectConnection);
    vtkGenericOpenGLRenderWindow* w = vtk_->window;
    w->SetOwnContext(false);
    // Frame() copies VTK's internal framebuffer into whatever is bound: Qt's FBO in paintGL.
    w->SetFrameBlitModeToBlitToCurrent();
    w->SetUseOffScreenBuffers(false);
    // No multisampling on screen: under Mesa's llvmpipe (Xvfb, CI) it draws chart grid lines
    // black, shifts line colours and leaves bars beside text. Exported figures are rendered
    // off screen with multisampling (FigureExport), where it works.
    w->SetMultiSamples(0);
    w->OpenGLInitContext();
    w->SetReadyForRendering(true);
    vtk_->contextReady = true;
    syncSize();
}

void VtkOpenGLHost::syncSize()
{
    const double ratio = devicePixelRatioF();
    const int w = static_cast<int>(width() * ratio + 0.5), h = static_cast<int>(height() * ratio + 0.5);
    vtk_->interactor->UpdateSize(w, h);  // also resizes the render window
    vtk_->window->SetSize(w, h);
}

void VtkOpenGLHost::resizeGL(int, int)
{
    syncSize();
}

void VtkOpenGLHost::paintGL()
{
    if (!vtk_->contextReady) return;
    vtkGenericOpenGLRenderWindow* w = vtk_->window;
    w->SetIsCurrent(true);
    vtkOpenGLState* state = w->GetState();
    // Qt changed GL state behind VTK's cache since the last frame: re-read it (including the
    // framebuffer Qt bound for this frame, where Frame() will blit), and restore Qt's view of it
    // afterwards.
    state->Reset();
    state->ResetFramebufferBindings();
    state->Push();
    state->vtkglDepthFunc(GL_LEQUAL);  // Qt leaves GL_LESS; VTK expects GL_LEQUAL
    w->Render();  // Frame() blits into the FBO bound on entry: Qt's
    state->Pop();
}

// --- events: Qt → VTK interactor (VTK wants device pixels with y up) ---

namespace {
void setPosition(vtkGenericRenderWindowInteractor* iren, const QWidget* w, QPointF position,
                 Qt::KeyboardModifiers mods, int repeat = 0)
{
    const double r = w->devicePixelRatioF();
    iren->SetEventInformationFlipY(static_cast<int>(position.x() * r), static_cast<int>(position.y() * r),
                                   mods.testFlag(Qt::ControlModifier) ? 1 : 0,
                                   mods.testFlag(Qt::ShiftModifier) ? 1 : 0, 0, repeat);
    iren->SetAltKey(mods.testFlag(Qt::AltModifier) ? 1 : 0);
}

unsigned long buttonEvent(Qt::MouseButton button, bool press)
{
    switch (button) {
    case Qt::LeftButton: return press ? vtkCommand::LeftButtonPressEvent : vtkCommand::LeftButtonReleaseEvent;
    case Qt::RightButton: return press ? vtkCommand::RightButtonPressEvent : vtkCommand::RightButtonReleaseEvent;
    case Qt::MiddleButton: return press ? vtkCommand::MiddleButtonPressEvent : vtkCommand::MiddleButtonReleaseEvent;
    default: return vtkCommand::NoEvent;
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
    vtk_->interactor->SetKeyEventInformation(event->modifiers().testFlag(Qt::ControlModifier),
                                             event->modifiers().testFlag(Qt::ShiftModifier), vtkKeyCode(event),
                                             event->isAutoRepeat() ? event->count() : 0,
                                             text.isEmpty() ? nullptr : text.constData());
    vtk_->interactor->InvokeEvent(vtkCommand::KeyPressEvent, event);
    if (vtkKeyCode(event) != 0) vtk_->interactor->InvokeEvent(vtkCommand::CharEvent, event);
    QOpenGLWidget::keyPressEvent(event);
}

void VtkOpenGLHost::keyReleaseEvent(QKeyEvent* event)
{
    vtk_->interactor->SetKeyEventInformation(event->modifiers().testFlag(Qt::ControlModifier),
                                             event->modifiers().testFlag(Qt::ShiftModifier), vtkKeyCode(event), 0,
                                             nullptr);
    vtk_->interactor->InvokeEvent(vtkCommand::KeyReleaseEvent, event);
    QOpenGLWidget::keyReleaseEvent(event);
}

void VtkOpenGLHost::enterEvent(QEnterEvent* event)
{
    setPosition(vtk_->interactor, this, event->position(), event->modifiers());
    vtk_->interactor->InvokeEvent(vtkCommand::EnterEvent, event);
    QOpenGLWidget::enterEvent(event);
}

void VtkOpenGLHost::leaveEvent(QEvent* event)
{
    vtk_->interactor->InvokeEvent(vtkCommand::LeaveEvent, event);
    QOpenGLWidget::leaveEvent(event);
}

}  // namespace cl::ui
