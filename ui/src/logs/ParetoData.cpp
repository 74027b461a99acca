#include "ui/logs/ParetoData.h"

#include "core/logs/ColumnNames.h"
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

namespace {

// The base checkpoint at exactly `step`, if any (a log may list checkpoints in any order).
long checkpointAt(const RunLog& log, double step)
{
    const auto& s = log.checkpoints.step;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == step) return static_cast<long>(i);
    return -1;
}

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

}  // namespace

bool interventionPosition(const RunLog& log, std::size_t row, int xDomain, int yDomain, double& x, double& y)
{
    const auto& iv = log.interventions;
    const long at = checkpointAt(log, iv.start[row] + 2 * iv.length[row]);
    x = reached(log, row, xDomain, at);
    y = reached(log, row, yDomain, at);
    return std::isfinite(x) && std::isfinite(y);
}

ParetoData buildParetoData(std::shared_ptr<const RunLog> log, int xDomain, int yDomain,
                           const std::vector<std::pair<double, double>>& hiddenGroups)
{
    ParetoData d;
    d.log = log;
    d.xDomain = xDomain;
    d.yDomain = yDomain;
    if (!log || xDomain < 0 || yDomain < 0 || xDomain >= log->domainCount() || yDomain >= log->domainCount())
        return d;
    const RunLog& l = *log;
    d.points.reserve(l.checkpoints.size() + l.interventions.size());
    for (std::size_t i = 0; i < l.checkpoints.size(); ++i) {
        const double x = l.checkpoints.loss[xDomain][i], y = l.checkpoints.loss[yDomain][i];
        if (std::isfinite(x) && std::isfinite(y)) d.points.push_back({x, y, true, i, -1});
    }
    d.baseCount = d.points.size();

    // Groups by (start, length): equal tokens per domain for every Δw and both orders.
    std::map<std::pair<double, double>, int> groupOf;
    // Checkpoints by step, so placing 10^5 interventions costs a lookup each, not a scan.
    std::map<double, long> checkpointByStep;
    for (std::size_t i = 0; i < l.checkpoints.size(); ++i)
        checkpointByStep.emplace(l.checkpoints.step[i], static_cast<long>(i));
    const auto& iv = l.interventions;
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
    for (std::size_t r = 0; r < iv.size(); ++r) {
        const auto found = checkpointByStep.find(iv.start[r] + 2 * iv.length[r]);
        const long at = found == checkpointByStep.end() ? -1 : found->second;
        const double x = reached(l, r, xDomain, at), y = reached(l, r, yDomain, at);
        if (!std::isfinite(x) || !std::isfinite(y)) {
            ++d.unplaced;
            continue;
        }
        const int g = groupOf[{iv.start[r], iv.length[r]}];
        d.groups[g].points.push_back(d.points.size());
        d.points.push_back({x, y, false, r, g});
    }

    std::vector<cl::logs::Point2> visible;
    std::vector<std::size_t> index;
    for (std::size_t i = 0; i < d.points.size(); ++i) {
        const ParetoPoint& p = d.points[i];
        if (p.group >= 0 && !d.groups[p.group].visible) continue;
        visible.push_back({p.x, p.y});
        index.push_back(i);
    }
    for (std::size_t f : cl::logs::paretoFront(visible)) d.front.push_back(index[f]);
    return d;
}

QString describePoint(const ParetoData& data, std::size_t index)
{
    if (!data.log || index >= data.points.size()) return {};
    const RunLog& l = *data.log;
    const ParetoPoint& p = data.points[index];
    auto name = [&](int k) { return QString::fromStdString(l.domains[k]); };
    QStringList parts;
    if (p.base) {
        parts << QStringLiteral("base checkpoint, step %1").arg(number(l.checkpoints.step[p.row]));
        for (int k = 0; k < l.domainCount(); ++k)
            parts << QStringLiteral("L_%1 = %2").arg(name(k), number(l.checkpoints.loss[k][p.row]));
        if (!l.checkpoints.targetLoss.empty())
            parts << QStringLiteral("%1 = %2").arg(QString::fromStdString(l.target.empty() ? "target" : l.target),
                                                    number(l.checkpoints.targetLoss[p.row]));
        return parts.join(QStringLiteral(";  "));
    }
    const auto& iv = l.interventions;
    const auto order = iv.order(p.row);
    parts << QStringLiteral("intervention %1→%2 (more %1 first), t0 %3, Δt %4, Δw %5")
                 .arg(name(order.first), name(order.second), number(iv.start[p.row]), number(iv.length[p.row]),
                      number(iv.deltaW[p.row]));
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
