#pragma once
// Logs that are not CommuteLab's own (TensorBoard event files, Hugging Face trainer_state.json,
// metrics CSV from Lightning/AlgoPerf/trackers, W&B panel exports, per-run tables) are read as
// what they are: runs made of named scalar series. Which series are the domain losses is a
// separate step (DomainMapping.h), guessed for common spellings and overridable by the user,
// so the readers never have to guess what a column means.

#include "core/logs/LogError.h"
#include "core/logs/NumberColumn.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cl::logs {

/// One scalar series: a tag / column / key and its points on one step axis.
/// Points keep file order; a (step, value) pair repeated by the writer is kept as it is.
struct ScalarSeries {
    std::string name;  // as written: "eval_en_loss", "validation/loss", "train_loss"
    std::string axis;  // the step axis: "step", "global_step", "epoch", "index", "row", ...
    // One per point each, read back bit-exact (NaN/inf kept); NumberColumn keeps whole steps and
    // float values in 4 bytes a number (issue 11's memory target).
    NumberColumn steps;
    NumberColumn values;
    /// Wall-clock times, one per point or empty when the format has none: seconds after
    /// wallTimeOrigin (the series' first wall time) as a float, 4 bytes a point instead of 8 (issue
    /// 11's memory target for a 20 M-point TensorBoard file). A float keeps 24 significant bits, so
    /// wallTime(i) is within 2^-24 of its offset of the time written (60 ms after 12 days, 5 ms
    /// after a day; docs/log-format.md), plus the double rounding of the origin's Unix seconds.
    std::vector<float> wallTimes;
    double wallTimeOrigin = 0;  // Unix seconds of the first point's wall time

    std::size_t size() const { return steps.size(); }
    double wallTime(std::size_t point) const { return wallTimeOrigin + double(wallTimes[point]); }
    void addWallTime(double unixSeconds)
    {
        if (wallTimes.empty()) wallTimeOrigin = unixSeconds;
        wallTimes.push_back(static_cast<float>(unixSeconds - wallTimeOrigin));
    }
};

/// One run: a set of series read from one file, one TensorBoard run folder, one W&B run
/// prefix, or (for per-run tables) a whole table where each row is a run.
struct ScalarRun {
    std::string name;    // sub-folder ("version_0"), W&B run name, file stem, ...
    std::string source;  // the file or folder it was read from, as the user gave it
    std::string format;  // "tensorboard", "hf-trainer-state", "metrics-csv", "wandb-csv", "run-table"
    std::vector<ScalarSeries> series;
    std::vector<std::pair<std::string, std::string>> metadata;  // free, in file order
    /// Per-run tables: one label per row (the key column's text), in row order; empty otherwise.
    std::vector<std::string> rowLabels;
    std::vector<LogWarning> warnings;
    std::size_t skippedRecords = 0;  // non-scalar summaries, text rows, ... (counted, not kept)
    bool truncatedTail = false;      // the last record was cut (a file still being written)

    /// -1 when no series has that name (and axis, when given).
    int seriesIndex(const std::string& name, const std::string& axis = {}) const
    {
        for (std::size_t i = 0; i < series.size(); ++i)
            if (series[i].name == name && (axis.empty() || series[i].axis == axis)) return static_cast<int>(i);
        return -1;
    }
};

}  // namespace cl::logs
