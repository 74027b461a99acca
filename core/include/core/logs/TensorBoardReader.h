#pragma once
// TensorBoard event files (issue 11, format 1): TFRecord frames of Event protobufs, read into
// ScalarRuns. A file `events.out.tfevents.*` is one run's file; a folder is every event file
// below it, one run per sub-folder as TensorBoard groups them. Implementation:
// core/src/logs/tensorboard/.

#include "core/logs/ScalarRuns.h"

#include <string>
#include <vector>

namespace cl::logs {

/// True when the first bytes look like a TFRecord event file (or the name starts with
/// "events.out.tfevents."). Never parses host or pid out of the name.
bool looksLikeTensorBoard(const std::string& path, const std::string& firstBytes);

/// Every run in an event file or a log folder. Throws LogError (file, record index, byte
/// offset) for a CRC mismatch before the end, garbage, or a Git LFS pointer; a short last
/// record is kept as a warning with ScalarRun::truncatedTail.
std::vector<ScalarRun> readTensorBoard(const std::string& path);

}  // namespace cl::logs
