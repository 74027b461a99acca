#include "EventFileScan.h"

#include "TfRecordReader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

namespace cl::logs::tfevents {

namespace fs = std::filesystem;

namespace {
constexpr std::uint64_t kLargeFile = 32u << 20;  // below this, vector growth costs nothing worth avoiding
constexpr double kProbeFraction = 1.0 / 32;      // how much of a large file to read before reserving
}  // namespace

TailState scanEventFile(const std::string& path, FileCursor& cursor, ScalarRun& run, SeriesIndex& index,
                        EventScalarDecoder& decoder, const ScanProgress& progress)
{
    TfRecordReader reader(path, cursor.offset, cursor.nextRecord);
    reader.setProgress(progress.sink, progress.doneBefore, progress.total);
    const std::uint64_t start = cursor.offset;
    const std::uint64_t size = reader.fileSize();
    const bool large = size > start && size - start >= kLargeFile;
    const auto probeEnd = start + static_cast<std::uint64_t>(static_cast<double>(size - start) * kProbeFraction);
    std::vector<std::size_t> sizesAtStart;
    if (large)
        for (const auto& s : run.series) sizesAtStart.push_back(s.size());
    bool reserved = !large;
    FramedRecord record;
    while (reader.next(record)) {
        decoder.decode(record, path, run, index);
        // Moved record by record: after an error the points read so far stay, and a later read
        // starts at the record that failed instead of adding the earlier ones again.
        cursor.offset = reader.endOffset();
        cursor.nextRecord = reader.nextIndex();
        if (!reserved && reader.endOffset() >= probeEnd) {
            reserved = true;
            const double fraction = static_cast<double>(reader.endOffset() - start) / static_cast<double>(size - start);
            reserveForRest(run, sizesAtStart, fraction, decoder.keepsWallTimes());
        }
    }
    return {reader.truncated(), reader.tailBytes(), reader.tailClaimedBytes()};
}

LogWarning truncationWarning(const std::string& path, const FileCursor& cursor, const TailState& tail)
{
    std::string what = "record " + std::to_string(cursor.nextRecord) + " at byte offset " +
                       std::to_string(cursor.offset) + " is cut short (" + std::to_string(tail.tailBytes) + " of " +
                       (tail.claimedBytes ? std::to_string(tail.claimedBytes) : std::string("at least 16")) +
                       " bytes): the file is still being written, or its writer stopped; the " +
                       std::to_string(cursor.nextRecord - 1) + " complete records before it are kept";
    return {{path, 0, 0, {}}, what};
}

void warnNonFinite(ScalarRun& run)
{
    for (const auto& s : run.series) {
        std::size_t count = 0;
        double firstStep = 0;
        for (std::size_t i = 0; i < s.values.size(); ++i)
            if (!std::isfinite(s.values[i]) && count++ == 0) firstStep = s.steps[i];
        if (count == 0) continue;
        char step[32];
        std::snprintf(step, sizeof step, "%.17g", firstStep);
        run.warnings.push_back({{run.source, 0, 0, s.name},
                                std::to_string(count) + " NaN or infinite value(s) kept, the first at step " + step});
    }
}

bool isEventFileName(const std::string& fileName)
{
    return fileName.rfind("events.out.tfevents.", 0) == 0;
}

std::string runNameOfFile(const std::string& path)
{
    std::string name = fs::path(path).parent_path().filename().string();
    if (name.empty() || name == "." || name == "..") name = fs::path(path).filename().string();
    return name;
}

std::vector<RunFolder> runFoldersBelow(const std::string& folder)
{
    std::map<std::string, RunFolder> byRelative;  // sorted by relative path
    std::error_code error;
    const fs::path root(folder);
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error), end;
         !error && it != end; it.increment(error)) {
        if (!isEventFileName(it->path().filename().string())) continue;
        std::error_code typeError;
        if (!it->is_regular_file(typeError)) continue;
        const fs::path dir = it->path().parent_path();
        std::string relative = dir.lexically_relative(root).generic_string();
        auto& run = byRelative[relative];
        if (run.path.empty()) {
            run.path = dir.string();
            run.name = relative == "." || relative.empty() ? fs::absolute(root).lexically_normal().filename().string()
                                                           : relative;
            if (run.name.empty()) run.name = fs::absolute(root).lexically_normal().parent_path().filename().string();
        }
        run.files.push_back(it->path().string());
    }
    if (error) throw LogError({folder, 0, 0, {}}, "cannot list the folder: " + error.message());
    std::vector<RunFolder> runs;
    for (auto& [relative, run] : byRelative) {
        std::sort(run.files.begin(), run.files.end(), [](const std::string& a, const std::string& b) {
            return fs::path(a).filename().string() < fs::path(b).filename().string();
        });
        runs.push_back(std::move(run));
    }
    return runs;
}

}  // namespace cl::logs::tfevents
