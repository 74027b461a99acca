#include "core/logs/TensorBoardFollower.h"

#include "EventFileScan.h"

#include <filesystem>
#include <map>

namespace cl::logs {

namespace fs = std::filesystem;
using namespace tfevents;

namespace {
struct FollowedFile {
    std::string path;
    FileCursor cursor;
    TailState tail;
    std::uint64_t sizeSeen = 0;  // file size at the last read; unchanged means nothing to read
    bool read = false;
};

struct FollowedRun {
    SeriesIndex index;
    std::vector<FollowedFile> files;  // in the order they are read
};

std::uint64_t sizeOf(const std::string& path)
{
    std::error_code error;
    const auto size = fs::file_size(path, error);
    return error ? 0 : static_cast<std::uint64_t>(size);
}
}  // namespace

struct TensorBoardFollower::State {
    std::string path;
    TensorBoardOptions options;
    std::vector<ScalarRun> runs;
    std::vector<FollowedRun> followed;  // parallel to runs
    std::map<std::string, std::size_t> runByName;
    std::uint64_t bytesRead = 0;
    EventScalarDecoder decoder;

    explicit State(std::string p, TensorBoardOptions o) : path(std::move(p)), options(o), decoder(o.wallTimes) {}

    std::size_t runFor(const std::string& name, const std::string& source)
    {
        const auto [it, added] = runByName.try_emplace(name, runs.size());
        if (added) {
            ScalarRun run;
            run.name = name;
            run.source = source;
            run.format = "tensorboard";
            runs.push_back(std::move(run));
            followed.emplace_back();
        }
        return it->second;
    }

    void addFile(std::size_t run, const std::string& file)
    {
        for (const auto& f : followed[run].files)
            if (f.path == file) return;
        followed[run].files.push_back({file, {}, {}, 0, false});
    }

    // Forgets what was read of a run, so that it is read again from the start of each file.
    void restart(std::size_t r)
    {
        ScalarRun& run = runs[r];
        run.series.clear();
        run.metadata.clear();
        run.skippedRecords = 0;
        followed[r].index.clear();
        for (auto& f : followed[r].files) f = {f.path, {}, {}, 0, false};
    }

    bool readRun(std::size_t r, ScanProgress& progress)
    {
        FollowedRun& state = followed[r];
        for (const auto& f : state.files)
            if (f.read && sizeOf(f.path) < f.cursor.offset) {  // rewritten: what was read is gone
                restart(r);
                break;
            }
        bool changed = false;
        ScalarRun& run = runs[r];
        for (auto& f : state.files) {
            const std::uint64_t size = sizeOf(f.path);
            if (f.read && size == f.sizeSeen) continue;
            const std::uint64_t before = f.cursor.offset;
            const bool wasTruncated = f.tail.truncated;
            const TailState tail = scanEventFile(f.path, f.cursor, run, state.index, decoder, progress);
            f.tail = tail;
            f.sizeSeen = size;
            f.read = true;
            bytesRead += f.cursor.offset - before + tail.tailBytes;
            progress.doneBefore += f.cursor.offset - before + tail.tailBytes;
            changed = changed || f.cursor.offset != before || tail.truncated != wasTruncated;
        }
        if (changed) {
            run.warnings.clear();
            run.truncatedTail = false;
            for (const auto& f : state.files)
                if (f.tail.truncated) {
                    run.truncatedTail = true;
                    run.warnings.push_back(truncationWarning(f.path, f.cursor, f.tail));
                }
            warnNonFinite(run);
        }
        return changed;
    }
};

TensorBoardFollower::TensorBoardFollower(std::string path, TensorBoardOptions options)
    : state_(std::make_unique<State>(std::move(path), options))
{
}

TensorBoardFollower::~TensorBoardFollower() = default;

const std::vector<ScalarRun>& TensorBoardFollower::runs() const
{
    return state_->runs;
}

std::vector<ScalarRun> TensorBoardFollower::takeRuns()
{
    std::vector<ScalarRun> runs = std::move(state_->runs);
    state_ = std::make_unique<State>(std::move(state_->path), state_->options);
    return runs;
}

std::uint64_t TensorBoardFollower::bytesRead() const
{
    return state_->bytesRead;
}

bool TensorBoardFollower::poll()
{
    State& s = *state_;
    const std::size_t runsBefore = s.runs.size();
    std::error_code error;
    if (fs::is_directory(s.path, error)) {
        for (const RunFolder& folder : runFoldersBelow(s.path)) {
            const std::size_t r = s.runFor(folder.name, folder.path);
            for (const auto& file : folder.files) s.addFile(r, file);
        }
    } else {
        if (!fs::exists(s.path, error)) throw LogError({s.path, 0, 0, {}}, "no such file or folder");
        s.addFile(s.runFor(runNameOfFile(s.path), s.path), s.path);
    }
    ScanProgress progress{s.options.progress, 0, 0};
    for (const auto& run : s.followed)
        for (const auto& f : run.files) {
            const std::uint64_t size = sizeOf(f.path);
            if (size > f.cursor.offset) progress.total += size - f.cursor.offset;
        }
    bool changed = s.runs.size() != runsBefore;
    for (std::size_t r = 0; r < s.runs.size(); ++r) changed = s.readRun(r, progress) || changed;
    if (progress.sink) progress.sink->setProgress(1.0);
    return changed;
}

}  // namespace cl::logs
