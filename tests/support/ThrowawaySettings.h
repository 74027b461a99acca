#pragma once
// Settings a test writes (recent files, remembered mappings, export sizes) go to a temporary
// folder that disappears with the test, never to the user's: one fixture for every UI test.

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace cl::testing {

class ThrowawaySettings {
public:
    /// Call once before anything reads QSettings (initTestCase or the harness's open()).
    void redirect()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
    }

private:
    QTemporaryDir dir_;
};

}  // namespace cl::testing
