#include "LogWatcher.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace cl::ui::logs {

LogWatcher::LogWatcher(QObject* parent)
    : QObject(parent), watcher_(new QFileSystemWatcher(this)), settle_(new QTimer(this))
{
    settle_->setSingleShot(true);
    settle_->setInterval(kSettleMs);
    connect(watcher_, &QFileSystemWatcher::fileChanged, settle_, qOverload<>(&QTimer::start));
    connect(watcher_, &QFileSystemWatcher::directoryChanged, settle_, qOverload<>(&QTimer::start));
    connect(settle_, &QTimer::timeout, this, &LogWatcher::changed);
}

void LogWatcher::clear()
{
    if (!watcher_->files().isEmpty()) watcher_->removePaths(watcher_->files());
    if (!watcher_->directories().isEmpty()) watcher_->removePaths(watcher_->directories());
}

void LogWatcher::watch(const QStringList& paths)
{
    clear();
    QStringList add;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) continue;
        add << info.absoluteFilePath();
        if (!info.isDir()) continue;
        QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext() && add.size() < kMaxWatched) add << it.next();
    }
    add.removeDuplicates();
    if (!add.isEmpty()) watcher_->addPaths(add);
}

}  // namespace cl::ui::logs
