#pragma once
// What a file given on the command line or dropped on a window is, judged by its content (not
// its name): a landscape session (a JSON object with "version" and "l1"), a Schedule lab file (a
// JSON object whose "format" is "commutelab-lab"), or an experiment log
// (anything else the log window reads; it reports what is wrong with a file it cannot read).

#include <QString>

namespace cl::ui {

enum class FileKind { Session, Lab, Log, Missing };

/// Reads at most the first 16 MiB (a session is a few kilobytes): a bigger file is a log.
FileKind fileKindOf(const QString& path);

}  // namespace cl::ui
