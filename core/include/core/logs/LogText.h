#pragma once
// Reading log files as text: opened read-only, read in large chunks (no per-line allocation),
// a UTF-8 byte-order mark skipped, CRLF accepted, and binary files refused up front (a NUL
// byte or invalid UTF-8 in the first 4 KB) so a mistaken file fails fast with a location.

#include "core/logs/LogError.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cl::logs {

/// Longest line a log may have (docs/log-format.md, "Limits"): a longer one is refused as soon as
/// the reader has buffered this much without a line break, so memory stays bounded.
inline constexpr std::size_t kMaxLineBytes = std::size_t(16) << 20;
/// Largest file read whole (JSON, JSON Lines); larger logs belong in CSV, which streams.
inline constexpr std::uint64_t kMaxWholeFileBytes = std::uint64_t(256) << 20;

/// A file open for reading, closed when it goes out of scope, also when the constructor of the
/// object holding it throws (a reader refusing a binary file must not leak its descriptor).
struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using ReadOnlyFile = std::unique_ptr<std::FILE, FileCloser>;

/// Opens `path` for reading; throws LogError with the system's reason when it cannot.
ReadOnlyFile openReadOnly(const std::string& path);

/// Throws LogError when `head` (the first bytes of `path`) looks binary.
void refuseBinary(std::string_view head, const std::string& path);

/// The whole file as text (BOM removed); throws LogError when it cannot be read, is binary, or
/// is larger than `maxBytes` (checked before reading).
std::string readTextFile(const std::string& path);
std::string readTextFile(const std::string& path, std::uint64_t maxBytes);

/// readTextFile for a file format whose errors have their own type (a LogError subclass such as
/// SessionError or LabFileError): the same refusals, rethrown as `Error` with their location.
template <class Error>
std::string readTextFileAs(const std::string& path, std::uint64_t maxBytes)
{
    try {
        return readTextFile(path, maxBytes);
    } catch (const LogError& e) {
        throw Error(e.location(), e.message());
    }
}

/// Lines of a file, each a view valid until the next call; the file is read 8 MB at a time.
class LineReader {
public:
    explicit LineReader(const std::string& path);
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    /// The next line without "\n" or "\r\n"; false at the end of the file.
    bool next(std::string_view& line);
    /// 1-based number of the line last returned.
    long lineNumber() const { return lineNumber_; }
    /// False when the last line returned ended at end of file without a newline.
    bool lastLineTerminated() const { return terminated_; }
    std::uint64_t fileSize() const { return fileSize_; }
    /// Bytes per line over the first chunk: a guide for reserving row storage.
    double typicalLineLength() const { return typicalLineLength_; }
    const std::string& path() const { return path_; }

private:
    bool fill();

    std::string path_;
    ReadOnlyFile file_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0, end_ = 0;
    bool eof_ = false;
    bool terminated_ = true;
    long lineNumber_ = 0;
    std::uint64_t fileSize_ = 0;
    double typicalLineLength_ = 64;
};

}  // namespace cl::logs
