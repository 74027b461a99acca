#include "ui/logs/RunLoading.h"

#include "core/logs/MappingFile.h"
#include "core/logs/TensorBoardFollower.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <set>

namespace cl::ui::logs {

namespace {

ShownRun toShown(cl::logs::LoadedRun&& loaded)
{
    ShownRun run;
    run.name = QString::fromStdString(loaded.name);
    run.source = QString::fromStdString(loaded.source);
    run.format = QString::fromStdString(loaded.format);
    if (loaded.series) run.series = std::make_shared<const cl::logs::ScalarRun>(std::move(*loaded.series));
    run.mapping = std::move(loaded.mapping);
    run.report = std::move(loaded.report);
    run.remembered = !run.report.file.empty();  // core applied the user's mapping file
    run.log = std::make_shared<const cl::logs::RunLog>(std::move(loaded.log));
    return run;
}

// A run from a TensorBoard follower, mapped as loadRuns maps external runs (the mapping file
// beside the path where it fits, else the guess).
cl::logs::LoadedRun loadedFromSeries(cl::logs::ScalarRun series, const cl::logs::LoadOptions& options)
{
    if (series.format.empty()) series.format = "tensorboard";
    return cl::logs::mapScalarRun(std::move(series), options);
}

// An event file, or a folder whose files are all event files (and at least one).
bool followable(const QString& path)
{
    const QFileInfo info(path);
    if (info.isFile()) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) return false;
        return cl::logs::looksLikeTensorBoard(path.toStdString(), f.read(64).toStdString());
    }
    if (!info.isDir()) return false;
    bool any = false;
    QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        if (it.fileName() == QLatin1String(cl::logs::kMappingFileName)) continue;  // the user's mapping
        if (!it.fileName().startsWith(QStringLiteral("events.out.tfevents."))) return false;
        any = true;
    }
    return any;
}

}  // namespace

RunReader::RunReader(QStringList paths) : paths_(std::move(paths)) {}

RunReader::~RunReader() = default;

std::uint64_t RunReader::tensorBoardBytesRead() const
{
    std::uint64_t bytes = 0;
    for (const auto& [path, follower] : followers_) bytes += follower->bytesRead();
    return bytes;
}

std::vector<ShownRun> RunReader::read(cl::ProgressSink* progress, QStringList* skipped)
{
    // TensorBoard paths keep their follower across reads; the rest go to loadRuns in one call,
    // so that core still joins tables and names runs across them.
    QStringList others;
    std::vector<ShownRun> runs;
    for (const QString& path : paths_) {
        auto found = followers_.find(path);
        if (found == followers_.end() && followable(path))
            found = followers_.emplace(path, std::make_unique<cl::logs::TensorBoardFollower>(path.toStdString())).first;
        if (found == followers_.end()) {
            others << path;
            continue;
        }
        if (progress && progress->cancelRequested()) throw cl::Cancelled();
        found->second->poll();
        const auto options = cl::logs::withSidecarMapping({}, {path.toStdString()});
        for (const cl::logs::ScalarRun& series : found->second->runs())
            runs.push_back(toShown(loadedFromSeries(series, options)));
    }
    if (!others.isEmpty()) {
        std::vector<ShownRun> rest = loadShownRuns(others, progress, skipped);
        runs.insert(runs.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
    }
    // Names unique across the paths (two folders may both hold a run "version_0").
    std::set<QString> names;
    for (ShownRun& run : runs) {
        const QString stem = run.name;
        if (names.count(run.name)) run.name = QFileInfo(run.source).dir().dirName() + QLatin1Char('/') + stem;
        for (int k = 2; names.count(run.name); ++k) run.name = QStringLiteral("%1#%2").arg(stem).arg(k);
        names.insert(run.name);
    }
    if (progress) progress->setProgress(1.0);
    return runs;
}

ShownRun remapRun(const ShownRun& run, const cl::logs::DomainMapping& mapping, const std::string& mappingFile)
{
    ShownRun mapped = run;
    if (!run.series)
        throw std::invalid_argument(run.name.toStdString() + ": a CommuteLab log names its domains itself");
    cl::logs::MappingReport report;
    mapped.log = std::make_shared<const cl::logs::RunLog>(cl::logs::runLogFromSeries(*run.series, mapping, &report));
    mapped.mapping = mapping;
    mapped.report = std::move(report);
    mapped.report.file = mappingFile;
    mapped.remembered = true;
    mapped.mappingNote.clear();
    return mapped;
}

std::vector<ShownRun> loadShownRuns(const QStringList& paths, cl::ProgressSink* progress, QStringList* skipped)
{
    // One call for every path: core joins a per-run table with a mixture-weights table given
    // beside it, and keeps run names unique across the paths. Cancel is honoured before and
    // after it (the readers themselves do not poll).
    if (progress && progress->cancelRequested()) throw cl::Cancelled();
    std::vector<std::string> files;
    for (const QString& p : paths) files.push_back(p.toStdString());
    std::vector<cl::LogWarning> skippedFiles;
    std::vector<cl::logs::LoadedRun> loaded = cl::logs::loadRuns(files, {}, &skippedFiles);
    if (progress && progress->cancelRequested()) throw cl::Cancelled();
    if (skipped)
        for (const auto& w : skippedFiles) *skipped << QString::fromStdString(w.text());
    std::vector<ShownRun> runs;
    runs.reserve(loaded.size());
    for (std::size_t i = 0; i < loaded.size(); ++i) {
        runs.push_back(toShown(std::move(loaded[i])));
        if (progress) progress->setProgress(static_cast<double>(i + 1) / loaded.size());
    }
    return runs;
}

}  // namespace cl::ui::logs
