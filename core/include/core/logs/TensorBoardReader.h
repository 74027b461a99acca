#pragma once
// TensorBoard event files (issue 11, format 1): TFRecord frames of Event protobufs, read into
// ScalarRuns. A file `events.out.tfevents.*` is one run's file; a folder is every event file
// below it, one run per sub-folder as TensorBoard groups them. Implementation:
// core/src/logs/tensorboard/ (framing and CRCs, the libprotobuf decoding, folders); live
// reloading that reads only appended records: TensorBoardFollower.h. Format: docs/log-format.md.

#include "core/Progress.h"
#include "core/logs/LogError.h"
#include "core/logs/ScalarRuns.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cl::logs {

/// An event file refused: a LogError that also says which record (1-based; 0 when the problem
/// concerns the whole file) and the byte offset of the problem in the file. The message reads
/// "file: record 12 at byte offset 4567: data CRC mismatch (...)".
class EventFileError : public LogError {
public:
    EventFileError(const std::string& file, long record, std::uint64_t byteOffset, const std::string& message);
    long record() const { return record_; }
    std::uint64_t byteOffset() const { return byteOffset_; }

private:
    long record_;
    std::uint64_t byteOffset_;
};

struct TensorBoardOptions {
    /// Keep each point's wall time in ScalarSeries::wallTimes (a 4-byte float offset a point); false leaves
    /// wallTimes empty, for very large logs whose clock time nobody looks at.
    bool wallTimes = true;
    /// Progress over the bytes to read, and cancel (throws cl::Cancelled); may be null.
    ProgressSink* progress = nullptr;
};

/// True when the first bytes look like a TFRecord event file (a 12-byte header whose length
/// CRC matches) or the file name starts with "events.out.tfevents." (so that an empty event file
/// or a Git LFS pointer in its place reaches readTensorBoard, which says what it is). Never
/// parses host or pid out of the name.
bool looksLikeTensorBoard(const std::string& path, const std::string& firstBytes);

/// Every run in an event file or a log folder. A file is one run named after its folder; a
/// folder gives one run per directory below it that holds event files (named by its path
/// relative to the folder), that directory's files read in file-name order into one run.
/// Each tag is one series on the axis "step", its points in file order; non-scalar summary
/// values (histograms, images, text, hparams) are counted in ScalarRun::skippedRecords.
/// Throws EventFileError for a CRC mismatch or an undecodable record before the end, an absurd
/// length field, or a Git LFS pointer; LogError when the path cannot be read or a folder holds
/// no event file. A short last record is kept as a warning with ScalarRun::truncatedTail.
std::vector<ScalarRun> readTensorBoard(const std::string& path, const TensorBoardOptions& options = {});

}  // namespace cl::logs
