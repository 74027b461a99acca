#include "RunInfo.h"

#include <QFileInfo>
#include <filesystem>

namespace cl::ui::logs {

namespace {
bool endsWith(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
QString html(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}
}  // namespace

QStringList logNotes(const cl::logs::RunLog& log)
{
    QStringList notes;
    for (const auto& [key, value] : log.metadata) {
        if (key == "note" || key == "notes" || key == "comment")
            notes << QString::fromStdString(value);
        else if (endsWith(key, "_note") || endsWith(key, "_notes"))
            notes << QString::fromStdString(key + ": " + value);
    }
    return notes;
}

QString runInfoHtml(const std::vector<ShownRun>& runs, int base, const QStringList& skipped)
{
    if (runs.empty()) return {};
    const ShownRun& run = runs[base];
    const cl::logs::RunLog& l = *run.log;
    QStringList domains;
    for (const auto& d : l.domains) domains << QString::fromStdString(d);
    QString info;
    if (runs.size() > 1)
        info = QObject::tr("<b>%1 runs</b>; base run <b>%2</b> (%3)")
                   .arg(runs.size())
                   .arg(run.name.toHtmlEscaped(), run.format.toHtmlEscaped());
    else
        info = QStringLiteral("<b>%1</b> (%2)")
                   .arg(QFileInfo(run.source).fileName().toHtmlEscaped(), run.format.toHtmlEscaped());
    info += QObject::tr(" — domains %1; %2 checkpoints, %3 P-values, %4 interventions")
                .arg(domains.join(QStringLiteral(", ")).toHtmlEscaped())
                .arg(l.checkpoints.size())
                .arg(l.pValues.size())
                .arg(l.interventions.size());
    if (l.rms.size() > 0) info += QObject::tr(", %1 RMS rows").arg(l.rms.size());
    if (run.series) {
        // A per-run table maps a dozen domains: name a few, count the rest.
        constexpr int kShown = 4;
        QStringList mapped;
        for (const std::string& m : run.report.mapped)
            if (mapped.size() < kShown) mapped << html(m);
        if (static_cast<int>(run.report.mapped.size()) > kShown)
            mapped << QObject::tr("… (%1 in all)").arg(run.report.mapped.size());
        info += QObject::tr(
                    "<br>Domains %1 on axis <i>%2</i>: %3; %4 other series ignored (Series → domains… to "
                    "change).")
                    .arg(!run.remembered ? QObject::tr("guessed")
                         : run.report.file.empty()
                             ? QObject::tr("as you mapped them")
                             : QObject::tr("as you mapped them (%1)")
                                   .arg(html(std::filesystem::path(run.report.file).filename().string())))
                    .arg(html(run.report.axis.empty() ? run.mapping.axis : run.report.axis))
                    .arg(mapped.join(QStringLiteral(", ")))
                    .arg(run.report.ignored.size());
    }
    if (!run.mappingNote.isEmpty()) info += QStringLiteral("<br>") + run.mappingNote.toHtmlEscaped();
    if (const std::string* source = l.metadataValue("source")) info += QStringLiteral("<br>") + html(*source);
    for (const QString& note : logNotes(l)) info += QObject::tr("<br><b>Note:</b> %1").arg(note.toHtmlEscaped());
    if (l.metadataValue("toy"))
        info += QObject::tr("<br><b>Toy log</b>: made by CommuteLab's quadratic model, not by a training run.");
    if (run.series && run.series->truncatedTail)
        info += QObject::tr(
            "<br>The last record was cut off (a file still being written): everything before it is "
            "shown, the rest is read on the next reload.");
    if (!skipped.isEmpty())
        info +=
            QObject::tr("<br>%1 file(s) skipped, first: %2").arg(skipped.size()).arg(skipped.front().toHtmlEscaped());
    if (l.warningCount > 0)
        info += QObject::tr("<br>%1 warning(s), first: %2").arg(l.warningCount).arg(html(l.warnings.front().text()));
    return info;
}

}  // namespace cl::ui::logs
