#include "core/logs/ColumnNames.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace cl::logs {

namespace {

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool endsWith(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string lowered(std::string_view s)
{
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool isOneOf(const std::string& s, std::initializer_list<const char*> names)
{
    for (const char* n : names)
        if (s == n) return true;
    return false;
}

// The first few names only: a message about one of 10^6 domains must not list them all.
std::string domainList(const std::vector<std::string>& domains)
{
    constexpr std::size_t kShown = 8;
    std::string list;
    for (std::size_t d = 0; d < domains.size() && d < kShown; ++d) list += (d ? ", " : "") + domains[d];
    if (domains.size() > kShown) list += ", ... (" + std::to_string(domains.size()) + " in all)";
    return list;
}

ColumnParse bad(std::string message)
{
    ColumnParse p;
    p.status = ColumnParse::Bad;
    p.error = std::move(message);
    return p;
}

ColumnParse ok(Quantity q, int domain = -1, DomainPair order = {}, bool hasOrder = false)
{
    ColumnParse p;
    p.status = ColumnParse::Ok;
    p.meaning = {q, domain, order, hasOrder};
    return p;
}

// "L2" inside P(L2,L1;L1) names domain 2 unless a domain is really called "L2".
int resolveMaybePrefixed(std::string_view ref, const DomainLookup& domains, std::string& error)
{
    if (ref.size() > 1 && ref[0] == 'L' && domains.find(ref) < 0) ref.remove_prefix(1);
    return resolveDomain(ref, domains, error);
}

// A measurement with a domain subscript and an ordering, e.g. EL_<ref>^<order>.
ColumnParse withOrder(Quantity q, std::string_view ref, std::string_view order, const DomainLookup& domains)
{
    std::string error;
    const int k = resolveDomain(ref, domains, error);
    if (k < 0) return bad(error);
    DomainPair pair;
    if (!parseOrder(order, domains, pair, error)) return bad(error);
    return ok(q, k, pair, true);
}

ColumnParse pColumn(std::string_view body, Quantity q, const DomainLookup& domains)
{
    std::string error;
    if (startsWith(body, "P(")) {
        if (!endsWith(body, ")")) return bad("cannot read the P column (write it as P(L2,L1;L1))");
        std::string_view inner = body.substr(2, body.size() - 3);
        const auto semi = inner.find(';');
        const auto comma = inner.find(',');
        if (semi == std::string_view::npos || comma == std::string_view::npos || comma > semi)
            return bad("cannot read the P column (write it as P(L2,L1;L1))");
        const int a = resolveMaybePrefixed(inner.substr(0, comma), domains, error);
        if (a < 0) return bad(error);
        const int b = resolveMaybePrefixed(inner.substr(comma + 1, semi - comma - 1), domains, error);
        if (b < 0) return bad(error);
        const int k = resolveMaybePrefixed(inner.substr(semi + 1), domains, error);
        if (k < 0) return bad(error);
        if (a == b) return bad("an order needs two different domains");
        return ok(q, k, {a, b}, true);
    }
    std::string_view rest = body.substr(2);  // after "P_"
    auto split = rest.find(';');
    if (split == std::string_view::npos) split = rest.find('_');
    if (split == std::string_view::npos) return bad("cannot read the P column (write it as P_21;1 or P_2,1;en)");
    return withOrder(q, rest.substr(split + 1), rest.substr(0, split), domains);
}

}  // namespace

int resolveDomain(std::string_view ref, const DomainLookup& domains, std::string& error)
{
    if (const int d = domains.find(ref); d >= 0) return d;
    if (!ref.empty() && ref.size() < 10 &&
        std::all_of(ref.begin(), ref.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        const long index = std::stol(std::string(ref));
        if (index >= 1 && index <= static_cast<long>(domains.names().size())) return static_cast<int>(index - 1);
    }
    error = "unknown domain '" + std::string(ref) + "' (domains: " + domainList(domains.names()) + ")";
    return -1;
}

bool parseOrder(std::string_view text, const DomainLookup& domains, DomainPair& out, std::string& error)
{
    auto split = text.find('>');
    if (split == std::string_view::npos) split = text.find(',');
    int a = -1, b = -1;
    if (split != std::string_view::npos) {
        a = resolveDomain(text.substr(0, split), domains, error);
        if (a < 0) return false;
        b = resolveDomain(text.substr(split + 1), domains, error);
        if (b < 0) return false;
    } else if (text.size() == 2 && std::isdigit(static_cast<unsigned char>(text[0])) &&
               std::isdigit(static_cast<unsigned char>(text[1]))) {
        // The paper's compact "12": digits are always 1-based indices here.
        a = text[0] - '1';
        b = text[1] - '1';
        const int k = static_cast<int>(domains.names().size());
        if (a < 0 || a >= k || b < 0 || b >= k) {
            error = "order '" + std::string(text) + "' names a domain beyond the " + std::to_string(k) + " of this run";
            return false;
        }
    } else {
        error = "cannot read the order '" + std::string(text) + "' (write it as 12, 2,1 or en>ru)";
        return false;
    }
    if (a == b) {
        error = "an order needs two different domains";
        return false;
    }
    out = {a, b};
    return true;
}

std::string orderText(DomainPair order, const std::vector<std::string>& domains)
{
    if (domains.size() <= 9) return std::to_string(order.first + 1) + std::to_string(order.second + 1);
    return domains[static_cast<std::size_t>(order.first)] + ">" + domains[static_cast<std::size_t>(order.second)];
}

ColumnParse interpretColumnName(std::string_view raw, const DomainLookup& domains)
{
    std::string name;
    for (char c : raw)
        if (c != ' ' && c != '{' && c != '}' && c != '\t') name += c;
    const std::string lower = lowered(name);
    if (isOneOf(lower, {"step", "t", "t0", "iteration", "iter", "global_step", "_step", "trainer/global_step"}))
        return ok(Quantity::Step);
    if (isOneOf(lower, {"dt", "delta_t", "\xce\x94t"}) || name == "\xce\x94t") return ok(Quantity::Length);
    if (isOneOf(lower, {"dw", "delta_w", "\xce\x94w"}) || name == "\xce\x94w") return ok(Quantity::DeltaW);
    if (lower == "target_loss") return ok(Quantity::TargetLoss);

    std::string_view n = name;
    if (startsWith(n, "P_") || startsWith(n, "P(")) {
        if (endsWith(n, ":se")) return pColumn(n.substr(0, n.size() - 3), Quantity::PStdError, domains);
        if (endsWith(n, ":n")) return pColumn(n.substr(0, n.size() - 2), Quantity::PSamples, domains);
        return pColumn(n, Quantity::PValue, domains);
    }
    std::string error;
    if (startsWith(n, "EL^")) {  // EL^{12}_1
        const auto split = n.find('_');
        if (split == std::string_view::npos) return bad("cannot read the excess-loss column (write it as EL_1^12)");
        return withOrder(Quantity::Excess, n.substr(split + 1), n.substr(3, split - 3), domains);
    }
    if (startsWith(n, "EL_")) {
        std::string_view rest = n.substr(3);
        auto split = rest.find('^');
        if (split == std::string_view::npos) split = rest.rfind('_');
        if (split == std::string_view::npos) return bad("cannot read the excess-loss column (write it as EL_1^12)");
        return withOrder(Quantity::Excess, rest.substr(0, split), rest.substr(split + 1), domains);
    }
    if (startsWith(n, "Lbase_")) {
        std::string_view rest = n.substr(6);
        const auto split = rest.find('^');
        if (split != std::string_view::npos) return withOrder(Quantity::BaseLoss, rest.substr(0, split), rest.substr(split + 1), domains);
        const int k = resolveDomain(rest, domains, error);
        return k < 0 ? bad(error) : ok(Quantity::BaseLoss, k);
    }
    if (startsWith(n, "L_") || startsWith(n, "loss_") || startsWith(n, "loss/")) {
        std::string_view rest = n.substr(n[1] == '_' ? 2 : 5);
        const auto split = rest.find('^');
        if (split != std::string_view::npos && n[1] == '_')
            return withOrder(Quantity::ReachedLoss, rest.substr(0, split), rest.substr(split + 1), domains);
        const int k = resolveDomain(rest, domains, error);
        return k < 0 ? bad(error) : ok(Quantity::Loss, k);
    }
    return {};
}

std::optional<std::string> lossColumnDomain(std::string_view raw)
{
    std::string name;
    for (char c : raw)
        if (c != ' ' && c != '{' && c != '}') name += c;
    std::string_view n = name;
    std::string_view rest;
    if (startsWith(n, "L_")) rest = n.substr(2);
    else if (startsWith(n, "loss_") || startsWith(n, "loss/")) rest = n.substr(5);
    else return std::nullopt;
    if (rest.empty() || rest.find('^') != std::string_view::npos) return std::nullopt;
    return std::string(rest);
}

std::string canonicalColumnName(const ColumnMeaning& m, const std::vector<std::string>& domains)
{
    const std::string k = m.domain >= 0 ? domains[static_cast<std::size_t>(m.domain)] : std::string();
    const std::string order = orderText(m.order, domains);
    switch (m.quantity) {
    case Quantity::Step: return "step";
    case Quantity::Length: return "dt";
    case Quantity::DeltaW: return "dw";
    case Quantity::Loss: return "L_" + k;
    case Quantity::TargetLoss: return "target_loss";
    case Quantity::Excess: return "EL_" + k + "^" + order;
    case Quantity::ReachedLoss: return "L_" + k + "^" + order;
    case Quantity::BaseLoss: return m.hasOrder ? "Lbase_" + k + "^" + order : "Lbase_" + k;
    case Quantity::PValue: return "P_" + order + ";" + k;
    case Quantity::PStdError: return "P_" + order + ";" + k + ":se";
    case Quantity::PSamples: return "P_" + order + ";" + k + ":n";
    }
    return {};
}

DomainLookup::DomainLookup(const std::vector<std::string>& names) : names_(names)
{
    if (names.size() <= kScan) return;
    index_.reserve(names.size());
    for (std::size_t d = 0; d < names.size(); ++d) index_.emplace(names[d], static_cast<int>(d));  // first wins
}

int DomainLookup::find(std::string_view name) const
{
    if (names_.size() <= kScan) {
        for (std::size_t d = 0; d < names_.size(); ++d)
            if (names_[d] == name) return static_cast<int>(d);
        return -1;
    }
    const auto it = index_.find(name);
    return it == index_.end() ? -1 : it->second;
}

ColumnParse interpretColumnName(std::string_view name, const std::vector<std::string>& domains)
{
    return interpretColumnName(name, DomainLookup(domains));
}

bool parseOrder(std::string_view text, const std::vector<std::string>& domains, DomainPair& out, std::string& error)
{
    return parseOrder(text, DomainLookup(domains), out, error);
}

int resolveDomain(std::string_view ref, const std::vector<std::string>& domains, std::string& error)
{
    return resolveDomain(ref, DomainLookup(domains), error);
}

std::string checkDomainNames(const std::vector<std::string>& names)
{
    if (names.size() < 2) return "a run needs at least 2 domains, found " + std::to_string(names.size());
    if (names.size() > static_cast<std::size_t>(kMaxDomains))
        return std::to_string(names.size()) + " domains: more than the limit of " + std::to_string(kMaxDomains);
    std::unordered_set<std::string_view> seen;  // a hash set: 10^6 names are checked in linear time
    seen.reserve(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& n = names[i];
        if (n.empty()) return "domain " + std::to_string(i + 1) + " has an empty name";
        for (char c : n) {
            const auto u = static_cast<unsigned char>(c);
            if (u <= ' ' || std::string_view(",;>^(){}\"'/").find(c) != std::string_view::npos)
                return "domain name '" + n + "' contains '" + std::string(1, c) + "' (not allowed in column names)";
        }
        if (!seen.insert(n).second) return "domain '" + n + "' is named twice";
    }
    return {};
}

}  // namespace cl::logs
