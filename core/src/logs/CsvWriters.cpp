// Writes the two CSV shapes. The wide writer refuses logs a one-row-per-step table cannot hold
// rather than dropping data; the long writer can hold any log.

#include "core/logs/ColumnNames.h"
#include "core/logs/CsvLogs.h"

#include <algorithm>
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

    // Rows by increasing step. The first row of a step holds its checkpoint and P-values; an
    // intervention goes to the first row of its step with the same dt and dw and a free slot for
    // its order, else to a new row of that step (several Δw from one start t0).
    std::map<double, std::vector<std::vector<std::string>>> rows;
    auto newRow = [&](double step) -> std::vector<std::string>& {
        auto& list = rows[step];
        list.emplace_back(columns.size(), std::string());
        list.back()[0] = formatNumber(step);
        return list.back();
    };
    auto firstRow = [&](double step) -> std::vector<std::string>& {
        auto it = rows.find(step);
        return it == rows.end() ? newRow(step) : it->second.front();
    };
    auto put = [&](std::vector<std::string>& cells, int c, double value, const char* what, double step) {
        if (c < 0 || isMissing(value)) return;
        if (!cells[c].empty()) cannot(std::string("a repeated ") + what + " at step " + formatNumber(step));
        cells[c] = formatNumber(value);
    };
    for (std::size_t r = 0; r < log.checkpoints.size(); ++r) {
        const double s = log.checkpoints.step[r];
        auto& cells = firstRow(s);
        for (int d = 0; d < K; ++d) put(cells, find(Quantity::Loss, d, {}), log.checkpoints.loss[d][r], "checkpoint", s);
        put(cells, find(Quantity::TargetLoss, -1, {}), at(log.checkpoints.targetLoss, r), "checkpoint", s);
    }
    for (std::size_t r = 0; r < pv.size(); ++r) {
        auto& cells = firstRow(pv.step[r]);
        put(cells, find(Quantity::PValue, pv.target[r], pv.pair(r)), pv.value[r], "P-value", pv.step[r]);
        put(cells, find(Quantity::PStdError, pv.target[r], pv.pair(r)), at(pv.stdError, r), "P-value", pv.step[r]);
        put(cells, find(Quantity::PSamples, pv.target[r], pv.pair(r)), at(pv.samples, r), "P-value", pv.step[r]);
    }
    const std::string kMissingCell = "\x01";  // dt/dw recorded as missing, told apart from "not set yet"
    for (std::size_t r = 0; r < iv.size(); ++r) {
        const double s = iv.start[r];
        const std::string dt = isMissing(iv.length[r]) ? kMissingCell : formatNumber(iv.length[r]);
        const std::string dw = isMissing(iv.deltaW[r]) ? kMissingCell : formatNumber(iv.deltaW[r]);
        std::vector<int> slots;
        for (int d = 0; d < K; ++d)
            for (Quantity q : {Quantity::Excess, Quantity::ReachedLoss, Quantity::BaseLoss})
                if (const int c = find(q, d, iv.order(r)); c >= 0) slots.push_back(c);
        std::vector<std::string>* target = nullptr;
        for (auto& cells : rows[s]) {
            const bool sameWindow = (cells[1].empty() || cells[1] == dt) && (cells[2].empty() || cells[2] == dw);
            const bool free = std::all_of(slots.begin(), slots.end(), [&](int c) { return cells[c].empty(); });
            if (sameWindow && free) {
                target = &cells;
                break;
            }
        }
        if (!target) target = &newRow(s);
        (*target)[1] = dt;
        (*target)[2] = dw;
        for (int d = 0; d < K; ++d) {
            put(*target, find(Quantity::Excess, d, iv.order(r)), InterventionTable::cell(iv.excess, d, r), "intervention", s);
            put(*target, find(Quantity::ReachedLoss, d, iv.order(r)), InterventionTable::cell(iv.loss, d, r), "intervention", s);
            put(*target, find(Quantity::BaseLoss, d, iv.order(r)), InterventionTable::cell(iv.baseLoss, d, r), "intervention", s);
        }
    }

    out << writePreamble(log, "wide");
    for (std::size_t c = 0; c < columns.size(); ++c) out << (c ? "," : "") << csvQuote(columns[c].name);
    out << '\n';
    for (const auto& [step, list] : rows)
        for (const auto& cells : list) {
            for (std::size_t c = 0; c < cells.size(); ++c) out << (c ? "," : "") << (cells[c] == kMissingCell ? "" : cells[c]);
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
