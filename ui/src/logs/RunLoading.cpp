#include "ui/logs/RunLoading.h"

#include "ui/logs/MappingStore.h"

#include <QDir>
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

std::vector<ShownRun> loadShownRuns(const QStringList& paths, cl::ProgressSink* progress)
{
    std::vector<ShownRun> runs;
    std::set<QString> names;
    for (int i = 0; i < paths.size(); ++i) {
        if (progress) {
            if (progress->cancelRequested()) throw cl::Cancelled();
            progress->setProgress(static_cast<double>(i) / paths.size());
        }
        std::vector<cl::logs::LoadedRun> loaded = cl::logs::loadRuns({paths[i].toStdString()});
        for (cl::logs::LoadedRun& l : loaded) {
            ShownRun run = toShown(std::move(l));
            // Names are unique within one path; across paths two files may share a stem
            // (every trainer_state.json): add the folder, then a number.
            if (names.count(run.name)) run.name = QFileInfo(run.source).dir().dirName() + QLatin1Char('/') + run.name;
            const QString stem = run.name;
            for (int k = 2; names.count(run.name); ++k) run.name = QStringLiteral("%1 #%2").arg(stem).arg(k);
            names.insert(run.name);
            runs.push_back(std::move(run));
        }
    }
    if (progress) progress->setProgress(1.0);
    return runs;
}

}  // namespace cl::ui::logs
