#pragma once
// The naming of measurement columns in wide CSV logs (and of metric tags in long CSV logs):
// "L_en", "EL_1^12", "P_2,1;1", "P_21_1", "P(L2,L1;L1)", ... The grammar and its aliases are
// listed in docs/log-format.md; this is the one place that implements them.

#include "core/logs/RunLog.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cl::logs {

enum class Quantity {
    Step,         // checkpoint step, or an intervention's start t0
    Length,       // intervention length Δt
    DeltaW,       // intervention size Δw
    Loss,         // checkpoint loss of one domain
    TargetLoss,   // checkpoint loss of the run's named target
    Excess,       // EL_k^{ab}
    ReachedLoss,  // L_k reached by the intervention with order ab
    BaseLoss,     // L_k of the base run at t0 + 2Δt (for one order, or for all orders of a row)
    PValue,       // P(L_a, L_b; L_k)
    PStdError,
    PSamples,
};

struct ColumnMeaning {
    Quantity quantity = Quantity::Step;
    int domain = -1;         // the subscript k (Loss, Excess, ReachedLoss, BaseLoss, P*)
    DomainPair order{};      // the ordering ab (Excess, ReachedLoss, P*, BaseLoss when hasOrder)
    bool hasOrder = false;
};

struct ColumnParse {
    enum Status { Ok, NotMeasurement, Bad } status = NotMeasurement;
    ColumnMeaning meaning;
    std::string error;  // for Bad: e.g. "unknown domain 'fr' (domains: en, ru)"
};

/// Interprets a column name against the run's domains. NotMeasurement for names outside the
/// grammar (such columns are ignored with a warning); Bad for names inside it that cannot be
/// resolved (unknown domain, unreadable order).
ColumnParse interpretColumnName(std::string_view name, const std::vector<std::string>& domains);

/// A run's domain names with a hash index, so resolving a name costs O(1) whatever the count
/// (a header naming 10^5 domains is otherwise read in quadratic time). Readers build one per
/// file and pass it to the overloads below; the vector overloads build one per call. Holds a
/// reference: `names` must outlive it and stay unchanged.
class DomainLookup {
public:
    explicit DomainLookup(const std::vector<std::string>& names);
    const std::vector<std::string>& names() const { return names_; }
    /// Index of the domain with exactly this name; -1 when none.
    int find(std::string_view name) const;

private:
    static constexpr std::size_t kScan = 8;  // up to this many names a scan beats hashing
    const std::vector<std::string>& names_;
    std::unordered_map<std::string_view, int> index_;  // views into names_
};

ColumnParse interpretColumnName(std::string_view name, const DomainLookup& domains);
bool parseOrder(std::string_view text, const DomainLookup& domains, DomainPair& out, std::string& error);
int resolveDomain(std::string_view ref, const DomainLookup& domains, std::string& error);

/// The domain name of a plain loss column ("L_en" -> "en"), used to infer the domains of a
/// file that has no "# domains:" header.
std::optional<std::string> lossColumnDomain(std::string_view name);

/// The canonical column name written by the wide CSV writer.
std::string canonicalColumnName(const ColumnMeaning& meaning, const std::vector<std::string>& domains);

/// "12" / "2,1" / "en>ru" -> a pair of domain indices; false with a message when unreadable.
bool parseOrder(std::string_view text, const std::vector<std::string>& domains, DomainPair& out, std::string& error);
/// Digits ("21") when there are at most 9 domains, otherwise "name>name".
std::string orderText(DomainPair order, const std::vector<std::string>& domains);
/// A domain by name, or by 1-based index when no domain has that name; -1 with a message.
int resolveDomain(std::string_view ref, const std::vector<std::string>& domains, std::string& error);

/// Domain names must be usable inside column names: non-empty, unique, and free of
/// whitespace and the separators , ; > ^ ( ) { } " ' /; at most kMaxDomains of them (returns
/// the problem, or empty). Every reader checks its domains with this.
std::string checkDomainNames(const std::vector<std::string>& names);

}  // namespace cl::logs
