#include "ui/logs/RunLoading.h"

#include "ui/logs/MappingStore.h"


namespace cl::ui::logs {

namespace {

ShownRun toShown(cl::logs::LoadedRun&& loaded)
{
    ShownRun run;
    run.name = QString::fromStdString(loaded.name);
    run.source = QString::fromStdString(loaded.source);
    run.format = QString::fromStdString(loaded.format);
    run.key = mappingKey(loaded.source, loaded.name);
    if (loaded.series) run.series = std::make_shared<const cl::logs::ScalarRun>(std::move(*loaded.series));
    run.mapping = std::move(loaded.mapping);
    run.report = std::move(loaded.report);
    run.log = std::make_shared<const cl::logs::RunLog>(std::move(loaded.log));
    if (!run.series) return run;
    // The user's earlier choice wins over the guess; if the file no longer has those series the
    // guess stays and the window says why.
    if (auto remembered = rememberedMapping(run.key)) {
        try {
            ShownRun mapped = remapRun(run, *remembered);
            mapped.remembered = true;
            return mapped;
        } catch (const std::exception& e) {
            run.mappingNote = QStringLiteral("your saved mapping no longer fits (%1); showing the guess")
                                  .arg(QString::fromStdString(e.what()));
        }
    }
    return run;
}

}  // namespace

ShownRun remapRun(const ShownRun& run, const cl::logs::DomainMapping& mapping)
{
    ShownRun mapped = run;
    if (!run.series)
        throw std::invalid_argument(run.name.toStdString() + ": a CommuteLab log names its domains itself");
    cl::logs::MappingReport report;
    mapped.log = std::make_shared<const cl::logs::RunLog>(cl::logs::runLogFromSeries(*run.series, mapping, &report));
    mapped.mapping = mapping;
    mapped.report = std::move(report);
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
    std::vector<cl::logs::LogWarning> skippedFiles;
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
