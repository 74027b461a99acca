#pragma once
// One training run as CommuteLab reads it from an experiment log (paper §4.2, App. B, C):
// named domains, the base weight schedule, the learning rate, free metadata, and any of
// checkpoints (losses per domain), P-values at checkpoints, and order interventions.
//
// Storage is columnar (one std::vector per quantity, per domain where it has one) so that a
// million-row log costs a handful of large allocations rather than one per row. Optional
// columns (target loss, standard errors, ...) stay empty until some row records a value.
// docs/log-format.md describes the files that map onto this model.

#include "core/logs/LogError.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace cl::logs {

/// The value of a cell the log did not record. It is a NaN with its own payload, so a
/// recorded NaN (kept, with a warning) stays distinguishable from "nothing recorded".
/// (Inline: the readers test every cell.)
inline constexpr std::uint64_t kMissingBits = 0x7ff8000000001060ULL;
inline double missing()
{
    double value;
    std::memcpy(&value, &kMissingBits, sizeof value);
    return value;
}
inline bool isMissing(double value)
{
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits == kMissingBits;
}
/// Neither missing nor NaN/inf.
inline bool isRecorded(double value) { return !isMissing(value); }

/// Most domains a log may have (docs/log-format.md, "Limits"); every reader refuses more (see
/// checkDomainNames) and every writer too. Domain indices are int32 throughout.
inline constexpr int kMaxDomains = 1 << 20;

/// The one step rule of every format: a step (checkpoint step, P-value step, intervention start)
/// is a finite number, and -0 is the step 0 (so "-0" and "0" are one checkpoint everywhere).
inline bool isValidStep(double step)
{
    return std::isfinite(step);
}
inline double canonicalStep(double step)
{
    return step + 0.0;
}  // -0 + 0 = +0

/// An ordering of two domains: more of `first` early in the window, more of `second` at its
/// end (the paper's "12" is {0, 1}). Also names the first two arguments of P(L_a, L_b; L_k).
struct DomainPair {
    int first = 0;
    int second = 1;
    DomainPair reversed() const { return {second, first}; }
    bool operator==(const DomainPair& o) const { return first == o.first && second == o.second; }
    bool operator!=(const DomainPair& o) const { return !(*this == o); }
};

/// Losses on the base trajectory, one row per checkpoint step.
struct CheckpointTable {
    std::vector<double> step;
    std::vector<std::vector<double>> loss;  // [domain][row]
    std::vector<double> targetLoss;         // [row]; empty when no row records the target's loss

    std::size_t size() const { return step.size(); }
    void reset(std::size_t domainCount);
    void reserve(std::size_t rows);
    /// losses: domainCount values (missing() where a domain was not measured).
    void add(double step, const double* losses, double targetLoss);
};

/// P(L_first, L_second; L_target) at a checkpoint step, one row per value.
struct PValueTable {
    std::vector<double> step;
    std::vector<std::int32_t> first, second, target;
    std::vector<double> value;
    std::vector<double> stdError;  // [row]; empty when no row records one
    std::vector<double> samples;   // [row]; empty when no row records a sample count

    std::size_t size() const { return step.size(); }
    void reserve(std::size_t rows);
    void add(double step, DomainPair pair, int target, double value, double stdError, double samples);
    DomainPair pair(std::size_t row) const { return {first[row], second[row]}; }
};

/// Order interventions (paper eqs. 9, 10): from the base run at step `start`, weights
/// (w + Δw on `first`, − Δw on `second`) for `length` steps, then the opposite for `length`
/// steps. Excess losses compare with the base run at start + 2·length.
struct InterventionTable {
    std::vector<double> start, length, deltaW;
    std::vector<std::int32_t> first, second;
    std::vector<std::vector<double>> excess;    // [domain][row]; empty inner vector: none recorded
    std::vector<std::vector<double>> loss;      // [domain][row] losses the intervention reached
    std::vector<std::vector<double>> baseLoss;  // [domain][row] base losses at start + 2·length

    std::size_t size() const { return start.size(); }
    void reset(std::size_t domainCount);
    void reserve(std::size_t rows);
    /// Each pointer: domainCount values, or null when that quantity was not recorded at all.
    void add(double start, double length, double deltaW, DomainPair order, const double* excess,
             const double* loss, const double* baseLoss);
    DomainPair order(std::size_t row) const { return {first[row], second[row]}; }
    /// The recorded excess loss, or loss − base loss when only those were recorded.
    double excessLoss(int domain, std::size_t row) const;
    static double cell(const std::vector<std::vector<double>>& column, int domain, std::size_t row);
};

/// Per-parameter-tensor RMS of the bracket R(L_first, L_second) and of the gradients at a step (the
/// CelebA note's log-log proportionality, ../shared/paper/training-example-lie-bracket.md). Written by
/// the probe; gradRms is the RMS of the gradient the probe pairs with the bracket (docs/log-format.md).
struct RmsTable {
    std::vector<double> step;
    std::vector<std::int32_t> first, second;
    std::vector<std::string> tensor;  // parameter tensor name, e.g. "blocks.0.attn.weight"
    std::vector<double> bracketRms;
    std::vector<double> gradRms;

    std::size_t size() const { return step.size(); }
    void add(double step, DomainPair pair, std::string tensor, double bracketRms, double gradRms);
    DomainPair pair(std::size_t row) const { return {first[row], second[row]}; }
};

struct RunLog {
    std::vector<std::string> domains;
    std::vector<double> baseWeights;  // one per domain; empty when the log does not say
    double learningRate = missing();
    /// True when P-values already include the lr² factor (the paper's tables do); false when
    /// they are raw and analyses multiply them by learningRate².
    bool pScaledByLr2 = true;
    std::string target;  // what CheckpointTable::targetLoss measures (e.g. "mean"); may be empty
    std::vector<std::pair<std::string, std::string>> metadata;  // free, in file order
    CheckpointTable checkpoints;
    PValueTable pValues;
    InterventionTable interventions;
    RmsTable rms;
    /// Problems that did not stop the import; capped at kMaxWarnings, the rest only counted.
    std::vector<LogWarning> warnings;
    std::size_t warningCount = 0;
    static constexpr std::size_t kMaxWarnings = 200;

    int domainCount() const { return static_cast<int>(domains.size()); }
    /// -1 when no domain has that name.
    int domainIndex(const std::string& name) const;
    /// P-value of a row on the same scale as excess losses (× lr² when stored raw).
    double scaledP(std::size_t row) const;
    void warn(LogLocation where, std::string message);
    /// Sets the domains and empties every table.
    void setDomains(std::vector<std::string> names);
    const std::string* metadataValue(const std::string& key) const;
};

/// Metadata keys that carry model fields rather than free text (see docs/log-format.md).
bool isReservedMetadataKey(const std::string& key);
/// Why `key` cannot be a free metadata key (empty, whitespace or ':' in it, or reserved), or "".
/// Every reader applies it, so whatever is read can be written as "# key: value" and read back.
std::string metadataProblem(const std::string& key);

}  // namespace cl::logs
