#pragma once
// The landscape workspace as the GUI tests drive it: a MainWindow with settings in a temporary
// folder (never the user's), shown and waited for, plus "change something, wait for its grid".

#include "ThrowawaySettings.h"
#include "ui/FieldComputation.h"
#include "ui/MainWindow.h"
#include "ui/VtkOpenGLHost.h"

#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

namespace cl::testing {

class WorkspaceHarness {
public:
    /// Creates and shows the window; true once its first grid arrived (within a minute).
    bool open()
    {
        cl::ui::useVtkSurfaceFormat();
        settings_.redirect();
        window = std::make_unique<cl::ui::MainWindow>();
        QSignalSpy finished(window->computation(), &cl::ui::FieldComputation::finished);
        window->resize(1500, 1000);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) return false;
        return QTest::qWaitFor([&] { return finished.count() >= 1; }, 60000);
    }

    /// Runs `change`, then waits for the grid of the request it caused (null after a minute).
    std::shared_ptr<const FieldGrid> gridAfter(const std::function<void()>& change)
    {
        QSignalSpy finished(window->computation(), &cl::ui::FieldComputation::finished);
        change();
        const quint64 wanted = window->computation()->latestId();
        for (int k = 0; k < 600; ++k) {
            for (const auto& args : finished)
                if (args.at(1).value<quint64>() == wanted) return args.at(0).value<std::shared_ptr<const FieldGrid>>();
            QTest::qWait(50);
        }
        return nullptr;
    }

    /// Types `text` into the line edit named `edit` and presses Return.
    void typeExpression(const char* edit, const QString& text)
    {
        auto* line = window->findChild<QLineEdit*>(edit);
        line->selectAll();
        QTest::keyClicks(line, text);
        QTest::keyClick(line, Qt::Key_Return);
    }

    std::unique_ptr<cl::ui::MainWindow> window;

private:
    cl::testing::ThrowawaySettings settings_;
};

}  // namespace cl::testing
