#pragma once
// A Schedule lab file: everything the lab window needs to show the same model, runs and figures
// again, as plain data and as versioned JSON (docs/lab-format.md). Run results are not stored:
// a run is deterministic given the model spec (its seed) and its schedule (closed-form flow,
// extra starts drawn from seeds derived from the model's), so the lab and `commutelab render
// --lab` recompute them on open.
//
//   {
//     "format": "commutelab-lab", "version": 1,
//     "model": {"domains": 3, "dimension": 100, "q": 0.7, "seed": 1},
//     "editor": {"horizon": 3, "preset": "constant-mix", "w": 0.5, "t0": 1, "dt": 0.5, "dw": 0.2,
//                "order": "12", "domain": 1, "blocks": "", "extraStarts": 4,
//                "segments": [{"start": 0, "weights": [0.333, 0.333, 0.333]}]},
//     "runs": [{"name": "constant mix", "horizon": 3, "extraStarts": 4, "visible": true,
//               "segments": [{"start": 0, "weights": [...]}]}],
//     "planner": {"method": "auto", "stageTime": 0.1, "target": "mean"},
//     "table1": {"dimension": 100, "trials": 50, "seed": 1, "q": 0.7, "times": [0.1, 0.3, 1],
//                "steps": [0.001, 0.01, 0.1], "computed": false},
//     "views": {"tab": 0, "pair": [1, 2], "pmatrixRun": 1, "pmatrixSample": 0, "table1Cell": [1, 1]}
//   }
//
// Domains, runs, pairs and cells count from 1 in the file, as the window shows them. Every field
// but "format", "version" and "model" may be left out (defaults below). Errors are located like a
// session's: "file:line:column: field 'runs[1].segments[0].weights': message".

#include "core/experiments/RandomQuadraticModel.h"
#include "core/flow/Schedule.h"
#include "core/logs/LogError.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cl {

/// The editor's state: its segments as edited (possibly not yet a valid schedule) and the preset
/// fields under it.
struct LabEditorSpec {
    double horizon = 3.0;
    std::string preset = "constant-mix";  // constant-mix | sequential-blocks | intervention | more-at-end
    double w = 0.5, t0 = 1.0, dt = 0.5, dw = 0.2;
    std::string order = "12";  // 12 | 21
    int domain = 1;            // "more of domain i at the end", 1-based
    std::string blocks;        // the block order as typed ("2 1 3"); empty: 1 2 ... K
    int extraStarts = 4;
    std::vector<Schedule::Segment> segments;
};

/// One run of the Runs tab: its schedule (always valid) and how it was integrated.
struct LabRunSpec {
    std::string name;
    double horizon = 3.0;
    int extraStarts = 4;
    bool visible = true;
    std::vector<Schedule::Segment> segments;
};

struct LabPlannerSpec {
    std::string method = "auto";  // auto | exact | borda | local (orderingMethodName)
    double stageTime = 0.1;       // τ, the time per domain
};

struct LabTable1Spec {
    int dimension = 100, trials = 50;
    std::uint64_t seed = 1;
    double q = 0.7;
    std::vector<double> times{0.1, 0.3, 1.0}, steps{0.001, 0.01, 0.1};
    bool computed = false;  // the table had been run: opening runs it again
};

/// What each figure shows (1-based, as in the window).
struct LabViews {
    int tab = 0;  // 0 runs, 1 P-matrix, 2 Table 1, 3 planner
    int pairI = 1, pairJ = 2;
    int pmatrixRun = 1, pmatrixSample = 0;  // sample 0..200 along the run (kLabRunSamples)
    int table1Row = 1, table1Column = 1;
};

struct LabFile {
    RandomQuadraticSpec model{100, 3, 0.7, 1};
    LabEditorSpec editor;
    std::vector<LabRunSpec> runs;
    LabPlannerSpec planner;
    LabTable1Spec table1;
    LabViews views;
    int version = 1;

    static constexpr int currentVersion = 1;
    static constexpr const char* formatName = "commutelab-lab";
    // Limits (docs/lab-format.md): the window's own ranges, and sizes no lab reaches by hand.
    static constexpr int maxDomains = 8, maxDimension = 2000, maxExtraStarts = 12;
    static constexpr std::size_t maxRuns = 64, maxSegments = 1000, maxTable1Values = 32;
    static constexpr int maxTable1Trials = 100000;
    static constexpr double maxHorizon = 1000;
    static constexpr std::uint64_t maxFileBytes = std::uint64_t(4) << 20;
};

/// Samples along every run, on [0, horizon] (the P-matrix slider's range).
constexpr int kLabRunSamples = 201;
/// Runs compared must use the same amount of each domain, to this tolerance.
constexpr double kLabAmountTolerance = 1e-9;

bool operator==(const LabFile& a, const LabFile& b);
inline bool operator!=(const LabFile& a, const LabFile& b)
{
    return !(a == b);
}

/// A lab file that cannot be read or written, always located (file, line, column, field path).
class LabFileError : public LogError {
public:
    using LogError::LogError;
};

/// Reads a lab file. Throws LabFileError for an unreadable, binary or too large file, malformed
/// JSON, a missing, wrong-typed, out-of-range or unknown field, a run whose segments are not a
/// valid schedule for the model's K, or a run whose amounts differ from run 1's.
LabFile loadLabFile(const std::string& path);
/// Same, from the file's text; `file` only names the source in messages.
LabFile parseLabFile(std::string_view json, const std::string& file);
/// Indented JSON that parseLabFile reads back equal (numbers shortest round-trip).
std::string labFileToJson(const LabFile& lab);
/// Writes labFileToJson atomically (a temporary file renamed over `path`); throws LabFileError.
void saveLabFile(const LabFile& lab, const std::string& path);

}  // namespace cl
