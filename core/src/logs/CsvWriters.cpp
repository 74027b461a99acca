// Writes the two CSV shapes. The wide writer refuses logs a one-row-per-step table cannot hold
// rather than dropping data; the long writer can hold any log.

#include "core/logs/ColumnNames.h"
#include "core/logs/CsvLogs.h"

#include <map>
#include <ostream>

namespace cl::logs {

namespace {

double at(const std::vector<double>& column, std::size_t row) { return column.empty() ? missing() : column[row]; }

[[noreturn]] void cannot(const std::string& why)
{
    throw LogError({"(wide CSV)", 0, 0, {}}, "cannot write as wide CSV: " + why + " (use JSON or long CSV)");
}

struct WideColumn {
    ColumnMeaning meaning;
    std::string name;
};

}  // namespace

void writeWideCsv(const RunLog& log, std::ostream& out)
{
    const int K = log.domainCount();
    std::vector<WideColumn> columns;
    auto add = [&](ColumnMeaning m) { columns.push_back({m, canonicalColumnName(m, log.domains)}); };
    auto find = [&](Quantity q, int domain, DomainPair order) {
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const auto& m = columns[c].meaning;
            if (m.quantity == q && m.domain == domain && (!m.hasOrder || m.order == order)) return static_cast<int>(c);
        }
        return -1;
    };
    const auto& iv = log.interventions;
    const auto& pv = log.pValues;
    add({Quantity::Step});
    if (iv.size()) {
        add({Quantity::Length});
        add({Quantity::DeltaW});
    }
    if (log.checkpoints.size())
        for (int d = 0; d < K; ++d) add({Quantity::Loss, d});
    if (!log.checkpoints.targetLoss.empty()) add({Quantity::TargetLoss});
    for (std::size_t r = 0; r < pv.size(); ++r) {
        if (find(Quantity::PValue, pv.target[r], pv.pair(r)) >= 0) continue;
        add({Quantity::PValue, pv.target[r], pv.pair(r), true});
        if (!pv.stdError.empty()) add({Quantity::PStdError, pv.target[r], pv.pair(r), true});
        if (!pv.samples.empty()) add({Quantity::PSamples, pv.target[r], pv.pair(r), true});
    }
    for (std::size_t r = 0; r < iv.size(); ++r) {
        if (find(Quantity::Excess, 0, iv.order(r)) >= 0 || find(Quantity::ReachedLoss, 0, iv.order(r)) >= 0 ||
            find(Quantity::BaseLoss, 0, iv.order(r)) >= 0)
            continue;
        for (int d = 0; d < K; ++d)
            if (!iv.excess[d].empty()) add({Quantity::Excess, d, iv.order(r), true});
        for (int d = 0; d < K; ++d)
            if (!iv.loss[d].empty()) add({Quantity::ReachedLoss, d, iv.order(r), true});
        for (int d = 0; d < K; ++d)
            if (!iv.baseLoss[d].empty()) add({Quantity::BaseLoss, d, iv.order(r), true});
    }

    // One row per step, in increasing step order.
    std::map<double, std::vector<std::string>> rows;
    auto row = [&](double step) -> std::vector<std::string>& {
        auto& cells = rows[step];
        if (cells.empty()) {
            cells.assign(columns.size(), std::string());
            cells[0] = formatNumber(step);
        }
        return cells;
    };
    auto put = [&](std::vector<std::string>& cells, int c, double value, const char* what, double step) {
        if (c < 0 || isMissing(value)) return;
        if (!cells[c].empty() && cells[c] != formatNumber(value))
            cannot(std::string("two ") + what + " at step " + formatNumber(step) + " for column '" + columns[c].name + "'");
        if (!cells[c].empty()) cannot(std::string("a repeated ") + what + " at step " + formatNumber(step));
        cells[c] = formatNumber(value);
    };
    for (std::size_t r = 0; r < log.checkpoints.size(); ++r) {
        const double s = log.checkpoints.step[r];
        auto& cells = row(s);
        for (int d = 0; d < K; ++d) put(cells, find(Quantity::Loss, d, {}), log.checkpoints.loss[d][r], "checkpoints", s);
        put(cells, find(Quantity::TargetLoss, -1, {}), at(log.checkpoints.targetLoss, r), "checkpoints", s);
    }
    for (std::size_t r = 0; r < pv.size(); ++r) {
        auto& cells = row(pv.step[r]);
        put(cells, find(Quantity::PValue, pv.target[r], pv.pair(r)), pv.value[r], "P-values", pv.step[r]);
        put(cells, find(Quantity::PStdError, pv.target[r], pv.pair(r)), at(pv.stdError, r), "P-values", pv.step[r]);
        put(cells, find(Quantity::PSamples, pv.target[r], pv.pair(r)), at(pv.samples, r), "P-values", pv.step[r]);
    }
    for (std::size_t r = 0; r < iv.size(); ++r) {
        const double s = iv.start[r];
        auto& cells = row(s);
        // dt and dw are per row: every intervention of a row must share them.
        for (auto [c, value] : {std::pair{1, iv.length[r]}, std::pair{2, iv.deltaW[r]}}) {
            const std::string text = isMissing(value) ? "\x01" : formatNumber(value);
            if (!cells[c].empty() && cells[c] != text)
                cannot("interventions at step " + formatNumber(s) + " differ in dt or dw");
            cells[c] = text;
        }
        for (int d = 0; d < K; ++d) {
            put(cells, find(Quantity::Excess, d, iv.order(r)), InterventionTable::cell(iv.excess, d, r), "interventions", s);
            put(cells, find(Quantity::ReachedLoss, d, iv.order(r)), InterventionTable::cell(iv.loss, d, r), "interventions", s);
            put(cells, find(Quantity::BaseLoss, d, iv.order(r)), InterventionTable::cell(iv.baseLoss, d, r), "interventions", s);
        }
    }

    out << writePreamble(log, "wide");
    for (std::size_t c = 0; c < columns.size(); ++c) out << (c ? "," : "") << csvQuote(columns[c].name);
    out << '\n';
    for (auto& [step, cells] : rows) {
        for (std::size_t c = 0; c < cells.size(); ++c) out << (c ? "," : "") << (cells[c] == "\x01" ? "" : cells[c]);
        out << '\n';
    }
}

void writeLongCsv(const RunLog& log, std::ostream& out)
{
    out << writePreamble(log, "long") << "step,kind,domain,order,dt,dw,value,stderr,samples\n";
    auto order = [&](DomainPair p) { return csvQuote(log.domains[p.first] + ">" + log.domains[p.second]); };
    auto line = [&](double step, const char* kind, const std::string& domain, const std::string& ord, double dt, double dw,
                    double value, double se, double n) {
        out << formatNumber(step) << ',' << kind << ',' << domain << ',' << ord << ',' << formatNumber(dt) << ','
            << formatNumber(dw) << ',' << formatNumber(value) << ',' << formatNumber(se) << ',' << formatNumber(n) << '\n';
    };
    const double none = missing();
    const auto& cp = log.checkpoints;
    for (std::size_t r = 0; r < cp.size(); ++r) {
        for (int d = 0; d < log.domainCount(); ++d)
            if (!isMissing(cp.loss[d][r])) line(cp.step[r], "loss", log.domains[d], "", none, none, cp.loss[d][r], none, none);
        if (!isMissing(at(cp.targetLoss, r))) line(cp.step[r], "target_loss", "", "", none, none, cp.targetLoss[r], none, none);
    }
    const auto& pv = log.pValues;
    for (std::size_t r = 0; r < pv.size(); ++r)
        line(pv.step[r], "p", log.domains[pv.target[r]], order(pv.pair(r)), none, none, pv.value[r], at(pv.stdError, r),
             at(pv.samples, r));
    const auto& iv = log.interventions;
    static const char* const kinds[] = {"excess", "loss_reached", "base_loss"};
    for (std::size_t r = 0; r < iv.size(); ++r) {
        const std::vector<std::vector<double>>* tables[] = {&iv.excess, &iv.loss, &iv.baseLoss};
        for (int q = 0; q < 3; ++q)
            for (int d = 0; d < log.domainCount(); ++d) {
                const double v = InterventionTable::cell(*tables[q], d, r);
                if (!isMissing(v))
                    line(iv.start[r], kinds[q], log.domains[d], order(iv.order(r)), iv.length[r], iv.deltaW[r], v, none, none);
            }
    }
}

}  // namespace cl::logs
