#pragma once
// Watches what the log window shows for changes: the files it read, and for a folder the folder,
// its sub-folders and their files (a TensorBoard run adds event files and run folders as it goes).
// Bursts of changes (a writer flushing every record) become one `changed` signal once they settle
// for a moment, well within the second the issue allows for a reload.

#include <QObject>
#include <QStringList>

class QFileSystemWatcher;
class QTimer;

namespace cl::ui::logs {

class LogWatcher : public QObject {
    Q_OBJECT

public:
    explicit LogWatcher(QObject* parent = nullptr);

    /// Replaces what is watched. Re-call after a reload: writers that replace a file, and new
    /// files in a folder, drop out of or are missing from the watch list.
    void watch(const QStringList& paths);
    void clear();

    /// Caps the inotify watches one window takes (a huge log tree should not exhaust them).
    static constexpr int kMaxWatched = 2000;
    /// Quiet time after the last change before `changed` fires.
    static constexpr int kSettleMs = 250;

signals:
    void changed();

private:
    QFileSystemWatcher* watcher_;
    QTimer* settle_;
};

}  // namespace cl::ui::logs
