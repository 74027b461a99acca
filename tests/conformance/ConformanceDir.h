#pragma once
// Where tools/conformance_install.sh put the npm suites (COMMUTELAB_CONFORMANCE_DIR); the tests
// skip, saying why, when they are not there.

#include <QDir>
#include <QFile>
#include <QtTest>

namespace conformance {

/// The suite folder under the conformance directory, or "" with `why` set.
inline QString suiteDir(const QString& relative, QString& why)
{
    const QString root = qEnvironmentVariable("COMMUTELAB_CONFORMANCE_DIR");
    if (root.isEmpty()) {
        why = "COMMUTELAB_CONFORMANCE_DIR not set (run through CTest)";
        return {};
    }
    QFile unavailable(root + "/unavailable");
    if (unavailable.open(QIODevice::ReadOnly)) {
        why = QString::fromUtf8(unavailable.readAll()).trimmed();
        return {};
    }
    const QString dir = root + "/" + relative;
    if (!QDir(dir).exists()) {
        why = dir + " missing: npm install did not run";
        return {};
    }
    return dir;
}

}  // namespace conformance
