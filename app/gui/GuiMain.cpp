#include "gui/GuiMain.h"

#include "ui/MainWindow.h"

#include <QApplication>
#include <QStringList>
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
    QApplication::setOrganizationName("CommuteLab");
    cl::ui::MainWindow window;
    window.show();
    // `commutelab session.json` opens that landscape session; a log file opens its log window.
    const QStringList arguments = QApplication::arguments().mid(1);
    for (const QString& path : arguments) {
        if (path.endsWith(".json", Qt::CaseInsensitive) && window.openSession(path)) continue;
        if (path.endsWith(".csv", Qt::CaseInsensitive) || path.endsWith(".json", Qt::CaseInsensitive) ||
            path.endsWith(".jsonl", Qt::CaseInsensitive))
            window.openLog(path);
    }
    return QApplication::exec();
}

}  // namespace cl::gui
