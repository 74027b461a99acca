#include "ui/logs/ParetoData.h"

#include "core/logs/ParetoFront.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <map>

namespace cl::ui::logs {

using cl::logs::RunLog;

QString number(double value)
{
    if (cl::logs::isMissing(value)) return QStringLiteral("–");
    if (std::isnan(value)) return QStringLiteral("NaN");
    if (value == 0) return QStringLiteral("0");
    const double a = std::abs(value);
    if (a >= 1e-3 && a < 1e6) return QString::number(value, 'g', 5);
    return QString::number(value, 'e', 3);
}

QString ParetoData::axisTitle(int domain) const
{
    if (!log || domain < 0 || domain >= log->domainCount()) return {};
    return QStringLiteral("L_%1 (loss of domain %2)").arg(QString::fromStdString(log->domains[domain])).arg(domain + 1);
}

QString ParetoData::axisTitle(bool horizontal) const
{
    const int domain = horizontal ? xDomain : yDomain;
    if (domain >= 0) return axisTitle(domain);
    const std::string& name = horizontal ? xName : yName;
    return name.empty() ? QString() : QStringLiteral("L_%1").arg(QString::fromStdString(name));
}

namespace {

double reached(const RunLog& log, std::size_t row, int domain, long baseCheckpoint)
{
    const auto& iv = log.interventions;
    const double loss = iv.cell(iv.loss, domain, row);
    if (cl::logs::isRecorded(loss)) return loss;
    const double excess = iv.excessLoss(domain, row);
    if (!cl::logs::isRecorded(excess)) return cl::logs::missing();
    const double base = iv.cell(iv.baseLoss, domain, row);
    if (cl::logs::isRecorded(base)) return base + excess;
    if (baseCheckpoint >= 0) return log.checkpoints.loss[domain][baseCheckpoint] + excess;
    return cl::logs::missing();
}

// Checkpoints by step, so placing 10^5 interventions costs a lookup each, not a scan. The first
// checkpoint of a step wins (a log may list checkpoints in any order).
std::map<double, long> checkpointsByStep(const RunLog& log)
{
    std::map<double, long> byStep;
    for (std::size_t i = 0; i < log.checkpoints.size(); ++i)
        byStep.emplace(log.checkpoints.step[i], static_cast<long>(i));
    return byStep;
}

long checkpointAt(const RunLog& log, double step)
{
    const auto& s = log.checkpoints.step;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == step) return static_cast<long>(i);
    return -1;
}

int domainOf(const RunLog& log, const std::string& name)
{
    return name.empty() ? -1 : log.domainIndex(name);
}

void addCheckpoints(ParetoData& d, int run)
{
    ParetoRun& r = d.runs[run];
    if (r.xDomain < 0 || r.yDomain < 0) return;
    const RunLog& l = *r.log;
    for (std::size_t i = 0; i < l.checkpoints.size(); ++i) {
        const double x = l.checkpoints.loss[r.xDomain][i], y = l.checkpoints.loss[r.yDomain][i];
        if (!std::isfinite(x) || !std::isfinite(y)) continue;
        r.points.push_back(d.points.size());
        d.points.push_back({x, y, true, i, -1, run});
    }
}

void addInterventions(ParetoData& d, const std::vector<std::pair<double, double>>& hiddenGroups)
{
    const RunLog& l = *d.log;
    const auto& iv = l.interventions;
    // Groups by (start, length): equal tokens per domain for every Δw and both orders.
    std::map<std::pair<double, double>, int> groupOf;
    for (std::size_t r = 0; r < iv.size(); ++r) groupOf.emplace(std::make_pair(iv.start[r], iv.length[r]), 0);
    for (auto& [key, index] : groupOf) {
        index = static_cast<int>(d.groups.size());
        ParetoGroup g;
        g.start = key.first;
        g.length = key.second;
        const double end = key.first + 2 * key.second;
        g.label = QStringLiteral("t0 %1, Δt %2").arg(number(key.first), number(key.second));
        if (l.baseWeights.size() == static_cast<std::size_t>(l.domainCount())) {
            QStringList budget;  // steps' worth of each domain's data at t0 + 2Δt
            for (double w : l.baseWeights) budget << number(w * end);
            g.label += QStringLiteral(" (budget %1)").arg(budget.join(QStringLiteral(" / ")));
        }
        g.visible = std::find(hiddenGroups.begin(), hiddenGroups.end(), key) == hiddenGroups.end();
        d.groups.push_back(g);
    }
    if (d.xDomain < 0 || d.yDomain < 0) return;
    const std::map<double, long> byStep = checkpointsByStep(l);
    for (std::size_t r = 0; r < iv.size(); ++r) {
        const auto found = byStep.find(iv.start[r] + 2 * iv.length[r]);
        const long at = found == byStep.end() ? -1 : found->second;
        const double x = reached(l, r, d.xDomain, at), y = reached(l, r, d.yDomain, at);
        if (!std::isfinite(x) || !std::isfinite(y)) {
            ++d.unplaced;
            continue;
        }
        const int g = groupOf[{iv.start[r], iv.length[r]}];
        d.groups[g].points.push_back(d.points.size());
        d.points.push_back({x, y, false, r, g, d.baseRun});
    }
}

}  // namespace

bool interventionPosition(const RunLog& log, std::size_t row, int xDomain, int yDomain, double& x, double& y)
{
    const auto& iv = log.interventions;
    const long at = checkpointAt(log, iv.start[row] + 2 * iv.length[row]);
    x = reached(log, row, xDomain, at);
    y = reached(log, row, yDomain, at);
    return std::isfinite(x) && std::isfinite(y);
}

ParetoData buildParetoData(const std::vector<ParetoRunInput>& runs, int baseRun, const std::string& xName,
                           const std::string& yName, const ParetoHidden& hidden)
{
    ParetoData d;
    d.xName = xName;
    d.yName = yName;
    if (runs.empty()) return d;
    d.baseRun = std::clamp(baseRun, 0, static_cast<int>(runs.size()) - 1);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        ParetoRun r;
        r.name = runs[i].name;
        r.log = runs[i].log;
        r.colour = static_cast<int>(i);
        r.visible = std::find(hidden.runs.begin(), hidden.runs.end(), r.name) == hidden.runs.end();
        r.connected = !runs[i].table;
        r.rowLabels = runs[i].rowLabels;
        if (r.log) r.xDomain = domainOf(*r.log, xName), r.yDomain = domainOf(*r.log, yName);
        d.runs.push_back(std::move(r));
    }
    d.log = d.runs[d.baseRun].log;
    if (!d.log) return d;
    d.xDomain = d.runs[d.baseRun].xDomain;
    d.yDomain = d.runs[d.baseRun].yDomain;
    std::size_t total = 0;
    for (const ParetoRun& r : d.runs) total += r.log ? r.log->checkpoints.size() : 0;
    d.points.reserve(total + d.log->interventions.size());

    addCheckpoints(d, d.baseRun);
    d.baseCount = d.points.size();
    addInterventions(d, hidden.groups);
    for (int i = 0; i < static_cast<int>(d.runs.size()); ++i)
        if (i != d.baseRun && d.runs[i].log) addCheckpoints(d, i);

    // One front over every visible point of every visible run (paper Figs. 2, 3: lower is better
    // on both axes).
    std::vector<cl::logs::Point2> visible;
    std::vector<std::size_t> index;
    for (std::size_t i = 0; i < d.points.size(); ++i) {
        if (!d.isVisible(d.points[i])) continue;
        visible.push_back({d.points[i].x, d.points[i].y});
        index.push_back(i);
    }
    for (std::size_t f : cl::logs::paretoFront(visible)) d.front.push_back(index[f]);
    return d;
}

ParetoData buildParetoData(std::shared_ptr<const RunLog> log, int xDomain, int yDomain,
                           const std::vector<std::pair<double, double>>& hiddenGroups)
{
    if (!log || xDomain < 0 || yDomain < 0 || xDomain >= log->domainCount() || yDomain >= log->domainCount()) {
        ParetoData d;
        d.log = log;
        d.xDomain = xDomain;
        d.yDomain = yDomain;
        return d;
    }
    ParetoHidden hidden;
    hidden.groups = hiddenGroups;
    return buildParetoData({ParetoRunInput{QStringLiteral("base run"), log, false, {}}}, 0, log->domains[xDomain],
                           log->domains[yDomain], hidden);
}

QString describePoint(const ParetoData& data, std::size_t index)
{
    if (!data.log || index >= data.points.size()) return {};
    const ParetoPoint& p = data.points[index];
    const ParetoRun& run = data.runs[p.run];
    const RunLog& l = *run.log;
    auto name = [&](int k) { return QString::fromStdString(l.domains[k]); };
    QStringList parts;
    const bool several = data.runs.size() > 1;
    if (p.base) {
        QString head = several ? QStringLiteral("run %1%2, ").arg(run.name, p.run == data.baseRun ? " (base)" : "")
                               : QStringLiteral("base checkpoint, ");
        if (!run.connected && p.row < run.rowLabels.size() && run.rowLabels.size() == l.checkpoints.size())
            head += QStringLiteral("row %1, ").arg(QString::fromStdString(run.rowLabels[p.row]));
        const double step = l.checkpoints.step[p.row];
        parts << head + QStringLiteral("step %1").arg(number(step));
        for (int k = 0; k < l.domainCount(); ++k)
            parts << QStringLiteral("L_%1 = %2").arg(name(k), number(l.checkpoints.loss[k][p.row]));
        if (!l.checkpoints.targetLoss.empty())
            parts << QStringLiteral("%1 = %2").arg(QString::fromStdString(l.target.empty() ? "target" : l.target),
                                                   number(l.checkpoints.targetLoss[p.row]));
        // Another run against the base run at the same step: what its different data order or mix
        // bought on each shared domain.
        if (p.run != data.baseRun && run.connected) {
            const long at = checkpointAt(*data.log, step);
            if (at >= 0) {
                QStringList diffs;
                for (int k = 0; k < l.domainCount(); ++k) {
                    const int b = data.log->domainIndex(l.domains[k]);
                    if (b < 0) continue;
                    const double delta = l.checkpoints.loss[k][p.row] - data.log->checkpoints.loss[b][at];
                    diffs << QStringLiteral("ΔL_%1 = %2%3").arg(name(k), delta > 0 ? "+" : "", number(delta));
                }
                if (!diffs.isEmpty())
                    parts << QStringLiteral("vs base run %1 at this step: %2")
                                 .arg(data.runs[data.baseRun].name, diffs.join(QStringLiteral(", ")));
            } else {
                parts << QStringLiteral("base run %1 has no checkpoint at this step").arg(data.runs[data.baseRun].name);
            }
        }
        return parts.join(QStringLiteral(";  "));
    }
    const auto& iv = l.interventions;
    const auto order = iv.order(p.row);
    parts << QStringLiteral("%1intervention %2→%3 (more %2 first), t0 %4, Δt %5, Δw %6")
                 .arg(several ? QStringLiteral("run %1, ").arg(run.name) : QString(), name(order.first),
                      name(order.second), number(iv.start[p.row]), number(iv.length[p.row]), number(iv.deltaW[p.row]));
    for (int k = 0; k < l.domainCount(); ++k) {
        QString text = QStringLiteral("L_%1").arg(name(k));
        const double reachedLoss = iv.cell(iv.loss, k, p.row);
        if (cl::logs::isRecorded(reachedLoss)) text += QStringLiteral(" = %1").arg(number(reachedLoss));
        text += QStringLiteral(", EL = %1").arg(number(iv.excessLoss(k, p.row)));
        const double base = iv.cell(iv.baseLoss, k, p.row);
        if (cl::logs::isRecorded(base)) text += QStringLiteral(", base %1").arg(number(base));
        parts << text;
    }
    parts << QStringLiteral("plotted (%1, %2)").arg(number(p.x), number(p.y));
    return parts.join(QStringLiteral(";  "));
}

}  // namespace cl::ui::logs
