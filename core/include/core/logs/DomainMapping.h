#pragma once
// Which scalar series of a run are the domain losses (issue 11, "Series -> domains"). A guess
// covers the common spellings (eval_<d>_loss, <d>/loss, loss/<d>, val_loss_<d>, ..._<d>_val_loss,
// L_<d>, ...); the user overrides it on the command line (--domain en=eval_en_loss --x step) or in
// the log window's mapping dialog. The mapping never writes the user's files.

#include "core/logs/RunLog.h"
#include "core/logs/ScalarRuns.h"

#include <string>
#include <utility>
#include <vector>

namespace cl::logs {

struct DomainMapping {
    /// Domain name -> series name, in domain order.
    std::vector<std::pair<std::string, std::string>> domains;
    /// The step axis the series are read on; empty: the axis the chosen series share.
    std::string axis;

    bool empty() const { return domains.empty(); }
};

/// What a mapping did, for `commutelab import` and the log window's info line.
struct MappingReport {
    std::vector<std::string> mapped;   // "en <- eval_en_loss (step, 31 points)"
    std::vector<std::string> ignored;  // series not used, by name
    std::string axis;                  // the axis actually used
    bool guessed = false;              // true when the mapping came from guessDomainMapping
    std::string file;                  // the mapping file it came from (MappingFile.h), if any
};

/// The automatic guess for a run. Empty when fewer than one domain loss is recognised.
DomainMapping guessDomainMapping(const ScalarRun& run);

/// The run's checkpoints on the mapping's axis: one row per step at which any mapped series has
/// a point (a domain without a point at that step is missing()). Throws LogError naming the run
/// and the series when a mapped series does not exist or lives on another axis.
RunLog runLogFromSeries(const ScalarRun& run, const DomainMapping& mapping, MappingReport* report = nullptr);

}  // namespace cl::logs
