#pragma once
// The one place the log readers talk to the kernel about memory they are about to fill. Reading
// a large log into freshly reserved columns spends much of its time in page faults on a virtual
// machine (each fault is a trip through the hypervisor; perf on tools/bench_log_import.sh and
// tools/bench_tfevents.sh). Two kinds of advice, for two ways of filling:
//  - a column reserved once for all its rows (the wide CSV's tables) asks for transparent huge
//    pages over its span: one fault per 2 MB (the 1 M-row import 0.45 s → 0.17-0.21 s);
//  - a column that grows as records arrive (TensorBoard's series) has the next stretch of its
//    spare capacity mapped in one call, never more than a bounded amount ahead of the data.
// Advice only: where the kernel does not know it or refuses, nothing changes but the speed.

#include "core/logs/NumberColumn.h"

#include <cstddef>

namespace cl::logs {

/// Transparent huge pages over the whole 2 MB pages inside [begin, begin + bytes).
void adviseHugePages(const void* begin, std::size_t bytes);

/// Maps the pages inside [begin, begin + bytes) now (MADV_POPULATE_WRITE), when that is at least
/// 16 pages: writing them later then faults no more.
void populateForWriting(const void* begin, std::size_t bytes);

/// How far ahead of its data a growing column is mapped (populateAhead).
inline constexpr std::size_t kPopulateAheadPoints = 32768;

/// Maps the next kPopulateAheadPoints numbers of `column`'s spare capacity (no further than its
/// capacity). Call it when the column's size is a multiple of kPopulateAheadPoints: memory then
/// grows with the data, never more than that many numbers ahead.
void populateAhead(NumberColumn& column);

}  // namespace cl::logs
