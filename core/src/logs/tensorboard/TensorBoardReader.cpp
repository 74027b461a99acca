// The one-shot reader: a file or a log folder into runs (TensorBoardReader.h).

#include "core/logs/TensorBoardReader.h"

#include "EventFileScan.h"
#include "core/logs/Crc32c.h"

#include <filesystem>

namespace cl::logs {

namespace fs = std::filesystem;
using namespace tfevents;

namespace {
std::string locatedRecord(long record, std::uint64_t offset)
{
    if (record <= 0) return {};
    return "record " + std::to_string(record) + " at byte offset " + std::to_string(offset) + ": ";
}

std::uint64_t fileSize(const std::string& path)
{
    std::error_code error;
    const auto size = fs::file_size(path, error);
    return error ? 0 : static_cast<std::uint64_t>(size);
}

ScalarRun emptyRun(std::string name, std::string source)
{
    ScalarRun run;
    run.name = std::move(name);
    run.source = std::move(source);
    run.format = "tensorboard";
    return run;
}

// Reads `files` (one run folder's, in order) into one run.
ScalarRun readRun(ScalarRun run, const std::vector<std::string>& files, const TensorBoardOptions& options,
                  ScanProgress& progress)
{
    EventScalarDecoder decoder(options.wallTimes);
    SeriesIndex index;
    for (const auto& file : files) {
        FileCursor cursor;
        const TailState tail = scanEventFile(file, cursor, run, index, decoder, progress);
        if (tail.truncated) {
            run.truncatedTail = true;
            run.warnings.push_back(truncationWarning(file, cursor, tail));
        }
        progress.doneBefore += fileSize(file);
    }
    warnNonFinite(run);
    return run;
}
}  // namespace

EventFileError::EventFileError(const std::string& file, long record, std::uint64_t byteOffset,
                               const std::string& message)
    : LogError({file, 0, 0, {}}, locatedRecord(record, byteOffset) + message), record_(record), byteOffset_(byteOffset)
{
}

bool looksLikeTensorBoard(const std::string& path, const std::string& firstBytes)
{
    if (isEventFileName(fs::path(path).filename().string())) return true;
    if (firstBytes.size() < 12) return false;
    std::uint32_t stored = 0;
    for (int i = 11; i >= 8; --i) stored = (stored << 8) | static_cast<unsigned char>(firstBytes[i]);
    return stored == maskedCrc32c(firstBytes.data(), 8);
}

std::vector<ScalarRun> readTensorBoard(const std::string& path, const TensorBoardOptions& options)
{
    std::error_code error;
    const auto status = fs::status(path, error);
    if (error || !fs::exists(status)) throw LogError({path, 0, 0, {}}, "no such file or folder");
    ScanProgress progress{options.progress, 0, 0};
    std::vector<ScalarRun> runs;
    if (!fs::is_directory(status)) {
        progress.total = fileSize(path);
        std::string name = fs::path(path).parent_path().filename().string();
        if (name.empty() || name == "." || name == "..") name = fs::path(path).filename().string();
        runs.push_back(readRun(emptyRun(name, path), {path}, options, progress));
        return runs;
    }
    const std::vector<RunFolder> folders = runFoldersBelow(path);
    if (folders.empty())
        throw LogError({path, 0, 0, {}}, "no TensorBoard event file (events.out.tfevents.*) in this folder or below");
    for (const auto& folder : folders)
        for (const auto& file : folder.files) progress.total += fileSize(file);
    for (const auto& folder : folders)
        runs.push_back(readRun(emptyRun(folder.name, folder.path), folder.files, options, progress));
    return runs;
}

}  // namespace cl::logs
