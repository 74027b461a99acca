#pragma once
// Readers for logs other tools write (issue 11, formats 2-5), each turning one file into
// ScalarRuns: every numeric key or column becomes a series on its step axis, nothing is
// interpreted as a domain here (that is DomainMapping.h). LogSources.h picks the reader from
// the file's content; these are public so tests and tools can call one reader directly.
// Implementation: core/src/logs/external/.

#include "core/logs/Json.h"
#include "core/logs/ScalarRuns.h"

#include <string>
#include <vector>

namespace cl::logs {

/// Hugging Face Trainer's trainer_state.json: every numeric key of the `log_history` rows is a
/// series on axis "step" (train, eval and summary rows alike; rows may share a step). Strings
/// (`remaining_time`), booleans and nulls are skipped and counted. Bare NaN/Infinity accepted.
ScalarRun readHfTrainerState(const std::string& path);
/// The same from an already parsed document (detection parses the file once).
ScalarRun hfTrainerStateFromJson(const JsonValue& root, const std::string& path);

/// The x columns a metrics CSV may have, in the order one is chosen when several exist.
const std::vector<std::string>& metricsCsvAxisNames();

/// A metrics CSV as Lightning's CSVLogger, AlgoPerf and trackers write it: sparse rows, the x
/// column named by metricsCsvAxisNames() (or none: axis "row", the 0-based data row), every
/// other numeric column a series with one point per non-empty cell. Text columns are skipped
/// and counted. A file whose only x column is `index` is a per-run table (readRunTable).
ScalarRun readMetricsCsv(const std::string& path);

/// A per-run table (RegMix: one row per run, keyed by `index`): format "run-table", the key
/// column is the axis, one point per row in every series, rowLabels = the key cells' text.
ScalarRun readRunTable(const std::string& path);

/// True when a per-run table holds mixture weights: every value in [0, 1] and every row's
/// values sum to 1 within 0.01 (RegMix rounds weights to 3 decimals).
bool isMixtureTable(const ScalarRun& table);

/// True when two per-run tables hold the same set of keys (so they can be joined).
bool sameRunKeys(const ScalarRun& a, const ScalarRun& b);

/// Joins a weights table to a run table on their key: each weight column becomes a series
/// `weight/<domain>` of `table` (the column name without its leading `train_`, `weight_` and
/// `the_pile_`). Throws LogError when the two tables do not hold the same keys.
void joinMixtureWeights(ScalarRun& table, const ScalarRun& weights);

/// A W&B panel export ("Step","<run> - <metric>","<run> - <metric>__MIN",...): one run per
/// `<run>` prefix, in column order. __MIN/__MAX columns are kept as series named
/// `<metric>__MIN` / `<metric>__MAX` (the mapping guess never picks them).
std::vector<ScalarRun> readWandbCsv(const std::string& path);
/// True when a CSV header row is a W&B panel export: every cell quoted, some `<run> - <metric>`.
bool isWandbCsvHeader(std::string_view header);

}  // namespace cl::logs
