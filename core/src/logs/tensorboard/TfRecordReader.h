#pragma once
// TFRecord framing of an event file, read from a byte offset in large chunks:
//   uint64 length | uint32 masked CRC-32C(length) | data[length] | uint32 masked CRC-32C(data)
// all little-endian. Both CRCs are checked. A record cut short at the end of the file is the
// end of a file still being written (or of a killed writer): reported, not refused. A length
// that cannot be a record (2 GB or more: no protobuf message is that long) is refused before
// anything of that size is allocated; a record is only buffered once the file holds it.
// Records already in the buffer are framed in batches and their data CRCs checked four at a
// time (crc32cOfFour); a problem found ahead is reported only when its record is reached, so
// every record before it is still delivered.

#include "core/Progress.h"
#include "core/logs/LogText.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace cl::logs::tfevents {

struct FramedRecord {
    std::string_view data;     // valid until the next call to next()
    long index = 0;            // 1-based record number in the file
    std::uint64_t offset = 0;  // byte offset of the record's length field
};

class TfRecordReader {
public:
    /// Opens `path` and positions at `offset`, the start of record number `firstIndex`.
    TfRecordReader(const std::string& path, std::uint64_t offset = 0, long firstIndex = 1);
    TfRecordReader(const TfRecordReader&) = delete;
    TfRecordReader& operator=(const TfRecordReader&) = delete;

    /// The next complete record; false at the end of the file or at a short last record (see
    /// truncated()). Throws EventFileError for a CRC mismatch or an absurd length.
    bool next(FramedRecord& record);

    /// After next() returned false: true when bytes of an incomplete record follow.
    bool truncated() const { return tailBytes_ > 0; }
    /// Bytes of the incomplete last record, and how long it claims to be (0 when its header is cut).
    std::uint64_t tailBytes() const { return tailBytes_; }
    std::uint64_t tailClaimedBytes() const { return tailClaimed_; }
    /// Offset just past the last complete record: where a later read continues.
    std::uint64_t endOffset() const { return endOffset_; }
    /// Number the next record will get.
    long nextIndex() const { return nextIndex_; }
    /// Size of the file when it was opened.
    std::uint64_t fileSize() const { return fileSize_; }
    /// Reports the bytes read since `offset` (plus doneBefore, of total) whenever a chunk is read,
    /// and throws Cancelled when the sink asks to stop.
    void setProgress(ProgressSink* sink, std::uint64_t doneBefore, std::uint64_t total);

private:
    struct Framed {
        std::uint64_t offset;
        std::size_t data;  // index in buffer_ of the first data byte
        std::size_t length;
        std::uint32_t storedCrc, crc;
    };
    bool ensure(std::size_t bytes);  // at least `bytes` unread bytes buffered; false at end of file
    // Frames the record at begin_ into batch_. reading: may read the file, throws, sets the tail
    // state; otherwise only looks at buffered bytes and returns false at anything unusual.
    bool frame(bool reading);
    bool frameBatch();
    void checkBatchCrcs();
    void report();

    std::string path_;
    ReadOnlyFile file_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0, end_ = 0;
    bool eof_ = false;
    std::uint64_t fileSize_ = 0;
    std::uint64_t startOffset_ = 0;
    std::uint64_t bufferOffset_ = 0;  // file offset of buffer_[0]
    std::uint64_t endOffset_ = 0;
    long nextIndex_ = 1;
    std::uint64_t tailBytes_ = 0, tailClaimed_ = 0;
    std::vector<Framed> batch_;
    std::size_t batchNext_ = 0;
    ProgressSink* progress_ = nullptr;
    std::uint64_t progressBefore_ = 0, progressTotal_ = 0;
};

}  // namespace cl::logs::tfevents
