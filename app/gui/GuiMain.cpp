#include "gui/GuiMain.h"

#include "ui/MainWindow.h"
#include "ui/VtkOpenGLHost.h"

#include <QApplication>
#include <QStringList>
#include <QTimer>

namespace cl::gui {

int runGui(int argc, char** argv)
{
    cl::ui::useVtkSurfaceFormat();  // before any context exists

    QApplication app(argc, argv);
    QApplication::setApplicationName("CommuteLab");
    QApplication::setApplicationVersion(COMMUTELAB_VERSION);
    QApplication::setOrganizationName("CommuteLab");
    cl::ui::MainWindow window;
    window.show();
    // `commutelab FILE…`: a session opens in the workspace, a log in a log window, judged by
    // content (MainWindow::openFile). Opened once the event loop runs, so the windows exist and
    // any message they show stacks above them.
    const QStringList arguments = QApplication::arguments().mid(1);
    QTimer::singleShot(0, &window, [&window, arguments] {
        for (const QString& path : arguments) window.openFile(path);
    });
    return QApplication::exec();
}

}  // namespace cl::gui
