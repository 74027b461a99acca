// The lab file as data (LabFile.h): equality and writing it as JSON; reading is in
// LabFileReader.cpp.

#include "core/experiments/LabFile.h"

#include "core/logs/AtomicWrite.h"
#include "core/logs/Json.h"

#include <cmath>

namespace cl {

namespace {

using Members = std::vector<std::pair<std::string, std::string>>;

/// `"key": value` members joined at one indentation, as a JSON object.
std::string object(const Members& members, const std::string& indent)
{
    std::string text = "{\n";
    for (std::size_t i = 0; i < members.size(); ++i) {
        text += indent + "    " + logs::jsonQuote(members[i].first) + ": " + members[i].second;
        text += i + 1 < members.size() ? ",\n" : "\n";
    }
    return text + indent + "}";
}

std::string number(double v)
{
    return logs::jsonNumber(v);  // shortest round-trip: a saved file reads back equal
}

std::string boolean(bool value)
{
    return value ? "true" : "false";
}

std::string numbers(const std::vector<double>& values)
{
    std::string text = "[";
    for (std::size_t i = 0; i < values.size(); ++i) text += (i ? ", " : "") + number(values[i]);
    return text + "]";
}

std::string integers(int a, int b)
{
    return "[" + std::to_string(a) + ", " + std::to_string(b) + "]";
}

std::string segments(const std::vector<Schedule::Segment>& list, const std::string& indent)
{
    std::string text = "[";
    for (std::size_t i = 0; i < list.size(); ++i) {
        text += i == 0 ? "\n" : ",\n";
        text +=
            indent + "    {\"start\": " + number(list[i].start) + ", \"weights\": " + numbers(list[i].weights) + "}";
    }
    return text + (list.empty() ? "]" : "\n" + indent + "]");
}

bool sameSegments(const std::vector<Schedule::Segment>& a, const std::vector<Schedule::Segment>& b)
{
    if (a.size() != b.size()) return false;
    // NaN equals NaN here: the editor may hold a weight typed wrong, and it reads back as NaN.
    const auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].start != b[i].start || a[i].weights.size() != b[i].weights.size()) return false;
        for (std::size_t k = 0; k < a[i].weights.size(); ++k)
            if (!same(a[i].weights[k], b[i].weights[k])) return false;
    }
    return true;
}

}  // namespace

bool operator==(const LabFile& a, const LabFile& b)
{
    const auto& m = a.model;
    const auto& n = b.model;
    const auto& e = a.editor;
    const auto& f = b.editor;
    const bool sameEditor = e.horizon == f.horizon && e.preset == f.preset && e.w == f.w && e.t0 == f.t0 &&
                            e.dt == f.dt && e.dw == f.dw && e.order == f.order && e.domain == f.domain &&
                            e.blocks == f.blocks && e.extraStarts == f.extraStarts &&
                            sameSegments(e.segments, f.segments);
    bool sameRuns = a.runs.size() == b.runs.size();
    for (std::size_t r = 0; sameRuns && r < a.runs.size(); ++r) {
        const LabRunSpec &x = a.runs[r], &y = b.runs[r];
        sameRuns = x.name == y.name && x.horizon == y.horizon && x.extraStarts == y.extraStarts &&
                   x.visible == y.visible && sameSegments(x.segments, y.segments);
    }
    const auto& s = a.table1;
    const auto& t = b.table1;
    const bool sameTable1 = s.dimension == t.dimension && s.trials == t.trials && s.seed == t.seed && s.q == t.q &&
                            s.times == t.times && s.steps == t.steps && s.computed == t.computed;
    const auto& v = a.views;
    const auto& w = b.views;
    const bool sameViews = v.tab == w.tab && v.pairI == w.pairI && v.pairJ == w.pairJ && v.pmatrixRun == w.pmatrixRun &&
                           v.pmatrixSample == w.pmatrixSample && v.table1Row == w.table1Row &&
                           v.table1Column == w.table1Column;
    return m.domains == n.domains && m.dimension == n.dimension && m.q == n.q && m.seed == n.seed && sameEditor &&
           sameRuns && a.planner.method == b.planner.method && a.planner.stageTime == b.planner.stageTime &&
           sameTable1 && sameViews && a.version == b.version;
}

std::string labFileToJson(const LabFile& lab)
{
    const LabEditorSpec& e = lab.editor;
    const std::string model = object({{"domains", std::to_string(lab.model.domains)},
                                      {"dimension", std::to_string(lab.model.dimension)},
                                      {"q", number(lab.model.q)},
                                      {"seed", std::to_string(lab.model.seed)}},
                                     "    ");
    const std::string editor = object({{"horizon", number(e.horizon)},
                                       {"preset", logs::jsonQuote(e.preset)},
                                       {"w", number(e.w)},
                                       {"t0", number(e.t0)},
                                       {"dt", number(e.dt)},
                                       {"dw", number(e.dw)},
                                       {"order", logs::jsonQuote(e.order)},
                                       {"domain", std::to_string(e.domain)},
                                       {"blocks", logs::jsonQuote(e.blocks)},
                                       {"extraStarts", std::to_string(e.extraStarts)},
                                       {"segments", segments(e.segments, "        ")}},
                                      "    ");
    std::string runs = "[";
    for (std::size_t r = 0; r < lab.runs.size(); ++r) {
        const LabRunSpec& run = lab.runs[r];
        runs += r == 0 ? "\n        " : ",\n        ";
        runs += object({{"name", logs::jsonQuote(run.name)},
                        {"horizon", number(run.horizon)},
                        {"extraStarts", std::to_string(run.extraStarts)},
                        {"visible", boolean(run.visible)},
                        {"segments", segments(run.segments, "            ")}},
                       "        ");
    }
    runs += lab.runs.empty() ? "]" : "\n    ]";
    const std::string planner = object({{"method", logs::jsonQuote(lab.planner.method)},
                                        {"stageTime", number(lab.planner.stageTime)},
                                        {"target", "\"mean\""}},
                                       "    ");
    const LabTable1Spec& t = lab.table1;
    const std::string table1 = object({{"dimension", std::to_string(t.dimension)},
                                       {"trials", std::to_string(t.trials)},
                                       {"seed", std::to_string(t.seed)},
                                       {"q", number(t.q)},
                                       {"times", numbers(t.times)},
                                       {"steps", numbers(t.steps)},
                                       {"computed", boolean(t.computed)}},
                                      "    ");
    const LabViews& v = lab.views;
    const std::string views = object({{"tab", std::to_string(v.tab)},
                                      {"pair", integers(v.pairI, v.pairJ)},
                                      {"pmatrixRun", std::to_string(v.pmatrixRun)},
                                      {"pmatrixSample", std::to_string(v.pmatrixSample)},
                                      {"table1Cell", integers(v.table1Row, v.table1Column)}},
                                     "    ");
    return object({{"format", logs::jsonQuote(LabFile::formatName)},
                   {"version", std::to_string(lab.version)},
                   {"model", model},
                   {"editor", editor},
                   {"runs", runs},
                   {"planner", planner},
                   {"table1", table1},
                   {"views", views}},
                  "") +
           "\n";
}

void saveLabFile(const LabFile& lab, const std::string& path)
{
    const std::string reason = logs::writeTextAtomically(path, labFileToJson(lab));
    if (!reason.empty()) throw LabFileError({path, 0, 0, {}}, "cannot write: " + reason);
}

}  // namespace cl
