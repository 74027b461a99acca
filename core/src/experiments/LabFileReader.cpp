// Reading a lab file (LabFile.h): core's JSON reader gives every value its line and column, so
// each refusal points at the offending value, named by its dotted path. Runs are checked the way
// the lab checks "Add run": a valid schedule for the model's K, the same amounts as run 1.

#include "core/experiments/LabFile.h"

#include "core/logs/Json.h"
#include "core/logs/JsonObjectReader.h"
#include "core/logs/LogText.h"
#include "core/planner/LinearOrdering.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cl {

namespace {

using logs::JsonValue;
using Reader = logs::JsonObjectReader<LabFileError>;

[[noreturn]] void failAt(const JsonValue& v, const std::string& file, const std::string& field,
                         const std::string& message)
{
    throw LabFileError({file, v.line, v.column, field}, message);
}

const JsonValue& array(const Reader& r, const std::string& key, const JsonValue& v, std::size_t most)
{
    if (v.type != JsonValue::Type::Array) r.fail(key, "must be an array");
    if (v.items.size() > most) r.fail(key, "more than " + std::to_string(most) + " entries");
    return v;
}

/// A weight as the writer writes it: a number, or "NaN" / "Infinity" / "-Infinity" for what
/// the editor may hold while it shows an error (jsonNumber's strings).
double editorWeight(const JsonValue& v, const std::string& file, const std::string& field)
{
    if (v.type == JsonValue::Type::Number) return v.number;
    if (v.type == JsonValue::Type::String) {
        if (v.text == "NaN") return std::numeric_limits<double>::quiet_NaN();
        if (v.text == "Infinity") return std::numeric_limits<double>::infinity();
        if (v.text == "-Infinity") return -std::numeric_limits<double>::infinity();
    }
    failAt(v, file, field, "must be a number");
}

std::vector<Schedule::Segment> readSegments(Reader& r, const std::string& key, int domains, bool rawWeights)
{
    const JsonValue& list = array(r, key, r.required(key), LabFile::maxSegments);
    if (list.items.empty()) r.fail(key, "needs at least one segment");
    std::vector<Schedule::Segment> segments;
    segments.reserve(list.items.size());
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const JsonValue& item = list.items[i];
        const std::string name = r.name(key) + "[" + std::to_string(i) + "]";
        if (item.type != JsonValue::Type::Object)
            failAt(item, r.file(), name, "must be an object with start and weights");
        Reader s(item, name, r.file());
        Schedule::Segment segment;
        segment.start = s.number("start", s.required("start"));
        const JsonValue& weights = s.required("weights");
        if (weights.type != JsonValue::Type::Array) s.fail("weights", "must be an array");
        // The editor keeps what was typed, even a wrong count, and shows the error; a run cannot.
        if (rawWeights ? weights.items.size() > std::size_t(LabFile::maxDomains)
                       : weights.items.size() != std::size_t(domains))
            s.fail("weights", rawWeights ? "more than " + std::to_string(LabFile::maxDomains) + " weights"
                                         : "must hold K = " + std::to_string(domains) + " weights, one per domain");
        for (std::size_t k = 0; k < weights.items.size(); ++k) {
            const std::string field = s.name("weights") + "[" + std::to_string(k) + "]";
            const JsonValue& w = weights.items[k];
            if (!rawWeights && (w.type != JsonValue::Type::Number || !std::isfinite(w.number)))
                failAt(w, r.file(), field, "must be a finite number");
            segment.weights.push_back(editorWeight(w, r.file(), field));
        }
        s.rejectUnknown();
        segments.push_back(std::move(segment));
    }
    return segments;
}

RandomQuadraticSpec readModel(Reader r)
{
    RandomQuadraticSpec m;
    m.domains = r.integer("domains", r.required("domains"), 2, LabFile::maxDomains);
    m.dimension = r.integer("dimension", r.required("dimension"), 2, LabFile::maxDimension);
    m.q = r.number("q", r.required("q"));
    if (!(m.q >= 0.01 && m.q <= 1)) r.fail("q", "must be between 0.01 and 1");
    m.seed = std::uint64_t(r.integer("seed", r.required("seed"), 0, std::numeric_limits<int>::max()));
    r.rejectUnknown();
    return m;
}

double horizon(Reader& r, const JsonValue& v)
{
    const double t = r.number("horizon", v);
    if (!(t >= 0.01 && t <= LabFile::maxHorizon))
        r.fail("horizon", "must be between 0.01 and " + std::to_string(int(LabFile::maxHorizon)));
    return t;
}

LabEditorSpec readEditor(Reader r, int domains)
{
    LabEditorSpec e;
    if (auto v = r.optional("horizon")) e.horizon = horizon(r, *v);
    if (auto v = r.optional("preset")) {
        e.preset = r.string("preset", *v);
        if (e.preset != "constant-mix" && e.preset != "sequential-blocks" && e.preset != "intervention" &&
            e.preset != "more-at-end")
            r.fail("preset", "must be constant-mix, sequential-blocks, intervention or more-at-end");
    }
    const auto within = [&](const char* key, double& value, double lo, double hi) {
        if (auto v = r.optional(key)) value = r.number(key, *v);
        if (!(value >= lo && value <= hi))
            r.fail(key, "must be between " + logs::jsonNumber(lo) + " and " + logs::jsonNumber(hi));
    };
    within("w", e.w, 0, 1);
    within("t0", e.t0, 0, LabFile::maxHorizon);
    within("dt", e.dt, 0.001, LabFile::maxHorizon);
    within("dw", e.dw, 0, 1);
    if (auto v = r.optional("order")) {
        e.order = r.string("order", *v);
        if (e.order != "12" && e.order != "21") r.fail("order", "must be \"12\" or \"21\"");
    }
    if (auto v = r.optional("domain")) e.domain = r.integer("domain", *v, 1, domains);
    if (auto v = r.optional("blocks")) {
        e.blocks = r.string("blocks", *v);
        if (e.blocks.size() > 256) r.fail("blocks", "longer than 256 characters");
    }
    if (auto v = r.optional("extraStarts")) e.extraStarts = r.integer("extraStarts", *v, 0, LabFile::maxExtraStarts);
    if (r.optional("segments")) e.segments = readSegments(r, "segments", domains, true);
    r.rejectUnknown();
    return e;
}

/// A run as read, with what it uses of each domain over [0, horizon] (runs compared in the lab
/// must use the same amounts).
struct ReadRun {
    LabRunSpec run;
    std::vector<double> amounts;
};

ReadRun readRun(Reader r, int domains)
{
    LabRunSpec run;
    if (auto v = r.optional("name")) run.name = r.string("name", *v);
    if (run.name.size() > 1024) r.fail("name", "longer than 1024 characters");
    run.horizon = horizon(r, r.required("horizon"));
    if (auto v = r.optional("extraStarts")) run.extraStarts = r.integer("extraStarts", *v, 0, LabFile::maxExtraStarts);
    if (auto v = r.optional("visible")) run.visible = r.boolean("visible", *v);
    run.segments = readSegments(r, "segments", domains, false);
    std::vector<double> amounts;
    try {
        // Building the schedule checks the segments (the message names the segment and the
        // domain); a schedule that starts after 0 cannot say what the run used from 0 on.
        amounts = Schedule(run.segments, domains).amounts(0, run.horizon);
    } catch (const ScheduleError& e) {
        r.fail("segments", e.what());
    }
    r.rejectUnknown();
    return {std::move(run), std::move(amounts)};
}

std::vector<LabRunSpec> readRuns(const Reader& r, const JsonValue& list, int domains)
{
    std::vector<LabRunSpec> runs;
    runs.reserve(list.items.size());
    std::vector<double> firstAmounts;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const JsonValue& item = list.items[i];
        const std::string name = "runs[" + std::to_string(i) + "]";
        if (item.type != JsonValue::Type::Object) failAt(item, r.file(), name, "must be an object");
        ReadRun read = readRun(Reader(item, name, r.file()), domains);
        runs.push_back(std::move(read.run));
        const std::vector<double>& amounts = read.amounts;
        if (i == 0) firstAmounts = amounts;
        for (std::size_t k = 0; k < amounts.size(); ++k)
            if (!(std::abs(amounts[k] - firstAmounts[k]) <= kLabAmountTolerance))
                failAt(item, r.file(), name,
                       "uses " + logs::jsonNumber(amounts[k]) + " of domain " + std::to_string(k + 1) + ", run 1 " +
                           logs::jsonNumber(firstAmounts[k]) + ": compared runs must use the same amounts");
    }
    return runs;
}

LabPlannerSpec readPlanner(Reader r)
{
    LabPlannerSpec p;
    if (auto v = r.optional("method")) {
        p.method = r.string("method", *v);
        try {
            parseOrderingMethod(p.method);
        } catch (const std::invalid_argument&) {
            r.fail("method", "must be auto, exact, borda or local");
        }
    }
    if (auto v = r.optional("stageTime")) p.stageTime = r.number("stageTime", *v);
    if (!(p.stageTime >= 0.001 && p.stageTime <= 100)) r.fail("stageTime", "must be between 0.001 and 100");
    if (auto v = r.optional("target"))
        if (r.string("target", *v) != "mean") r.fail("target", "must be mean (the lab's target)");
    r.rejectUnknown();
    return p;
}

std::vector<double> positiveList(Reader& r, const std::string& key)
{
    const JsonValue& list = array(r, key, r.required(key), LabFile::maxTable1Values);
    if (list.items.empty()) r.fail(key, "needs at least one value");
    std::vector<double> values;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const JsonValue& v = list.items[i];
        if (v.type != JsonValue::Type::Number || !(v.number > 0 && v.number <= LabFile::maxHorizon))
            failAt(v, r.file(), r.name(key) + "[" + std::to_string(i) + "]", "must be a number in (0, 1000]");
        values.push_back(v.number);
    }
    return values;
}

LabTable1Spec readTable1(Reader r)
{
    LabTable1Spec t;
    if (auto v = r.optional("dimension")) t.dimension = r.integer("dimension", *v, 2, LabFile::maxDimension);
    if (auto v = r.optional("trials")) t.trials = r.integer("trials", *v, 1, LabFile::maxTable1Trials);
    if (auto v = r.optional("seed")) t.seed = std::uint64_t(r.integer("seed", *v, 0, std::numeric_limits<int>::max()));
    if (auto v = r.optional("q")) t.q = r.number("q", *v);
    if (!(t.q >= 0.01 && t.q <= 1)) r.fail("q", "must be between 0.01 and 1");
    if (r.optional("times")) t.times = positiveList(r, "times");
    if (r.optional("steps")) t.steps = positiveList(r, "steps");
    if (auto v = r.optional("computed")) t.computed = r.boolean("computed", *v);
    r.rejectUnknown();
    return t;
}

void readPairOf(Reader& r, const std::string& key, int& a, int& b, int mostA, int mostB)
{
    const JsonValue& v = r.required(key);
    const auto in = [](const JsonValue& x, int most) {
        return x.type == JsonValue::Type::Number && x.number >= 1 && x.number <= most &&
               x.number == std::floor(x.number);
    };
    if (v.type != JsonValue::Type::Array || v.items.size() != 2 || !in(v.items[0], mostA) || !in(v.items[1], mostB))
        r.fail(key,
               "must be [a, b] with 1 <= a <= " + std::to_string(mostA) + " and 1 <= b <= " + std::to_string(mostB));
    a = int(v.items[0].number);
    b = int(v.items[1].number);
}

LabViews readViews(Reader r, const LabFile& lab)
{
    LabViews v;
    if (auto x = r.optional("tab")) v.tab = r.integer("tab", *x, 0, 3);
    if (r.optional("pair")) readPairOf(r, "pair", v.pairI, v.pairJ, lab.model.domains, lab.model.domains);
    if (auto x = r.optional("pmatrixRun"))
        v.pmatrixRun = r.integer("pmatrixRun", *x, 1, std::max<int>(1, int(lab.runs.size())));
    if (auto x = r.optional("pmatrixSample")) v.pmatrixSample = r.integer("pmatrixSample", *x, 0, kLabRunSamples - 1);
    if (r.optional("table1Cell"))
        readPairOf(r, "table1Cell", v.table1Row, v.table1Column, int(lab.table1.times.size()),
                   int(lab.table1.steps.size()));
    r.rejectUnknown();
    return v;
}

}  // namespace

LabFile parseLabFile(std::string_view json, const std::string& file)
{
    JsonValue document;
    try {
        document = logs::parseJson(json, file);
    } catch (const LogError& e) {
        throw LabFileError(e.location(), e.message());
    }
    if (document.type != JsonValue::Type::Object)
        throw LabFileError({file, document.line, document.column, {}}, "a lab file is a JSON object");
    Reader r(document, {}, file);
    if (r.string("format", r.required("format")) != LabFile::formatName)
        r.fail("format", std::string("must be \"") + LabFile::formatName + "\"");
    LabFile lab;
    lab.version = r.integer("version", r.required("version"), 1, 1000000);
    if (lab.version != LabFile::currentVersion)
        r.fail("version", "unsupported version " + std::to_string(lab.version) + " (this CommuteLab reads version " +
                              std::to_string(LabFile::currentVersion) + ")");
    lab.model = readModel(r.object("model", r.required("model")));
    const int k = lab.model.domains;
    if (auto v = r.optional("editor")) lab.editor = readEditor(r.object("editor", *v), k);
    if (lab.editor.segments.empty()) lab.editor.segments = {{0.0, std::vector<double>(std::size_t(k), 1.0 / k)}};
    if (lab.editor.domain > k) r.fail("editor", "domain is larger than K");
    if (auto v = r.optional("runs")) lab.runs = readRuns(r, array(r, "runs", *v, LabFile::maxRuns), k);
    if (auto v = r.optional("planner")) lab.planner = readPlanner(r.object("planner", *v));
    if (auto v = r.optional("table1")) lab.table1 = readTable1(r.object("table1", *v));
    if (auto v = r.optional("views")) lab.views = readViews(r.object("views", *v), lab);
    if (lab.views.table1Row > int(lab.table1.times.size()) || lab.views.table1Column > int(lab.table1.steps.size()))
        r.fail("table1", "has fewer rows or columns than views.table1Cell names");
    r.rejectUnknown();
    return lab;
}

LabFile loadLabFile(const std::string& path)
{
    // Binary and oversized files are refused before parsing, located like every other error.
    return parseLabFile(logs::readTextFileAs<LabFileError>(path, LabFile::maxFileBytes), path);
}

}  // namespace cl
