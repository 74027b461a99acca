#include "gui/GuiMain.h"

#include "ui/MainWindow.h"

#include <QApplication>
#include <QSurfaceFormat>

namespace cl::gui {

int runGui(int argc, char** argv)
{
    // VTK's OpenGL2 backend needs a 3.2+ core profile; set it before any context exists.
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    QSurfaceFormat::setDefaultFormat(format);

    QApplication app(argc, argv);
    QApplication::setApplicationName("CommuteLab");
    QApplication::setApplicationVersion(COMMUTELAB_VERSION);
    cl::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}

}  // namespace cl::gui
