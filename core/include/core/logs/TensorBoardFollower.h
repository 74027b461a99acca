#pragma once
// Live reload of a TensorBoard event file or log folder that is still being written (issue 11,
// "Many runs": reading only appended records). Each file's position is kept just past its last
// complete record; a poll reads from there to the current end, so a record that was cut short
// at the last poll is read whole at the next one. New event files and new run folders are picked
// up; a file that became shorter than what was read (rewritten) makes its run be read again.

#include "core/logs/TensorBoardReader.h"

#include <memory>
#include <string>
#include <vector>

namespace cl::logs {

class TensorBoardFollower {
public:
    /// Follows `path` (an event file or a log folder); nothing is read before the first poll().
    explicit TensorBoardFollower(std::string path, TensorBoardOptions options = {});
    ~TensorBoardFollower();
    TensorBoardFollower(const TensorBoardFollower&) = delete;
    TensorBoardFollower& operator=(const TensorBoardFollower&) = delete;

    /// Reads what was written since the last poll (everything on the first). True when a run
    /// changed (points, runs, or the truncated-tail state). Throws like readTensorBoard; the runs
    /// keep every point read before the error, and the next poll starts at the failing record.
    bool poll();

    /// The runs so far: the same as readTensorBoard(path) would give, except that runs that
    /// appeared later come after the earlier ones (an index, once given, stays that run's).
    const std::vector<ScalarRun>& runs() const;

    /// Moves the runs out (for a one-shot read); the follower is left empty and starts over.
    std::vector<ScalarRun> takeRuns();

    /// Bytes read in total so far, over all polls (a poll with nothing new reads nothing).
    std::uint64_t bytesRead() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace cl::logs
