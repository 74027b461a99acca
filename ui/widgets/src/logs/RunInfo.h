#pragma once
// The log window's info line: what is open (runs, formats, counts), how the base run's series
// were mapped to domains, the log's notes (free-text metadata such as the paper-table samples'
// remark on a sign-label clash), toy and warning flags.

#include "ui/logs/RunLoading.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace cl::ui::logs {

/// The log's notes: metadata whose key is `note`, `notes`, `comment`, or ends in `_note`
/// ("key: text" for the latter), in file order.
QStringList logNotes(const cl::logs::RunLog& log);

/// Rich text for the info area; `skipped` lists files in opened folders that hold no log.
QString runInfoHtml(const std::vector<ShownRun>& runs, int base, const QStringList& skipped = {});

}  // namespace cl::ui::logs
