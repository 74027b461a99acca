// The one-shot reader is the follower's first poll (TensorBoardReader.h, TensorBoardFollower.h):
// one code path for opening a log and for reloading it.

#include "core/logs/TensorBoardReader.h"

#include "EventFileScan.h"
#include "core/logs/Crc32c.h"
#include "core/logs/TensorBoardFollower.h"

#include <filesystem>

namespace cl::logs {

namespace fs = std::filesystem;

namespace {
std::string locatedRecord(long record, std::uint64_t offset)
{
    if (record <= 0) return {};
    return "record " + std::to_string(record) + " at byte offset " + std::to_string(offset) + ": ";
}
}  // namespace

EventFileError::EventFileError(const std::string& file, long record, std::uint64_t byteOffset,
                               const std::string& message)
    : LogError({file, 0, 0, {}}, locatedRecord(record, byteOffset) + message), record_(record), byteOffset_(byteOffset)
{
}

bool looksLikeTensorBoard(const std::string& path, const std::string& firstBytes)
{
    if (tfevents::isEventFileName(fs::path(path).filename().string())) return true;
    if (firstBytes.size() < 12) return false;
    std::uint32_t stored = 0;
    for (int i = 11; i >= 8; --i) stored = (stored << 8) | static_cast<unsigned char>(firstBytes[i]);
    return stored == maskedCrc32c(firstBytes.data(), 8);
}

std::vector<ScalarRun> readTensorBoard(const std::string& path, const TensorBoardOptions& options)
{
    std::error_code error;
    const bool folder = fs::is_directory(path, error);
    TensorBoardFollower follower(path, options);
    follower.poll();
    if (folder && follower.runs().empty())
        throw LogError({path, 0, 0, {}}, "no TensorBoard event file (events.out.tfevents.*) in this folder or below");
    return follower.takeRuns();
}

}  // namespace cl::logs
