#pragma once
// The two CSV shapes of a log (docs/log-format.md): wide, one row per step with one column per
// measurement like the paper's tables; long (tidy), one measurement per row as experiment
// trackers export them. Both start with optional "# key: value" lines.

#include "core/logs/CsvText.h"
#include "core/logs/RunLog.h"

#include <iosfwd>

namespace cl::logs {

/// True when a CSV header row is the long form (it has a kind, metric, tag or name column).
bool isLongCsvHeader(std::string_view header);

/// Reads the rows after `preamble` (already taken from `reader`). Throws LogError.
RunLog readWideCsv(LineReader& reader, const CsvPreamble& preamble);
RunLog readLongCsv(LineReader& reader, const CsvPreamble& preamble);

/// Interventions of one start with different dt/dw (or the same order twice) go to extra rows
/// of that step. Throws LogError (line 0) for what no wide table can hold: two checkpoints or
/// two P-values for the same step, pair and domain.
void writeWideCsv(const RunLog& log, std::ostream& out);
void writeLongCsv(const RunLog& log, std::ostream& out);

}  // namespace cl::logs
