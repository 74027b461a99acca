// Series -> domains (issue 11). The guess reads the common spellings of per-domain losses; the
// user's mapping (--domain, the mapping dialog) replaces it. Series are always taken on one
// step axis: a tag written on two axes (Megatron's "... vs samples", a restarted batch index)
// is two series and never mixed.

#include "core/logs/DomainMapping.h"

#include "core/logs/ColumnNames.h"
#include "core/logs/CsvText.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace cl::logs {

namespace {

struct Candidate {
    std::string domain;
    std::size_t series = 0;
    int priority = 0;          // higher wins when two series name one domain
    bool stripPrefix = false;  // a family whose shared prefix ("eval_", "the_pile_") is not the domain
};

bool startsWith(std::string_view s, std::string_view p)
{
    return s.substr(0, p.size()) == p;
}
bool endsWith(std::string_view s, std::string_view p)
{
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool allDigits(std::string_view s)
{
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The domain a series name spells, if any. Rules, most specific first:
//   L_<d>; loss/<d> and <d>/loss; [split_]loss_<d>; <x>loss_<i> (per-head losses such as
//   train/ploss_3); <stem>_loss and <stem>_val_loss (eval_<d>_loss, the_pile_<d>_val_loss,
//   train_<d>_loss). The bare `loss` is handled by the caller.
bool spelledDomain(const std::string& name, Candidate& out)
{
    if (endsWith(name, "__MIN") || endsWith(name, "__MAX")) return false;  // W&B bands, not metrics
    const std::string_view n = name;
    const auto slash = n.rfind('/');
    const std::string_view last = slash == std::string_view::npos ? n : n.substr(slash + 1);
    auto accept = [&](std::string_view d, int priority, bool strip) {
        if (d.empty() || d == "step" || d == "epoch") return false;
        out.domain = std::string(d);
        out.priority = priority;
        out.stripPrefix = strip;
        return true;
    };
    if (startsWith(n, "L_")) return accept(n.substr(2), 6, false);
    if (startsWith(n, "loss/") && n.find('/', 5) == std::string_view::npos) return accept(n.substr(5), 5, false);
    if (endsWith(n, "/loss") && n.find('/') == n.size() - 5) return accept(n.substr(0, n.size() - 5), 5, false);
    // loss_<d> and <word>_loss_<d> (val_loss_en, lm_loss_en); the domain follows the "loss_".
    if (const auto at = last.find("loss_");
        at == 0 || (at != std::string_view::npos && at >= 2 && last[at - 1] == '_' &&
                    last.substr(0, at - 1).find('_') == std::string_view::npos))
        return accept(last.substr(at + 5), 4, false);
    if (const auto at = last.find("loss_"); at != std::string_view::npos && at > 0 &&
                                            std::isalpha(static_cast<unsigned char>(last[at - 1])) &&
                                            last.substr(0, at).find('_') == std::string_view::npos)
        return accept(last, 3, true);
    if (endsWith(last, "_loss")) {
        std::string_view stem = last.substr(0, last.size() - 5);
        for (std::string_view split : {"_val", "_valid", "_eval", "_test"})
            if (endsWith(stem, split) && stem.size() > split.size()) {
                stem.remove_suffix(split.size());
                break;
            }
        return accept(stem, 2, true);
    }
    return false;
}

// Characters a domain name may not hold (ColumnNames.h) become '_'.
std::string usableDomainName(std::string name)
{
    for (char& c : name)
        if (std::isspace(static_cast<unsigned char>(c)) ||
            std::string_view(",;>^(){}\"'/").find(c) != std::string_view::npos)
            c = '_';
    return name;
}

// eval_g0 .. eval_g5 -> g0 .. g5: the longest shared prefix up to an underscore, unless what is
// left would be empty or bare numbers (ploss_0 .. ploss_6 stay as they are).
void stripSharedPrefix(std::vector<Candidate*>& family)
{
    if (family.size() < 2) return;
    std::string prefix = family.front()->domain;
    for (const Candidate* c : family) {
        std::size_t k = 0;
        while (k < prefix.size() && k < c->domain.size() && prefix[k] == c->domain[k]) ++k;
        prefix.resize(k);
    }
    const auto underscore = prefix.rfind('_');
    if (underscore == std::string::npos) return;
    prefix.resize(underscore + 1);
    for (const Candidate* c : family)
        if (c->domain.size() == prefix.size() || allDigits(std::string_view(c->domain).substr(prefix.size()))) return;
    for (Candidate* c : family) c->domain.erase(0, prefix.size());
}

std::string pointsText(const ScalarSeries& s)
{
    return "(" + s.axis + ", " + std::to_string(s.size()) + (s.size() == 1 ? " point)" : " points)");
}

}  // namespace

DomainMapping guessDomainMapping(const ScalarRun& run)
{
    // Candidates per axis; the axis that names the most domains wins (then the most points).
    std::map<std::string, std::vector<Candidate>> byAxis;
    std::map<std::string, std::size_t> bareLoss;
    for (std::size_t i = 0; i < run.series.size(); ++i) {
        const ScalarSeries& s = run.series[i];
        if (s.size() == 0) continue;
        Candidate c;
        c.series = i;
        if (spelledDomain(s.name, c))
            byAxis[s.axis].push_back(c);
        else if (s.name == "loss")
            bareLoss[s.axis] = i;
    }
    for (const auto& [axis, series] : bareLoss) byAxis[axis];
    DomainMapping best;
    std::size_t bestPoints = 0;
    for (auto& [axis, candidates] : byAxis) {
        // A one-point series next to longer ones is a summary row (HF's final train_loss).
        std::size_t longest = 0;
        for (const auto& c : candidates) longest = std::max(longest, run.series[c.series].size());
        if (longest > 1)
            candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                            [&](const Candidate& c) { return run.series[c.series].size() < 2; }),
                             candidates.end());
        std::vector<Candidate*> family;
        for (auto& c : candidates)
            if (c.stripPrefix) family.push_back(&c);
        stripSharedPrefix(family);
        // One series per domain: the most specific spelling, then the one with more points.
        std::vector<Candidate> chosen;
        for (const auto& c : candidates) {
            const std::string name = usableDomainName(c.domain);
            auto same =
                std::find_if(chosen.begin(), chosen.end(), [&](const Candidate& o) { return o.domain == name; });
            if (same == chosen.end()) {
                chosen.push_back(c);
                chosen.back().domain = name;
            } else if (c.priority > same->priority || (c.priority == same->priority &&
                                                       run.series[c.series].size() > run.series[same->series].size())) {
                same->series = c.series;
                same->priority = c.priority;
            }
        }
        // The bare training `loss` is a domain only where fewer than two others were found.
        if (chosen.size() < 2 && bareLoss.count(axis) &&
            std::none_of(chosen.begin(), chosen.end(), [](const Candidate& c) { return c.domain == "train"; }))
            chosen.push_back({"train", bareLoss[axis], 0, false});
        std::sort(chosen.begin(), chosen.end(),
                  [](const Candidate& a, const Candidate& b) { return a.series < b.series; });
        std::size_t points = 0;
        for (const auto& c : chosen) points += run.series[c.series].size();
        if (chosen.size() > best.domains.size() || (chosen.size() == best.domains.size() && points > bestPoints)) {
            best.domains.clear();
            for (const auto& c : chosen) best.domains.emplace_back(c.domain, run.series[c.series].name);
            best.axis = axis;
            bestPoints = points;
        }
    }
    if (best.domains.empty()) best.axis.clear();
    return best;
}

RunLog runLogFromSeries(const ScalarRun& run, const DomainMapping& mapping, MappingReport* report)
{
    const std::string where = run.name.empty() ? run.source : run.name;
    std::vector<std::size_t> picked;
    std::string axis = mapping.axis;
    for (const auto& [domain, name] : mapping.domains) {
        std::vector<std::size_t> matches;
        for (std::size_t i = 0; i < run.series.size(); ++i)
            if (run.series[i].name == name && (mapping.axis.empty() || run.series[i].axis == mapping.axis))
                matches.push_back(i);
        if (matches.empty()) {
            const bool elsewhere = !mapping.axis.empty() && run.seriesIndex(name) >= 0;
            throw LogError({run.source, 0, 0, name},
                           "run '" + where + "': no series '" + name + "'" +
                               (elsewhere ? " on axis '" + mapping.axis + "' (it exists on axis '" +
                                                run.series[static_cast<std::size_t>(run.seriesIndex(name))].axis + "')"
                                          : std::string()) +
                               " for domain '" + domain + "' (--list shows every series)");
        }
        if (matches.size() > 1) {
            std::string axes;
            for (std::size_t i : matches) axes += (axes.empty() ? "" : ", ") + run.series[i].axis;
            throw LogError({run.source, 0, 0, name}, "run '" + where + "': series '" + name +
                                                         "' exists on several axes (" + axes +
                                                         "); choose one with --x");
        }
        const ScalarSeries& s = run.series[matches.front()];
        if (axis.empty())
            axis = s.axis;
        else if (s.axis != axis)
            throw LogError({run.source, 0, 0, name}, "run '" + where + "': series '" + name + "' is on axis '" +
                                                         s.axis + "', the other domains on '" + axis +
                                                         "'; they are not mixed");
        picked.push_back(matches.front());
    }

    RunLog log;
    std::vector<std::string> names;
    for (const auto& entry : mapping.domains) names.push_back(entry.first);
    if (const std::string problem = checkDomainNames(names); !names.empty() && !problem.empty())
        throw LogError({run.source, 0, 0, {}}, "run '" + where + "': " + problem);
    log.setDomains(names);
    std::set<std::string> keys;
    for (const auto& [key, value] : run.metadata)
        if (!isReservedMetadataKey(key) && key.find_first_of(" \t:") == std::string::npos &&
            value.find('\n') == std::string::npos && keys.insert(key).second)
            log.metadata.emplace_back(key, value);
    for (const auto& w : run.warnings) log.warn(w.where, w.message);

    std::vector<double> steps;
    for (std::size_t i : picked) steps.insert(steps.end(), run.series[i].steps.begin(), run.series[i].steps.end());
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    const std::size_t K = picked.size();
    std::vector<double> table(steps.size() * K, missing());  // [row][domain]
    for (std::size_t d = 0; d < K; ++d) {
        const ScalarSeries& s = run.series[picked[d]];
        for (std::size_t p = 0; p < s.size(); ++p) {
            const auto row =
                static_cast<std::size_t>(std::lower_bound(steps.begin(), steps.end(), s.steps[p]) - steps.begin());
            table[row * K + d] = s.values[p];  // a step written twice keeps its last value
        }
    }
    log.checkpoints.reserve(steps.size());
    for (std::size_t r = 0; r < steps.size(); ++r) log.checkpoints.add(steps[r], table.data() + r * K, missing());

    if (report) {
        *report = MappingReport{};
        report->axis = axis;
        for (std::size_t d = 0; d < K; ++d)
            report->mapped.push_back(mapping.domains[d].first + " <- " + run.series[picked[d]].name + " " +
                                     pointsText(run.series[picked[d]]));
        for (std::size_t i = 0; i < run.series.size(); ++i)
            if (std::find(picked.begin(), picked.end(), i) == picked.end())
                report->ignored.push_back(run.series[i].name + " " + pointsText(run.series[i]));
    }
    return log;
}

}  // namespace cl::logs
