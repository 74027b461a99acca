#include "core/logs/RunLog.h"

#include "PageAdvice.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <utility>

namespace cl::logs {

namespace {
// A column reserved for all its rows asks for huge pages over its span (PageAdvice.h).
template <class T>
void reserveColumn(std::vector<T>& column, std::size_t rows)
{
    column.reserve(rows);
    adviseHugePages(column.data(), column.capacity() * sizeof(T));
}

void appendOptional(std::vector<double>& column, std::size_t rowsBefore, double value)
{
    if (column.empty()) {
        if (isMissing(value)) return;
        column.assign(rowsBefore, missing());
    }
    column.push_back(value);
}

void appendPerDomain(std::vector<std::vector<double>>& columns, std::size_t rowsBefore, const double* values)
{
    for (std::size_t d = 0; d < columns.size(); ++d)
        appendOptional(columns[d], rowsBefore, values ? values[d] : missing());
}
}  // namespace

void CheckpointTable::reset(std::size_t domainCount)
{
    step.clear();
    loss.assign(domainCount, {});
    targetLoss.clear();
}

void CheckpointTable::reserve(std::size_t rows)
{
    reserveColumn(step, rows);
    for (auto& column : loss) reserveColumn(column, rows);
}

void CheckpointTable::add(double stepValue, const double* losses, double target)
{
    const std::size_t before = step.size();
    step.push_back(stepValue);
    // Loss columns always have one entry per row: a checkpoint without a domain's loss is rare
    // and "missing" says so.
    for (std::size_t d = 0; d < loss.size(); ++d) loss[d].push_back(losses ? losses[d] : missing());
    appendOptional(targetLoss, before, target);
}

void PValueTable::reserve(std::size_t rows)
{
    reserveColumn(step, rows);
    reserveColumn(first, rows);
    reserveColumn(second, rows);
    reserveColumn(target, rows);
    reserveColumn(value, rows);
}

void PValueTable::add(double stepValue, DomainPair pair, int targetDomain, double v, double se, double n)
{
    const std::size_t before = step.size();
    step.push_back(stepValue);
    first.push_back(static_cast<std::int32_t>(pair.first));
    second.push_back(static_cast<std::int32_t>(pair.second));
    target.push_back(static_cast<std::int32_t>(targetDomain));
    value.push_back(v);
    if (!stdError.empty() || !isMissing(se)) appendOptional(stdError, before, se);
    if (!samples.empty() || !isMissing(n)) appendOptional(samples, before, n);
}

void RmsTable::add(double stepValue, DomainPair pair, std::string tensorName, double bracket, double gradient)
{
    step.push_back(stepValue);
    first.push_back(pair.first);
    second.push_back(pair.second);
    tensor.push_back(std::move(tensorName));
    bracketRms.push_back(bracket);
    gradRms.push_back(gradient);
}

void InterventionTable::reset(std::size_t domainCount)
{
    start.clear();
    length.clear();
    deltaW.clear();
    first.clear();
    second.clear();
    excess.assign(domainCount, {});
    loss.assign(domainCount, {});
    baseLoss.assign(domainCount, {});
}

void InterventionTable::reserve(std::size_t rows)
{
    reserveColumn(start, rows);
    reserveColumn(length, rows);
    reserveColumn(deltaW, rows);
    reserveColumn(first, rows);
    reserveColumn(second, rows);
    for (auto& column : excess) reserveColumn(column, rows);
}

void InterventionTable::add(double t0, double dt, double dw, DomainPair order, const double* excessValues,
                            const double* lossValues, const double* baseValues)
{
    const std::size_t before = start.size();
    start.push_back(t0);
    length.push_back(dt);
    deltaW.push_back(dw);
    first.push_back(static_cast<std::int32_t>(order.first));
    second.push_back(static_cast<std::int32_t>(order.second));
    appendPerDomain(excess, before, excessValues);
    appendPerDomain(loss, before, lossValues);
    appendPerDomain(baseLoss, before, baseValues);
}

double InterventionTable::cell(const std::vector<std::vector<double>>& column, int domain, std::size_t row)
{
    const auto& values = column[static_cast<std::size_t>(domain)];
    return values.empty() ? missing() : values[row];
}

double InterventionTable::excessLoss(int domain, std::size_t row) const
{
    const double recorded = cell(excess, domain, row);
    if (!isMissing(recorded)) return recorded;
    const double reached = cell(loss, domain, row);
    const double base = cell(baseLoss, domain, row);
    if (isMissing(reached) || isMissing(base)) return missing();
    return reached - base;
}

int RunLog::domainIndex(const std::string& name) const
{
    for (std::size_t d = 0; d < domains.size(); ++d)
        if (domains[d] == name) return static_cast<int>(d);
    return -1;
}

double RunLog::scaledP(std::size_t row) const
{
    const double v = pValues.value[row];
    if (pScaledByLr2 || isMissing(v)) return v;
    // Raw P (paper eq. 8) lives on the continuous-time scale; one optimiser step is lr long.
    return isMissing(learningRate) ? missing() : v * learningRate * learningRate;
}

void RunLog::warn(LogLocation where, std::string message)
{
    ++warningCount;
    if (warnings.size() < kMaxWarnings) warnings.push_back({std::move(where), std::move(message)});
}

void RunLog::setDomains(std::vector<std::string> names)
{
    domains = std::move(names);
    checkpoints.reset(domains.size());
    pValues = {};
    rms = {};
    interventions.reset(domains.size());
}

const std::string* RunLog::metadataValue(const std::string& key) const
{
    for (const auto& [k, v] : metadata)
        if (k == key) return &v;
    return nullptr;
}

bool isReservedMetadataKey(const std::string& key)
{
    static const char* const reserved[] = {"domains", "base_weights", "learning_rate", "lr",    "p_units",
                                           "target",  "delta_t",      "delta_w",       "format"};
    for (const char* r : reserved)
        if (key == r) return true;
    return false;
}

std::string metadataProblem(const std::string& key)
{
    if (key.empty()) return "a metadata key cannot be empty";
    for (char c : key)
        if (static_cast<unsigned char>(c) <= ' ' || c == ':') return "a metadata key cannot contain spaces or ':'";
    if (isReservedMetadataKey(key)) return "'" + key + "' is a field of the run, not free metadata";
    return {};
}

}  // namespace cl::logs
