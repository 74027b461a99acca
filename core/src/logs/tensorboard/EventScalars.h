#pragma once
// One TFRecord payload -> the scalar points it carries, appended to a run (issue 11, format 1).
// The payload is an Event protobuf decoded by libprotobuf from core/proto/tensorboard_event.proto;
// one Event message is reused for every record, so reading allocates nothing per record once the
// tags are known. Scalars come in three encodings: Value.simple_value (old writers, PyTorch
// Lightning), and Value.tensor as a one-element DT_FLOAT/DT_DOUBLE tensor in float_val,
// double_val or tensor_content (tf.summary v2); DT_HALF and DT_BFLOAT16 in tensor_content too.

#include "TfRecordReader.h"
#include "core/logs/ScalarRuns.h"

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>

namespace cl::tfevents {
class Event;
}

namespace cl::logs::tfevents {

/// Tag -> index in ScalarRun::series, kept with the run so that later records (another file of
/// the run, or records appended since the last reload) extend the same series.
using SeriesIndex = std::unordered_map<std::string, std::size_t>;

class EventScalarDecoder {
public:
    explicit EventScalarDecoder(bool wallTimes);
    ~EventScalarDecoder();
    EventScalarDecoder(const EventScalarDecoder&) = delete;
    EventScalarDecoder& operator=(const EventScalarDecoder&) = delete;

    /// Decodes one record of `path` and appends its scalars to `run` (a new tag becomes a new
    /// series on the axis "step"; a non-scalar value counts in run.skippedRecords; the first
    /// file_version goes to run.metadata). Throws EventFileError naming the record, the field
    /// path and the byte offset when the payload is not a well-formed Event.
    void decode(const FramedRecord& record, const std::string& path, ScalarRun& run, SeriesIndex& index);
    bool keepsWallTimes() const { return wallTimes_; }

private:
    std::unique_ptr<cl::tfevents::Event> event_;
    bool wallTimes_;
};

/// Reserves every series of `run` for the points still to come, extrapolated from how many each
/// series gained (`gained`, per series index) over the first `fractionRead` of a file. Reserved
/// pages that are never written stay virtual, so a generous guess costs no memory, while it
/// spares the copies (and the freed buffers the allocator keeps) of repeated vector growth.
void reserveForRest(ScalarRun& run, const std::vector<std::size_t>& sizesAtStart, double fractionRead, bool wallTimes);

}  // namespace cl::logs::tfevents
