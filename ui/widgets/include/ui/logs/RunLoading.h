#pragma once
// Loading the runs the log window shows: core's loadRuns (every format, files or folders), with
// the mapping the user once chose (the mapping file beside the logs, core/logs/MappingFile.h)
// applied to every run that has its series instead of the automatic guess. Runs on a worker
// thread; nothing here touches a widget.

#include "core/Progress.h"
#include "core/logs/LogSources.h"

#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <vector>

namespace cl::logs {
class TensorBoardFollower;
}

namespace cl::ui::logs {

struct ShownRun {
    QString name;    // unique among the window's runs
    QString source;  // the file or folder it came from
    QString format;  // "json", "tensorboard", "hf-trainer-state", ...
    std::shared_ptr<const cl::logs::RunLog> log;
    std::shared_ptr<const cl::logs::ScalarRun> series;  // null for CommuteLab's own logs
    cl::logs::DomainMapping mapping;
    cl::logs::MappingReport report;
    bool remembered = false;  // the mapping is the user's choice (a mapping file), not the guess
    QString mappingNote;      // why the user's mapping could not be kept, if it could not
};

/// Every run under every path (names unique across them). A cancel request is honoured before
/// and after reading (throws cl::Cancelled); files in folders that hold no log are listed in
/// `skipped` with the reason. Throws LogError (or another std::exception) on bad input.
std::vector<ShownRun> loadShownRuns(const QStringList& paths, cl::ProgressSink* progress = nullptr,
                                    QStringList* skipped = nullptr);

/// The same paths read again and again (the window's first read and every live reload):
/// TensorBoard event files, and folders that hold only event files, through core's
/// TensorBoardFollower, which reads only the records appended since the last read; every other
/// path through loadRuns (a full re-read). Use from one thread at a time.
class RunReader {
public:
    explicit RunReader(QStringList paths);
    ~RunReader();
    RunReader(const RunReader&) = delete;
    RunReader& operator=(const RunReader&) = delete;

    /// Every run under every path, as loadShownRuns gives them.
    std::vector<ShownRun> read(cl::ProgressSink* progress = nullptr, QStringList* skipped = nullptr);
    const QStringList& paths() const { return paths_; }
    /// Bytes the TensorBoard followers have read over all reads (what "only appended" saves).
    std::uint64_t tensorBoardBytesRead() const;

private:
    QStringList paths_;
    std::map<QString, std::unique_ptr<cl::logs::TensorBoardFollower>> followers_;  // by path
};

/// The run with another mapping (the mapping dialog's choice). Throws LogError when the mapping
/// names a series the run does not have or mixes axes.
ShownRun remapRun(const ShownRun& run, const cl::logs::DomainMapping& mapping, const std::string& mappingFile = {});

}  // namespace cl::ui::logs
