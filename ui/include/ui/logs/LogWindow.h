#pragma once
// The window for one experiment log from a real (or toy) training run: Pareto, prediction and
// advice views in tabs, File ▸ Open / Open Recent / Reload, drag and drop of a file, and
// automatic reload while a run still appends to its log. Files are only ever read.

#include "core/logs/RunLog.h"

#include <QMainWindow>
#include <QString>

#include <memory>

class QFileSystemWatcher;
class QLabel;
class QMenu;
class QTabWidget;
class QTimer;

namespace cl::ui::logs {

class AdviceView;
class ParetoView;
class PredictionView;

class LogWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit LogWindow(QWidget* parent = nullptr);
    ~LogWindow() override;

    /// Reads the log and shows it. On a bad file: false, the located message ("file:line:col:
    /// field 'x': ...") in the inline error area and in a (non-blocking) dialog; the previous
    /// log, if any, stays on screen.
    bool openLog(const QString& path);
    /// Re-reads the current file (File ▸ Reload, and automatically when it changes on disk).
    /// Errors go to the inline area only: a log being written may be mid-line for a moment.
    bool reload();
    /// The same off the GUI thread (used when the file changes): a long log being appended to
    /// must not freeze the window. A change during a read triggers one more read afterwards.
    void reloadInBackground();

    QString currentPath() const { return path_; }
    std::shared_ptr<const cl::logs::RunLog> log() const { return log_; }
    ParetoView* paretoView() const { return pareto_; }
    PredictionView* predictionView() const { return prediction_; }
    AdviceView* adviceView() const { return advice_; }
    QTabWidget* tabs() const { return tabs_; }
    /// The inline error area (hidden while there is no error).
    QLabel* errorArea() const { return error_; }

    static constexpr int kMaxRecentFiles = 8;
    static QStringList recentFiles();

signals:
    void logLoaded(const QString& path);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    void rebuildRecentMenu();
    void rememberRecent(const QString& path);
    void showLog(std::shared_ptr<const cl::logs::RunLog> log, const QString& path);
    void showError(const QString& message);
    void watch(const QString& path);
    void applyReload(std::shared_ptr<const cl::logs::RunLog> log, const QString& error);
    /// Reads a log; returns null with `error` set on any failure (never throws).
    static std::shared_ptr<const cl::logs::RunLog> read(const QString& path, QString& error);

    QString path_;
    std::shared_ptr<const cl::logs::RunLog> log_;
    QLabel* error_ = nullptr;
    QLabel* info_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    ParetoView* pareto_ = nullptr;
    PredictionView* prediction_ = nullptr;
    AdviceView* advice_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QFileSystemWatcher* watcher_ = nullptr;
    QTimer* reloadTimer_ = nullptr;
    bool reading_ = false;        // a background read is in flight
    bool readAgain_ = false;      // the file changed during it
    unsigned generation_ = 0;     // bumped by every open, so a stale background read is dropped
};

}  // namespace cl::ui::logs
