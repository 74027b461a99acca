// Writes the canonical JSON log (and JSON Lines). Numbers use the shortest text that reads
// back to the same double, missing values are null, NaN/inf the strings "NaN"/"Infinity".

#include "core/logs/Json.h"
#include "core/logs/JsonLogs.h"

#include <ostream>

namespace cl::logs {

namespace {

std::string perDomain(const std::vector<std::vector<double>>& column, std::size_t row)
{
    std::string out = "[";
    for (std::size_t d = 0; d < column.size(); ++d)
        out += (d ? ", " : "") + jsonNumber(column[d].empty() ? missing() : column[d][row]);
    return out + "]";
}

bool hasRow(const std::vector<std::vector<double>>& column, std::size_t row)
{
    for (const auto& c : column)
        if (!c.empty() && !isMissing(c[row])) return true;
    return false;
}

std::string pair(const RunLog& log, DomainPair p)
{
    return "[" + jsonQuote(log.domains[p.first]) + ", " + jsonQuote(log.domains[p.second]) + "]";
}

double at(const std::vector<double>& column, std::size_t row) { return column.empty() ? missing() : column[row]; }

std::string runFields(const RunLog& log)
{
    std::string out = "\"format\": \"commutelab-log\", \"version\": 1, \"domains\": [";
    for (std::size_t d = 0; d < log.domains.size(); ++d) out += (d ? ", " : "") + jsonQuote(log.domains[d]);
    out += "]";
    if (!log.baseWeights.empty()) {
        out += ", \"base_weights\": [";
        for (std::size_t d = 0; d < log.baseWeights.size(); ++d) out += (d ? ", " : "") + jsonNumber(log.baseWeights[d]);
        out += "]";
    }
    out += ", \"learning_rate\": " + jsonNumber(log.learningRate);
    out += std::string(", \"p_units\": ") + (log.pScaledByLr2 ? "\"lr2\"" : "\"raw\"");
    if (!log.target.empty()) out += ", \"target\": " + jsonQuote(log.target);
    out += ", \"metadata\": {";
    for (std::size_t i = 0; i < log.metadata.size(); ++i)
        out += (i ? ", " : "") + jsonQuote(log.metadata[i].first) + ": " + jsonQuote(log.metadata[i].second);
    return out + "}";
}

std::string checkpointFields(const RunLog& log, std::size_t r)
{
    const auto& c = log.checkpoints;
    std::string out = "\"step\": " + jsonNumber(c.step[r]);
    if (hasRow(c.loss, r)) out += ", \"loss\": " + perDomain(c.loss, r);
    if (!isMissing(at(c.targetLoss, r))) out += ", \"target_loss\": " + jsonNumber(c.targetLoss[r]);
    return out;
}

std::string pFields(const RunLog& log, std::size_t r)
{
    const auto& p = log.pValues;
    std::string out = "\"step\": " + jsonNumber(p.step[r]) + ", \"pair\": " + pair(log, p.pair(r)) +
                      ", \"target\": " + jsonQuote(log.domains[p.target[r]]) + ", \"value\": " + jsonNumber(p.value[r]);
    if (!isMissing(at(p.stdError, r))) out += ", \"stderr\": " + jsonNumber(p.stdError[r]);
    if (!isMissing(at(p.samples, r))) out += ", \"samples\": " + jsonNumber(p.samples[r]);
    return out;
}

std::string interventionFields(const RunLog& log, std::size_t r)
{
    const auto& v = log.interventions;
    std::string out = "\"start\": " + jsonNumber(v.start[r]) + ", \"length\": " + jsonNumber(v.length[r]) +
                      ", \"delta_w\": " + jsonNumber(v.deltaW[r]) + ", \"order\": " + pair(log, v.order(r));
    if (hasRow(v.excess, r)) out += ", \"excess\": " + perDomain(v.excess, r);
    if (hasRow(v.loss, r)) out += ", \"loss\": " + perDomain(v.loss, r);
    if (hasRow(v.baseLoss, r)) out += ", \"base_loss\": " + perDomain(v.baseLoss, r);
    return out;
}

std::string rmsFields(const RunLog& log, std::size_t r)
{
    const auto& m = log.rms;
    return "\"step\": " + jsonNumber(m.step[r]) + ", \"pair\": " + pair(log, m.pair(r)) +
           ", \"tensor\": " + jsonQuote(m.tensor[r]) + ", \"bracket_rms\": " + jsonNumber(m.bracketRms[r]) +
           ", \"grad_rms\": " + jsonNumber(m.gradRms[r]);
}

template <typename Fields>
void list(std::ostream& out, const char* key, std::size_t n, Fields fields)
{
    out << ",\n  \"" << key << "\": [";
    for (std::size_t r = 0; r < n; ++r) out << (r ? ",\n    {" : "\n    {") << fields(r) << "}";
    out << (n ? "\n  ]" : "]");
}

}  // namespace

void writeJsonLog(const RunLog& log, std::ostream& out)
{
    out << "{\n  " << runFields(log);
    list(out, "checkpoints", log.checkpoints.size(), [&](std::size_t r) { return checkpointFields(log, r); });
    list(out, "p_values", log.pValues.size(), [&](std::size_t r) { return pFields(log, r); });
    list(out, "interventions", log.interventions.size(), [&](std::size_t r) { return interventionFields(log, r); });
    if (log.rms.size()) list(out, "rms", log.rms.size(), [&](std::size_t r) { return rmsFields(log, r); });
    out << "\n}\n";
}

void writeJsonLines(const RunLog& log, std::ostream& out)
{
    out << "{\"type\": \"run\", " << runFields(log) << "}\n";
    for (std::size_t r = 0; r < log.checkpoints.size(); ++r)
        out << "{\"type\": \"checkpoint\", " << checkpointFields(log, r) << "}\n";
    for (std::size_t r = 0; r < log.pValues.size(); ++r) out << "{\"type\": \"p\", " << pFields(log, r) << "}\n";
    for (std::size_t r = 0; r < log.interventions.size(); ++r)
        out << "{\"type\": \"intervention\", " << interventionFields(log, r) << "}\n";
    for (std::size_t r = 0; r < log.rms.size(); ++r) out << "{\"type\": \"rms\", " << rmsFields(log, r) << "}\n";
}

}  // namespace cl::logs
