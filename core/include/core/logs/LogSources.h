#pragma once
// The one entry point for "open these logs": files or folders in any supported format (CommuteLab's
// own logs through LogFile.h; TensorBoard, Hugging Face trainer_state.json, metrics CSV, W&B exports
// and per-run tables through ScalarRuns.h + DomainMapping.h). The format is detected from content.

#include "core/logs/DomainMapping.h"
#include "core/logs/RunLog.h"
#include "core/logs/ScalarRuns.h"

#include <optional>
#include <string>
#include <vector>

namespace cl::logs {

/// One run ready for the analyses and views.
struct LoadedRun {
    std::string name;    // unique among the runs of one load (file stem, sub-folder, W&B run)
    std::string source;  // the file or folder it came from
    std::string format;  // "json", "jsonl", "csv-wide", "csv-long", "tensorboard", "hf-trainer-state", ...
    RunLog log;
    std::optional<ScalarRun> series;  // set for external formats: every series, for --list and the dialog
    DomainMapping mapping;            // the mapping used (external formats only)
    MappingReport report;
};

/// Options that apply to every path of one load. Which mapping a run gets: `mapping` when set
/// (every run must have its series); else `fileMapping` for each run that has all its series;
/// else the guess.
struct LoadOptions {
    DomainMapping mapping;      // --domain / --x; empty: see fileMapping
    DomainMapping fileMapping;  // from a mapping file (MappingFile.h): applied where it fits
    std::string mappingFile;    // the file fileMapping was read from
    /// With neither mapping set, read the sidecar (commutelab-mapping.json) of the first path
    /// that has one into fileMapping.
    bool findSidecar = true;
};

/// `options` with fileMapping read from the sidecar of the first of `paths` that has one, when
/// findSidecar is set and no mapping is given yet. Throws LogError for a bad sidecar.
LoadOptions withSidecarMapping(LoadOptions options, const std::vector<std::string>& paths);

/// One run of series mapped to domains by the rule of LoadOptions (no sidecar lookup here).
LoadedRun mapScalarRun(ScalarRun series, const LoadOptions& options);

/// The format a file holds, judged from its content: "json", "jsonl", "csv-wide", "csv-long"
/// (CommuteLab's own, LogFile.h), "tensorboard", "hf-trainer-state", "metrics-csv",
/// "wandb-csv", "run-table". Throws LogError saying why a file is none of them (a Git LFS
/// pointer, an empty file, lm-eval-harness results, binary data, ...).
std::string detectSourceFormat(const std::string& path);

/// Every external-format run under a path (a file, or a folder searched recursively; in a
/// folder, files of CommuteLab's own formats are left out). Mixture-weight tables are joined to
/// the per-run table with the same keys. Throws LogError for an unreadable or unrecognised
/// file given by name; in a folder such files are skipped and, when `skipped` is given, listed
/// there with the reason.
std::vector<ScalarRun> readScalarRuns(const std::string& path, std::vector<LogWarning>* skipped = nullptr);

/// Every run under every path, mapped to domains. Throws LogError on bad input. Folders are
/// searched recursively; files in them that hold no log are skipped (listed in `skipped`).
std::vector<LoadedRun> loadRuns(const std::vector<std::string>& paths, const LoadOptions& options = {},
                                std::vector<LogWarning>* skipped = nullptr);

}  // namespace cl::logs
