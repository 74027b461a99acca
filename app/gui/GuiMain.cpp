#include "gui/GuiMain.h"

#include "ui/MainWindow.h"
#include "ui/VtkOpenGLHost.h"

#include <QApplication>
#include <QStringList>

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
