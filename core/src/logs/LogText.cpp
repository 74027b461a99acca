#include "core/logs/LogText.h"

#include "core/logs/LogError.h"
#include "core/logs/Utf8.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace cl::logs {

namespace {
constexpr std::size_t kChunk = 8u << 20;
static_assert(kChunk <= kMaxLineBytes, "a chunk holds at least one line");
constexpr std::size_t kSniff = 4096;

LogLocation locate(std::string_view text, std::size_t offset, const std::string& path)
{
    long line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') { ++line; column = 1; }
        else ++column;
    }
    return {path, line, column, {}};
}

}  // namespace

ReadOnlyFile openReadOnly(const std::string& path)
{
    ReadOnlyFile f(std::fopen(path.c_str(), "rb"));
    if (!f) throw LogError({path, 0, 0, {}}, std::string("cannot open: ") + std::strerror(errno));
    return f;
}

void refuseBinary(std::string_view head, const std::string& path)
{
    head = head.substr(0, kSniff);
    for (std::size_t i = 0; i < head.size();) {
        if (head[i] == '\0') throw LogError(locate(head, i, path), "binary data (NUL byte); not a text log");
        std::size_t n = 0;
        const Utf8Status status = utf8Sequence(head, i, n);
        if (status == Utf8Status::Truncated) break;  // a character split by the 4 KB window is judged by nobody
        if (status == Utf8Status::Invalid)
            throw LogError(locate(head, i, path), "binary data (invalid UTF-8); not a text log");
        i += n;
    }
}

std::string readTextFile(const std::string& path)
{
    return readTextFile(path, kMaxWholeFileBytes);
}

std::string readTextFile(const std::string& path, std::uint64_t maxBytes)
{
    auto tooLarge = [&] {
        return LogError({path, 0, 0, {}}, "file larger than " + std::to_string(maxBytes >> 20) +
                                              " MiB, the limit for a file read whole (write large logs as CSV)");
    };
    const ReadOnlyFile file = openReadOnly(path);
    std::FILE* f = file.get();
    std::string text;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && st.st_size > 0) {
        if (static_cast<std::uint64_t>(st.st_size) > maxBytes) throw tooLarge();
        text.reserve(static_cast<std::size_t>(st.st_size));
    }
    char chunk[1 << 16];
    std::size_t got;
    while ((got = std::fread(chunk, 1, sizeof chunk, f)) > 0) {
        text.append(chunk, got);
        if (text.size() > maxBytes) throw tooLarge();  // a pipe or a file still growing: stat did not tell
    }
    if (std::ferror(f) != 0) throw LogError({path, 0, 0, {}}, "read error");
    if (text.compare(0, 3, "\xef\xbb\xbf") == 0) text.erase(0, 3);
    refuseBinary(text, path);
    return text;
}

LineReader::LineReader(const std::string& path) : path_(path), file_(openReadOnly(path))
{
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) fileSize_ = static_cast<std::uint64_t>(st.st_size);
    // A small file gets a small buffer (fuzzing reads thousands of them); lines longer than the
    // buffer grow it, up to kMaxLineBytes.
    buffer_.resize(static_cast<std::size_t>(std::clamp<std::uint64_t>(fileSize_ + 1, 4096, kChunk)));
    fill();
    std::string_view head(buffer_.data(), end_);
    if (head.compare(0, 3, "\xef\xbb\xbf") == 0) begin_ = 3;
    refuseBinary(head.substr(begin_), path_);
    const auto lines = std::count(buffer_.data() + begin_, buffer_.data() + end_, '\n');
    if (lines > 0) typicalLineLength_ = static_cast<double>(end_ - begin_) / static_cast<double>(lines);
}

bool LineReader::fill()
{
    // Keep the unread tail, then top the buffer up; grow it only for a line longer than a chunk.
    if (begin_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (end_ == buffer_.size()) {
        if (buffer_.size() >= kMaxLineBytes)
            throw LogError({path_, lineNumber_ + 1, 1, {}},
                           "line longer than " + std::to_string(kMaxLineBytes >> 20) + " MiB (the limit for one line)");
        buffer_.resize(std::min(buffer_.size() * 2, kMaxLineBytes));
    }
    const std::size_t got = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_.get());
    if (got == 0) {
        if (std::ferror(file_.get())) throw LogError({path_, lineNumber_ + 1, 0, {}}, "read error");
        eof_ = true;
    }
    end_ += got;
    return got > 0;
}

bool LineReader::next(std::string_view& line)
{
    for (;;) {
        const char* start = buffer_.data() + begin_;
        const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
        if (nl) {
            std::size_t length = static_cast<std::size_t>(nl - start);
            if (length > 0 && start[length - 1] == '\r') --length;
            line = std::string_view(start, length);
            begin_ += static_cast<std::size_t>(nl - start) + 1;
            terminated_ = true;
            ++lineNumber_;
            return true;
        }
        if (eof_ || !fill()) {
            if (begin_ == end_) return false;
            std::size_t length = end_ - begin_;
            if (buffer_[end_ - 1] == '\r') --length;
            line = std::string_view(buffer_.data() + begin_, length);
            begin_ = end_;
            terminated_ = false;
            ++lineNumber_;
            return true;
        }
    }
}

}  // namespace cl::logs
