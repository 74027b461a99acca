#pragma once
// Shared by the external-log tests: where ../shared/external-logs is (COMMUTELAB_SHARED_DIR, set in
// tests/CMakeLists.txt), a skip when it is absent, and small helpers to reach a series or an error.

#include "core/logs/DomainMapping.h"
#include "core/logs/ScalarRuns.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cl::test {

// ../shared next to the source tree (tests/CMakeLists.txt passes its path).
inline QString sharedLogs()
{
    return QDir(QStringLiteral(COMMUTELAB_SHARED_DIR "/external-logs")).absolutePath();
}

inline std::string sample(const char* relative)
{
    return (sharedLogs() + "/" + relative).toStdString();
}

inline const cl::logs::ScalarSeries& series(const cl::logs::ScalarRun& run, const std::string& name,
                                            const std::string& axis = {})
{
    const int i = run.seriesIndex(name, axis);
    if (i < 0) throw std::runtime_error("no series " + name);
    return run.series[static_cast<std::size_t>(i)];
}

inline cl::logs::ScalarRun only(const std::vector<cl::logs::ScalarRun>& runs)
{
    if (runs.size() != 1) throw std::runtime_error("expected one run, got " + std::to_string(runs.size()));
    return runs.front();
}

inline std::string writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) throw std::runtime_error("cannot write " + path.toStdString());
    f.write(content);
    return path.toStdString();
}

inline std::vector<std::string> domainNames(const cl::logs::DomainMapping& m)
{
    std::vector<std::string> out;
    for (const auto& d : m.domains) out.push_back(d.first);
    return out;
}

inline QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const cl::LogError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace cl::test

#define REQUIRE_SHARED()                                                        \
    do {                                                                        \
        if (!QFileInfo(cl::test::sharedLogs()).isDir())                         \
            QSKIP("../shared/external-logs is absent: real-log tests skipped"); \
    } while (0)
