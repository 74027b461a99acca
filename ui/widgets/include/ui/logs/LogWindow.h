#pragma once
// The window for experiment logs from real (or toy) training runs: one or many runs, in any format
// core reads (CommuteLab logs, TensorBoard, Hugging Face trainer_state.json, metrics CSV, W&B
// exports, per-run tables). Pareto, prediction, advice and bracket-RMS views in tabs; File ▸ Open
// (several files), Open folder, Open recent, Reload; drag and drop of files and folders; a base
// run chooser; the series -> domains dialog and mapping files (LogWindowMapping.cpp); automatic reload while a run
// still writes its logs. Reading runs off the GUI thread with progress and cancel. Files are only ever read.

#include "ui/logs/RunLoading.h"

#include <QMainWindow>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QMenu;
class QPushButton;
class QTabWidget;

namespace cl::ui::schedule {
class TaskBar;
}

namespace cl::ui::logs {

class AdviceView;
class LogWatcher;
class MappingDialog;
class ParetoView;
class PredictionView;
class RmsView;

class LogWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit LogWindow(QWidget* parent = nullptr);
    ~LogWindow() override;

    /// Reads every file or folder off the GUI thread (progress and Cancel in the status bar) and
    /// shows all their runs. On bad input: the located message ("file:line:col: field 'x': ...")
    /// in the inline error area and in a (non-blocking) dialog; what was shown stays.
    void openLogs(const QStringList& paths);
    /// openLogs for one path, waiting (with the event loop running) for the result: true when
    /// it was read. For scripting, the command line and tests.
    bool openLog(const QString& path);
    /// Re-reads what is shown and waits for it (File ▸ Reload). Errors go to the inline area only:
    /// a log being written may be mid-line for a moment.
    bool reload();
    /// The same without waiting (used when a watched file or folder changes). A change during a
    /// read triggers one more read afterwards.
    void reloadInBackground();

    QString currentPath() const { return paths_.isEmpty() ? QString() : paths_.front(); }
    QStringList currentPaths() const { return paths_; }
    /// The base run's log (what the prediction, advice and RMS views show).
    std::shared_ptr<const cl::logs::RunLog> log() const;
    const std::vector<ShownRun>& runs() const { return runs_; }
    int baseRun() const { return base_; }
    /// Makes run `index` the base: its interventions are drawn and the other runs compared with it.
    void setBaseRun(int index);

    /// Maps run `index` to domains by hand (runLogFromSeries), and every other run that has those
    /// series too. The choice lives in the session (kept across reloads) and is written only to the
    /// mapping file the user chose with saveMappingAs (then every later choice is saved there too);
    /// opening logs never writes anything. A mapping file that cannot be written keeps the choice
    /// for the session and says so. False with `error` set when the mapping does not fit run `index`.
    bool applyMapping(int index, const cl::logs::DomainMapping& mapping, QString* error = nullptr);
    /// Opens the mapping dialog for the base run (non-blocking); null for a CommuteLab log, which
    /// names its domains itself. Accepting it calls applyMapping.
    MappingDialog* openMappingDialog();
    /// File ▸ Load mapping file…: reads a mapping file (core/logs/MappingFile.h) and applies it to
    /// every run that has its series. False with `error` set (file, line, column, field) when the
    /// file is bad or fits no run. The file is only read.
    bool loadMappingFile(const QString& path, QString* error = nullptr);
    /// File ▸ Save mapping as…: writes the base run's mapping to `path` (the dialog proposes
    /// mappingFileSuggestion()) and keeps saving later choices there. False with `error` set when
    /// the base run has no series to map or the file cannot be written.
    bool saveMappingAs(const QString& path, QString* error = nullptr);
    /// Where the mapping is saved: the file the user chose, empty while it lives in the session only.
    QString mappingFile() const { return mappingFile_; }
    /// commutelab-mapping.json beside the opened logs (read automatically by later opens).
    QString mappingFileSuggestion() const;

    ParetoView* paretoView() const { return pareto_; }
    PredictionView* predictionView() const { return prediction_; }
    AdviceView* adviceView() const { return advice_; }
    RmsView* rmsView() const { return rms_; }
    QTabWidget* tabs() const { return tabs_; }
    /// The inline error area (hidden while there is no error).
    QLabel* errorArea() const { return error_; }
    QLabel* infoArea() const { return info_; }
    schedule::TaskBar* taskBar() const { return tasks_; }
    /// What reads the shown paths again on a change (null before the first successful open).
    const RunReader* runReader() const { return reader_.get(); }

    static constexpr int kMaxRecentFiles = 8;
    static QStringList recentFiles();

signals:
    void logLoaded(const QString& path);
    /// Every openLogs ends with this (ok false: refused, or cancelled).
    void loadFinished(bool ok);
    /// A background reload replaced what is shown.
    void reloaded();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    void buildMappingMenu(QMenu* file);  // LogWindowMapping.cpp
    void reapplySessionMappings();
    bool writeMapping(const QString& path, const cl::logs::DomainMapping& mapping, QString* error);
    void rebuildRecentMenu();
    void rememberRecent(const QStringList& paths);
    void showRuns(std::vector<ShownRun> runs, const QStringList& paths, const QStringList& skipped);
    void showBase();
    void showError(const QString& message);
    void failOpen(const QString& message);

    QStringList paths_;
    std::shared_ptr<RunReader> reader_;  // reads paths_ again on a change (TensorBoard: appended records only)
    std::vector<ShownRun> runs_;
    QStringList skipped_;  // files in the opened folders that hold no log, with the reason
    int base_ = 0;
    QString mappingFile_;                   // the mapping file the user chose to save to; empty: session only
    cl::logs::DomainMapping savedMapping_;  // what mappingFile_ holds
    // The user's mappings of this session by run name, applied again after every reload.
    std::map<QString, cl::logs::DomainMapping> sessionMappings_;
    QLabel* error_ = nullptr;
    QLabel* info_ = nullptr;
    QComboBox* baseBox_ = nullptr;
    QPushButton* mappingButton_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    ParetoView* pareto_ = nullptr;
    PredictionView* prediction_ = nullptr;
    AdviceView* advice_ = nullptr;
    RmsView* rms_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    LogWatcher* watcher_ = nullptr;
    schedule::TaskBar* tasks_ = nullptr;
    bool reading_ = false;     // a background reload is in flight
    bool readAgain_ = false;   // something changed during it
    unsigned generation_ = 0;  // bumped by every open, so a stale background read is dropped
};

}  // namespace cl::ui::logs
