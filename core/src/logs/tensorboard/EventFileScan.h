#pragma once
// Reading event files into runs, shared by the one-shot reader and the live follower: one file
// from a saved position to its current end, and the grouping of a log folder into runs.

#include "EventScalars.h"
#include "core/Progress.h"
#include "core/logs/ScalarRuns.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cl::logs::tfevents {

/// Where the next read of a file starts: just past its last complete record.
struct FileCursor {
    std::uint64_t offset = 0;
    long nextRecord = 1;  // 1-based number of the record at `offset`
};

/// What one scan found at the end of the file.
struct TailState {
    bool truncated = false;          // an incomplete record follows the cursor
    std::uint64_t tailBytes = 0;     // its bytes present
    std::uint64_t claimedBytes = 0;  // its full size per its length field (0 when the header is cut)
};

/// Byte counts for progress over several files.
struct ScanProgress {
    ProgressSink* sink = nullptr;
    std::uint64_t doneBefore = 0;
    std::uint64_t total = 0;
};

/// Appends the scalars of every complete record of `path` after `cursor` to `run` and moves the
/// cursor past each as it goes (so after a throw it points at the record that failed). Throws
/// EventFileError / LogError / Cancelled.
TailState scanEventFile(const std::string& path, FileCursor& cursor, ScalarRun& run, SeriesIndex& index,
                        EventScalarDecoder& decoder, const ScanProgress& progress = {});

/// The warning for a cut last record: where it starts and what was kept.
LogWarning truncationWarning(const std::string& path, const FileCursor& cursor, const TailState& tail);

/// One warning per series holding NaN or infinite values (kept as they are).
void warnNonFinite(ScalarRun& run);

/// True for names TensorBoard reads as event files ("events.out.tfevents." followed by anything).
bool isEventFileName(const std::string& fileName);

/// The run name of an event file given on its own: its folder's name ("version_0"), or the
/// file name when it has no folder part.
std::string runNameOfFile(const std::string& path);

/// A run folder below a log folder and its event files in file-name order.
struct RunFolder {
    std::string name;  // path relative to the log folder; the folder's own name for "."
    std::string path;  // the run folder as a path the user can open
    std::vector<std::string> files;
};

/// Every directory at or below `folder` holding event files, ordered by relative path.
std::vector<RunFolder> runFoldersBelow(const std::string& folder);

}  // namespace cl::logs::tfevents
