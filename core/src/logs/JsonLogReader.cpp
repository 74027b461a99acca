// Decodes the canonical JSON log and JSON Lines into a RunLog. Both share one decoder, so
// a field means the same in either and fails with the same message.

#include "core/logs/ColumnNames.h"
#include "core/logs/Json.h"
#include "core/logs/JsonLogs.h"
#include "core/logs/LogText.h"

#include <cmath>
#include <cstring>
#include <map>
#include <tuple>
#include <optional>

namespace cl::logs {

namespace {

// A number as a map key: its bits, so that a missing value (NaN) equals itself and -0 equals 0.
std::uint64_t sameBits(double x)
{
    if (x == 0) x = 0;
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

using Type = JsonValue::Type;

// Spaces around a metadata value are not kept: the CSV form cannot keep them either.
std::string trimmed(const std::string& text)
{
    const auto b = text.find_first_not_of(" \t");
    if (b == std::string::npos) return {};
    return text.substr(b, text.find_last_not_of(" \t") - b + 1);
}

class Decoder {
public:
    Decoder(RunLog& log, const std::string& path) : log_(log), path_(path) {}

    [[noreturn]] void fail(const JsonValue& at, const std::string& field, const std::string& message) const
    {
        throw LogError({path_, at.line, at.column, field}, message);
    }

    const JsonValue& require(const JsonValue& object, const char* key, const std::string& prefix) const
    {
        const JsonValue* v = object.find(key);
        if (!v) fail(object, prefix + key, "missing required field");
        return *v;
    }

    double number(const JsonValue* v, const std::string& field)
    {
        if (!v || v->type == Type::Null) return missing();
        if (v->type == Type::Number) return v->number;
        if (v->type == Type::String) {
            const std::string& t = v->text;
            double x = 0;
            if (t == "NaN" || t == "Infinity" || t == "-Infinity" || t == "nan" || t == "inf" || t == "-inf") {
                x = t[0] == '-' ? -HUGE_VAL : (t[0] == 'N' || t[0] == 'n') ? std::nan("") : HUGE_VAL;
                log_.warn({path_, v->line, v->column, field}, "non-finite value '" + t + "' kept");
                return x;
            }
            fail(*v, field, "not a number: '" + t + "'");
        }
        fail(*v, field, std::string("expected a number, found ") + v->typeName());
    }

    double requiredNumber(const JsonValue& object, const char* key, const std::string& prefix)
    {
        const double x = number(&require(object, key, prefix), prefix + key);
        if (isMissing(x)) fail(*object.find(key), prefix + key, "missing required field (null)");
        return x;
    }

    // The step rule of every format (RunLog.h): finite, and -0 is 0.
    double requiredStep(const JsonValue& object, const char* key, const std::string& prefix)
    {
        const double x = requiredNumber(object, key, prefix);
        if (!isValidStep(x)) fail(*object.find(key), prefix + key, "the step must be a finite number");
        return canonicalStep(x);
    }

    int domain(const JsonValue& v, const std::string& field)
    {
        std::string error;
        int d = -1;
        if (v.type == Type::String || v.type == Type::Number)
            d = resolveDomain(v.text, lookup(), error);
        else error = std::string("expected a domain name, found ") + v.typeName();
        if (d < 0) fail(v, field, error);
        return d;
    }

    DomainPair order(const JsonValue& v, const std::string& field)
    {
        DomainPair pair;
        std::string error;
        if (v.type == Type::Array && v.items.size() == 2) {
            pair = {domain(v.items[0], field), domain(v.items[1], field)};
            if (pair.first == pair.second) fail(v, field, "an order needs two different domains");
        } else if (v.type != Type::String || !parseOrder(v.text, lookup(), pair, error)) {
            fail(v, field, error.empty() ? "expected two domains, e.g. [\"en\", \"ru\"] or \"12\"" : error);
        }
        return pair;
    }

    // One value per domain, as an array in domain order or an object keyed by domain name.
    // Returns false when the field is absent or null.
    bool perDomain(const JsonValue* v, const std::string& field, std::vector<double>& out)
    {
        const std::size_t K = log_.domains.size();
        out.assign(K, missing());
        if (!v || v->type == Type::Null) return false;
        if (v->type == Type::Array) {
            if (v->items.size() != K)
                fail(*v, field, "inconsistent domain count: " + std::to_string(v->items.size()) + " values for " +
                                    std::to_string(K) + " domains");
            for (std::size_t d = 0; d < K; ++d) out[d] = number(&v->items[d], field + "[" + std::to_string(d) + "]");
        } else if (v->type == Type::Object) {
            for (const auto& [name, item] : v->members) {
                std::string error;
                const int d = resolveDomain(name, lookup(), error);
                if (d < 0) fail(item, field + "." + name, error);
                out[static_cast<std::size_t>(d)] = number(&item, field + "." + name);
            }
        } else {
            fail(*v, field, std::string("expected an array with one value per domain, found ") + v->typeName());
        }
        return true;
    }

    void run(const JsonValue& o)
    {
        if (o.type != Type::Object) fail(o, {}, "expected the run as a JSON object");
        const JsonValue& names = require(o, "domains", "");
        if (names.type != Type::Array) fail(names, "domains", "expected an array of names");
        std::vector<std::string> list;
        for (const auto& n : names.items) {
            if (n.type != Type::String) fail(n, "domains", std::string("expected a name, found ") + n.typeName());
            list.push_back(n.text);
        }
        const std::string problem = checkDomainNames(list);
        if (!problem.empty()) fail(names, "domains", problem);
        log_.setDomains(std::move(list));
        lookup_.emplace(log_.domains);
        std::vector<double> weights;
        if (perDomain(o.find("base_weights"), "base_weights", weights)) log_.baseWeights = weights;
        log_.learningRate = number(o.find("learning_rate"), "learning_rate");
        if (const JsonValue* u = o.find("p_units")) {
            if (u->type != Type::String || (u->text != "lr2" && u->text != "raw"))
                fail(*u, "p_units", "expected \"lr2\" or \"raw\"");
            log_.pScaledByLr2 = u->text == "lr2";
        }
        if (const JsonValue* t = o.find("target"); t && t->type == Type::String) log_.target = t->text;
        if (const JsonValue* m = o.find("metadata")) {
            if (m->type != Type::Object) fail(*m, "metadata", "expected an object of key: value");
            for (const auto& [key, value] : m->members) {
                if (value.type == Type::Object || value.type == Type::Array)
                    fail(value, "metadata." + key, "metadata values are text or numbers");
                // What every writer can write back: CSV keeps metadata as "# key: value" lines.
                if (const std::string problem = metadataProblem(key); !problem.empty())
                    fail(value, "metadata." + key, problem);
                if (value.type == Type::String && value.text.find_first_of("\r\n") != std::string::npos)
                    fail(value, "metadata." + key, "a metadata value cannot contain a line break");
                const std::string text = value.type == Type::String ? value.text
                                         : value.type == Type::Bool ? (value.boolean ? "true" : "false")
                                         : value.type == Type::Null ? "" : value.text;
                log_.metadata.emplace_back(key, trimmed(text));
            }
        }
    }

    void checkpoint(const JsonValue& o, const std::string& prefix)
    {
        if (o.type != Type::Object) fail(o, prefix, "expected a checkpoint object");
        const double step = requiredStep(o, "step", prefix);
        const JsonValue& stepValue = *o.find("step");
        const auto [it, fresh] = checkpointLines_.emplace(step, stepValue.line);
        if (!fresh)
            fail(stepValue, prefix + "step", "duplicate checkpoint: step " + stepValue.text + " already at line " +
                                                 std::to_string(it->second));
        std::vector<double> losses;
        const bool hasLoss = perDomain(o.find("loss"), prefix + "loss", losses);
        int count = 0;
        for (double x : losses) count += !isMissing(x);
        if (hasLoss && count != log_.domainCount())
            fail(*o.find("loss"), prefix + "loss", "inconsistent domain count: checkpoint has losses for " +
                                                       std::to_string(count) + " of " + std::to_string(log_.domainCount()) +
                                                       " domains");
        const double target = number(o.find("target_loss"), prefix + "target_loss");
        // A checkpoint without any loss says nothing, and no CSV row could write it back.
        if (!hasLoss && isMissing(target)) fail(o, prefix + "loss", "missing required field (or 'target_loss')");
        log_.checkpoints.add(step, hasLoss ? losses.data() : nullptr, target);
    }

    void pValue(const JsonValue& o, const std::string& prefix)
    {
        if (o.type != Type::Object) fail(o, prefix, "expected a P-value object");
        const double step = requiredStep(o, "step", prefix);
        const DomainPair pair = order(require(o, "pair", prefix), prefix + "pair");
        const int target = domain(require(o, "target", prefix), prefix + "target");
        const double value = requiredNumber(o, "value", prefix);  // null would not survive a CSV round trip
        // One rule with the long CSV, which cannot hold two values of one (step, pair, k): refused.
        const JsonValue& stepValue = *o.find("step");
        const auto [it, fresh] = pValueLines_.emplace(std::make_tuple(step, pair.first, pair.second, target), stepValue.line);
        if (!fresh)
            fail(stepValue, prefix + "step",
                 "duplicate measurement: P-value of this pair and target at step " + stepValue.text + " already at line " +
                     std::to_string(it->second));
        log_.pValues.add(step, pair, target, value, number(o.find("stderr"), prefix + "stderr"),
                         number(o.find("samples"), prefix + "samples"));
    }

    void intervention(const JsonValue& o, const std::string& prefix)
    {
        if (o.type != Type::Object) fail(o, prefix, "expected an intervention object");
        const double start = requiredStep(o, "start", prefix);
        const DomainPair pair = order(require(o, "order", prefix), prefix + "order");
        std::vector<double> excess, reached, base;
        const bool hasExcess = perDomain(o.find("excess"), prefix + "excess", excess);
        const bool hasReached = perDomain(o.find("loss"), prefix + "loss", reached);
        const bool hasBase = perDomain(o.find("base_loss"), prefix + "base_loss", base);
        if (!hasExcess && !hasReached) fail(o, prefix + "excess", "missing required field (or 'loss')");
        const double length = number(o.find("length"), prefix + "length");
        const double deltaW = number(o.find("delta_w"), prefix + "delta_w");
        // An intervention is named by (start, length, delta_w, order), as in the long CSV: twice is refused.
        const JsonValue& startValue = *o.find("start");
        const auto [it, fresh] = interventionLines_.emplace(
            std::make_tuple(start, sameBits(length), sameBits(deltaW), pair.first, pair.second), startValue.line);
        if (!fresh)
            fail(startValue, prefix + "start",
                 "duplicate measurement: an intervention with this order, length and delta_w at start " +
                     startValue.text + " already at line " + std::to_string(it->second));
        log_.interventions.add(start, length, deltaW, pair, hasExcess ? excess.data() : nullptr, hasReached ? reached.data() : nullptr,
                               hasBase ? base.data() : nullptr);
    }

    // Per-tensor RMS of a bracket and of its gradients, written by the probe (docs/log-format.md).
    void rms(const JsonValue& o, const std::string& prefix)
    {
        if (o.type != Type::Object) fail(o, prefix, "expected an rms object");
        const double step = requiredNumber(o, "step", prefix);
        const DomainPair pair = order(require(o, "pair", prefix), prefix + "pair");
        const JsonValue& tensor = require(o, "tensor", prefix);
        if (tensor.type != Type::String || tensor.text.empty())
            fail(tensor, prefix + "tensor", std::string("expected a tensor name, found ") + tensor.typeName());
        const double bracket = number(&require(o, "bracket_rms", prefix), prefix + "bracket_rms");
        const double gradient = number(&require(o, "grad_rms", prefix), prefix + "grad_rms");
        for (const auto& [value, key] : {std::pair{bracket, "bracket_rms"}, std::pair{gradient, "grad_rms"}})
            if (!isMissing(value) && value < 0) fail(*o.find(key), prefix + key, "an RMS cannot be negative");
        log_.rms.add(step, pair, tensor.text, bracket, gradient);
    }

private:
    const DomainLookup& lookup() const
    {
        if (!lookup_) throw LogError({path_, 0, 0, "domains"}, "missing required field");
        return *lookup_;
    }

    RunLog& log_;
    std::optional<DomainLookup> lookup_;  // set with the domains
    const std::string& path_;
    std::map<double, long> checkpointLines_;
    std::map<std::tuple<double, int, int, int>, long> pValueLines_;
    std::map<std::tuple<double, std::uint64_t, std::uint64_t, int, int>, long> interventionLines_;
};

void each(Decoder& decoder, const JsonValue& root, const char* key, void (Decoder::*decode)(const JsonValue&, const std::string&))
{
    const JsonValue* list = root.find(key);
    if (!list || list->type == Type::Null) return;
    if (list->type != Type::Array) decoder.fail(*list, key, "expected an array");
    for (std::size_t i = 0; i < list->items.size(); ++i)
        (decoder.*decode)(list->items[i], std::string(key) + "[" + std::to_string(i) + "].");
}

}  // namespace

RunLog readJsonLog(const std::string& text, const std::string& path)
{
    const JsonValue root = parseJson(text, path);
    RunLog log;
    Decoder decoder(log, path);
    decoder.run(root);
    each(decoder, root, "checkpoints", &Decoder::checkpoint);
    each(decoder, root, "p_values", &Decoder::pValue);
    each(decoder, root, "interventions", &Decoder::intervention);
    each(decoder, root, "rms", &Decoder::rms);
    return log;
}

RunLog readJsonLines(const std::string& text, const std::string& path)
{
    RunLog log;
    Decoder decoder(log, path);
    bool haveRun = false;
    long lineNo = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        ++lineNo;
        std::string_view line(text.data() + start, end - start);
        start = end + 1;
        if (line.size() >= kMaxLineBytes)
            throw LogError({path, lineNo, 1, {}},
                           "line longer than " + std::to_string(kMaxLineBytes >> 20) + " MiB (the limit for one line)");
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        const bool lastWithoutNewline = end == text.size();
        JsonValue o;
        try {
            o = parseJson(line, path, lineNo);
        } catch (const LogError& e) {
            // A writer appends whole lines (the probe flushes each record), so a last line that
            // neither parses nor ends in a newline is a record still being written: keep what came
            // before, say so, and read it whole on the next reload (issue 12).
            if (!lastWithoutNewline || !haveRun) throw;
            log.warn({path, lineNo, 1, {}}, "last line cut (a log still being written?): read up to the last "
                                             "complete record; " + e.message());
            break;
        }
        if (o.type != Type::Object) decoder.fail(o, {}, "expected one JSON object per line");
        const JsonValue* type = o.find("type");
        if (!type || type->type != Type::String) decoder.fail(o, "type", "missing required field");
        if (!haveRun) {
            if (type->text != "run") decoder.fail(*type, "type", "the first line must be the \"run\" object");
            decoder.run(o);
            haveRun = true;
        } else if (type->text == "checkpoint") decoder.checkpoint(o, {});
        else if (type->text == "p") decoder.pValue(o, {});
        else if (type->text == "intervention") decoder.intervention(o, {});
        else if (type->text == "rms") decoder.rms(o, {});
        else
            decoder.fail(*type, "type",
                         "expected \"checkpoint\", \"p\", \"intervention\" or \"rms\", found \"" + type->text + "\"");
    }
    if (!haveRun) throw LogError({path, 0, 0, {}}, "empty file: no \"run\" line");
    return log;
}

}  // namespace cl::logs
