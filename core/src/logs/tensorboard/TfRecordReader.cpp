#include "TfRecordReader.h"

#include "core/logs/Crc32c.h"
#include "core/logs/TensorBoardReader.h"

#include <sys/stat.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace cl::logs::tfevents {

namespace {
constexpr std::size_t kChunk = 4u << 20;                // large reads; a record longer than this grows the buffer
constexpr std::size_t kHeader = 12;                     // length + its CRC
constexpr std::size_t kFooter = 4;                      // CRC of the data
constexpr std::uint64_t kMaxRecord = (1ull << 31) - 1;  // protobuf's limit for one message

std::uint64_t readU64(const char* p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

std::uint32_t readU32(const char* p)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

std::string hex(std::uint32_t v)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", v);
    return text;
}

bool startsWith(const char* data, std::size_t size, std::string_view prefix)
{
    return size >= prefix.size() && std::memcmp(data, prefix.data(), prefix.size()) == 0;
}
}  // namespace

TfRecordReader::TfRecordReader(const std::string& path, std::uint64_t offset, long firstIndex)
    : path_(path), startOffset_(offset), endOffset_(offset), nextIndex_(firstIndex)
{
    file_ = openReadOnly(path);
    struct stat st {};
    if (::fstat(fileno(file_.get()), &st) == 0) fileSize_ = static_cast<std::uint64_t>(st.st_size);
    if (offset > 0 && std::fseek(file_.get(), static_cast<long>(offset), SEEK_SET) != 0)
        throw LogError({path, 0, 0, {}}, "cannot seek to byte offset " + std::to_string(offset));
    bufferOffset_ = offset;
    // A small file gets a small buffer (a folder of many short runs, or fuzzing); ensure() grows it
    // for a record longer than the buffer.
    const std::uint64_t rest = fileSize_ > offset ? fileSize_ - offset : 0;
    buffer_.resize(static_cast<std::size_t>(std::clamp<std::uint64_t>(rest + 1, 4096, kChunk)));
}

void TfRecordReader::setProgress(ProgressSink* sink, std::uint64_t doneBefore, std::uint64_t total)
{
    progress_ = sink;
    progressBefore_ = doneBefore;
    progressTotal_ = total;
}

void TfRecordReader::report()
{
    if (!progress_) return;
    if (progress_->cancelRequested()) throw Cancelled();
    if (progressTotal_ > 0) {
        const double done = static_cast<double>(progressBefore_ + bufferOffset_ + end_ - startOffset_);
        progress_->setProgress(std::min(1.0, done / static_cast<double>(progressTotal_)));
    }
}

bool TfRecordReader::ensure(std::size_t bytes)
{
    while (end_ - begin_ < bytes) {
        if (eof_) return false;
        if (begin_ > 0) {  // keep the unread bytes, at the front
            std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
            bufferOffset_ += begin_;
            end_ -= begin_;
            begin_ = 0;
        }
        if (buffer_.size() < bytes) buffer_.resize(bytes);
        const std::size_t want = buffer_.size() - end_;
        const std::size_t got = std::fread(buffer_.data() + end_, 1, want, file_.get());
        if (got < want) {
            if (std::ferror(file_.get())) throw LogError({path_, 0, 0, {}}, "read error");
            eof_ = true;
        }
        end_ += got;
        report();
    }
    return true;
}

bool TfRecordReader::frame(bool reading)
{
    const std::uint64_t offset = bufferOffset_ + begin_;
    if (reading ? !ensure(kHeader) : end_ - begin_ < kHeader) {
        if (reading) tailBytes_ = end_ - begin_;  // 0: a clean end; otherwise a header cut short
        return false;
    }
    const char* header = buffer_.data() + begin_;
    const std::uint64_t length = readU64(header);
    const std::uint32_t storedLengthCrc = readU32(header + 8);
    const std::uint32_t lengthCrc = maskedCrc32c(header, 8);
    if (storedLengthCrc != lengthCrc) {
        if (!reading) return false;
        const std::size_t have = end_ - begin_;
        if (offset == 0 && startsWith(header, have, "version https://git-lfs"))
            throw EventFileError(path_, 0, 0,
                                 "this is a Git LFS pointer, not the event file itself; fetch the real file with "
                                 "`git lfs pull` in its repository (or download it from the Hugging Face Hub / "
                                 "the repository's web page)");
        throw EventFileError(path_, nextIndex_, offset,
                             "length CRC mismatch (stored " + hex(storedLengthCrc) + ", computed " + hex(lengthCrc) +
                                 (offset == 0 ? "); not a TensorBoard event file" : "); the file is corrupt here"));
    }
    if (length > kMaxRecord) {
        if (!reading) return false;
        throw EventFileError(path_, nextIndex_, offset,
                             "record length " + std::to_string(length) +
                                 " bytes is absurd (a record is a protobuf message, at most 2 GB); the file holds " +
                                 std::to_string(fileSize_ > offset ? fileSize_ - offset : 0) + " bytes from here");
    }
    const std::size_t total = kHeader + static_cast<std::size_t>(length) + kFooter;
    if (!reading && end_ - begin_ < total) return false;
    // Never buffer more than the file holds: a record that runs past the end is a cut tail.
    const std::uint64_t available = std::max<std::uint64_t>(fileSize_, bufferOffset_ + end_) - offset;
    if (reading && (total > available || !ensure(total))) {
        tailBytes_ = total > available ? available : end_ - begin_;
        tailClaimed_ = total;
        return false;
    }
    const std::size_t data = begin_ + kHeader;
    batch_.push_back({offset, data, static_cast<std::size_t>(length), readU32(buffer_.data() + data + length), 0});
    begin_ += total;
    return true;
}

void TfRecordReader::checkBatchCrcs()
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(buffer_.data());
    std::size_t i = 0;
    for (; i + 4 <= batch_.size(); i += 4) {
        const unsigned char* data[4];
        std::size_t size[4];
        std::uint32_t crc[4];
        for (int k = 0; k < 4; ++k) data[k] = bytes + batch_[i + k].data, size[k] = batch_[i + k].length;
        crc32cOfFour(data, size, crc);
        for (int k = 0; k < 4; ++k) batch_[i + k].crc = maskCrc32c(crc[k]);
    }
    for (; i < batch_.size(); ++i) batch_[i].crc = maskedCrc32c(bytes + batch_[i].data, batch_[i].length);
}

bool TfRecordReader::frameBatch()
{
    constexpr std::size_t kBatch = 64;
    batch_.clear();
    batchNext_ = 0;
    if (!frame(true)) return false;  // the first may need the file read further
    while (batch_.size() < kBatch && frame(false)) {
    }
    checkBatchCrcs();
    return true;
}

bool TfRecordReader::next(FramedRecord& record)
{
    tailBytes_ = tailClaimed_ = 0;
    if (batchNext_ == batch_.size() && !frameBatch()) return false;
    const Framed& f = batch_[batchNext_++];
    if (f.storedCrc != f.crc)
        throw EventFileError(path_, nextIndex_, f.offset,
                             "data CRC mismatch (stored " + hex(f.storedCrc) + ", computed " + hex(f.crc) + ") in a " +
                                 std::to_string(f.length) + "-byte record; the file is corrupt here");
    record.data = std::string_view(buffer_.data() + f.data, f.length);
    record.index = nextIndex_++;
    record.offset = f.offset;
    endOffset_ = f.offset + kHeader + f.length + kFooter;
    return true;
}

}  // namespace cl::logs::tfevents
