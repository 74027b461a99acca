#include "TfRecordReader.h"

#include "core/logs/Crc32c.h"
#include "core/logs/TensorBoardReader.h"

#include <sys/stat.h>
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
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) throw LogError({path, 0, 0, {}}, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fileno(file_), &st) == 0) fileSize_ = static_cast<std::uint64_t>(st.st_size);
    if (offset > 0 && std::fseek(file_, static_cast<long>(offset), SEEK_SET) != 0) {
        std::fclose(file_);
        throw LogError({path, 0, 0, {}}, "cannot seek to byte offset " + std::to_string(offset));
    }
    bufferOffset_ = offset;
    buffer_.resize(kChunk);
}

TfRecordReader::~TfRecordReader()
{
    if (file_) std::fclose(file_);
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
        const std::size_t got = std::fread(buffer_.data() + end_, 1, want, file_);
        if (got < want) {
            if (std::ferror(file_)) throw LogError({path_, 0, 0, {}}, "read error");
            eof_ = true;
        }
        end_ += got;
        report();
    }
    return true;
}

bool TfRecordReader::next(FramedRecord& record)
{
    tailBytes_ = tailClaimed_ = 0;
    const std::uint64_t offset = bufferOffset_ + begin_;
    if (!ensure(kHeader)) {
        tailBytes_ = end_ - begin_;  // 0: a clean end; otherwise a header cut short
        return false;
    }
    const char* header = buffer_.data() + begin_;
    const std::uint64_t length = readU64(header);
    const std::uint32_t storedLengthCrc = readU32(header + 8);
    const std::uint32_t lengthCrc = maskedCrc32c(header, 8);
    if (storedLengthCrc != lengthCrc) {
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
    if (length > kMaxRecord)
        throw EventFileError(path_, nextIndex_, offset,
                             "record length " + std::to_string(length) +
                                 " bytes is absurd (a record is a protobuf message, at most 2 GB); the file holds " +
                                 std::to_string(fileSize_ > offset ? fileSize_ - offset : 0) + " bytes from here");
    const std::size_t total = kHeader + static_cast<std::size_t>(length) + kFooter;
    // Never buffer more than the file holds: a record that runs past the end is a cut tail.
    const std::uint64_t available = std::max<std::uint64_t>(fileSize_, bufferOffset_ + end_) - offset;
    if (total > available || !ensure(total)) {
        tailBytes_ = total > available ? available : end_ - begin_;
        tailClaimed_ = total;
        return false;
    }
    const char* data = buffer_.data() + begin_ + kHeader;
    const std::uint32_t storedDataCrc = readU32(data + length);
    const std::uint32_t dataCrc = maskedCrc32c(data, static_cast<std::size_t>(length));
    if (storedDataCrc != dataCrc)
        throw EventFileError(path_, nextIndex_, offset,
                             "data CRC mismatch (stored " + hex(storedDataCrc) + ", computed " + hex(dataCrc) +
                                 ") in a " + std::to_string(length) + "-byte record; the file is corrupt here");
    record.data = std::string_view(data, static_cast<std::size_t>(length));
    record.index = nextIndex_++;
    record.offset = offset;
    begin_ += total;
    endOffset_ = offset + total;
    return true;
}

}  // namespace cl::logs::tfevents
