#include "ui/logs/LogFigures.h"

#include "ui/logs/AdviceScene.h"
#include "ui/logs/ParetoData.h"
#include "ui/logs/ParetoScene.h"
#include "ui/logs/RmsData.h"
#include "ui/logs/RmsScene.h"

#include "core/logs/OrderAdvice.h"

#include <cmath>
#include <stdexcept>

namespace cl::ui::logs {

QString paretoTitle(const cl::logs::RunLog* log)
{
    QString title = QStringLiteral("Domain losses: base run and order interventions");
    if (log && log->metadataValue("toy")) title += QStringLiteral(" (toy model)");
    return title;
}

bool canScalePredictions(const cl::logs::RunLog& log, const cl::logs::AgreementReport& report)
{
    if (report.cells.empty()) return false;
    for (const auto& c : report.cells) {
        const double dw = log.interventions.deltaW[c.intervention], dt = log.interventions.length[c.intervention];
        if (!cl::logs::isRecorded(dw) || !cl::logs::isRecorded(dt)) return false;
    }
    return true;
}

std::vector<PredictionPoint> predictionPoints(const cl::logs::RunLog& log, const cl::logs::AgreementReport& report,
                                              bool scaled)
{
    std::vector<PredictionPoint> points;
    for (const auto& c : report.cells) {
        double factor = 1;
        if (scaled) {  // EL ≈ Δw·Δt²·P (science.md): put the prediction in the loss's units
            const double dw = log.interventions.deltaW[c.intervention], dt = log.interventions.length[c.intervention];
            factor = dw * dt * dt;
        }
        // The standard error scales with the prediction; negative: none recorded.
        const double se = cl::logs::isRecorded(c.predictedStdError) ? c.predictedStdError * std::abs(factor) : -1.0;
        points.push_back({c.predicted * factor, c.observed, c.agrees, se});
    }
    return points;
}

QString predictionAxisTitle(bool scaled)
{
    return scaled ? QStringLiteral("predicted: Δw · Δt² · P(L_a, L_b; L_k)")
                  : QStringLiteral("predicted: P(L_a, L_b; L_k), lr²-scaled");
}

FigureTable paretoTable(const ParetoData& data)
{
    FigureTable table;
    table.columns = {data.axisTitle(data.xDomain).toStdString(), data.axisTitle(data.yDomain).toStdString(), "row",
                     "on_front"};
    std::vector<bool> onFront(data.points.size(), false);
    for (std::size_t k : data.front) onFront[k] = true;
    for (std::size_t k = 0; k < data.points.size(); ++k) {
        const ParetoPoint& p = data.points[k];
        const std::string series = p.base ? "base" : data.groups[std::size_t(p.group)].label.toStdString();
        table.add(series, {p.x, p.y, double(p.row), onFront[k] ? 1.0 : 0.0});
    }
    return table;
}

FigureTable predictionTable(const std::vector<PredictionPoint>& points)
{
    FigureTable table;
    table.columns = {"predicted", "observed", "signs_agree", "predicted_stderr"};
    for (const PredictionPoint& p : points)
        table.add(p.agrees ? "agree" : "differ",
                  {p.predicted, p.observed, p.agrees ? 1.0 : 0.0, p.stdError >= 0 ? p.stdError : std::nan("")});
    return table;
}

FigureTable adviceTable(const cl::logs::RunLog& log, const std::vector<cl::logs::CheckpointAdvice>& advice)
{
    FigureTable table;
    table.labelColumn = "domain";
    table.columns = {"step", "target", "predicted_change", "win_win"};
    for (const auto& entry : advice)
        for (const auto& t : entry.targets)
            table.add(log.domains[std::size_t(t.target)],
                      {entry.step, double(t.target), t.predictedChange, entry.hasWinWin ? 1.0 : 0.0});
    return table;
}

FigureTable rmsTable(const RmsData& data)
{
    FigureTable table;
    table.labelColumn = "pair";
    table.columns = {"step", "grad_rms", "bracket_rms"};
    const double step = data.step ? *data.step : std::nan("");
    for (const RmsPairSeries& s : data.pairs)
        for (std::size_t k = 0; k < s.gradRms.size(); ++k)
            table.add(s.label.toStdString(), {step, s.gradRms[k], s.bracketRms[k]});
    return table;
}

QString rmsTitle()
{
    return QStringLiteral("Bracket RMS against gradient RMS, per parameter tensor");
}

QString predictionTitle()
{
    return QStringLiteral("Excess losses against the P-based prediction");
}

std::vector<std::string> logFigureViews()
{
    return {"pareto", "prediction", "advice", "rms"};
}

LogFigure logFigure(std::shared_ptr<const cl::logs::RunLog> log, const std::string& view)
{
    if (!log) throw std::invalid_argument("no log");
    LogFigure figure;
    if (view == "pareto") {
        auto data = std::make_shared<ParetoData>(buildParetoData(log, 0, 1));
        figure.title = paretoTitle(log.get());
        figure.populate = [data, title = figure.title](vtkContextScene* scene, int w, int h, double scale) {
            ParetoSceneOptions options;
            options.title = title;
            populateParetoScene(scene, *data, options, w, h, scale);
        };
        figure.data = paretoTable(*data);
        return figure;
    }
    if (view == "prediction") {
        const cl::logs::AgreementReport report = cl::logs::comparePredictions(*log);
        const bool scaled = canScalePredictions(*log, report);
        const std::vector<PredictionPoint> points = predictionPoints(*log, report, scaled);
        const QString xTitle = predictionAxisTitle(scaled);
        figure.title = predictionTitle();
        figure.populate = [points, xTitle, title = figure.title](vtkContextScene* scene, int w, int h, double scale) {
            populatePredictionScene(scene, points, xTitle, title, w, h, scale, true);
        };
        figure.data = predictionTable(points);
        return figure;
    }
    if (view == "advice") {
        const std::vector<cl::logs::CheckpointAdvice> advice = cl::logs::adviseOrder(*log);
        figure.title = QStringLiteral("Order advice");
        figure.populate = [log, advice](vtkContextScene* scene, int w, int h, double scale) {
            populateAdviceScene(scene, *log, advice, w, h, scale, true);
        };
        figure.data = adviceTable(*log, advice);
        return figure;
    }
    if (view == "rms") {  // the latest step, as the view opens a log
        if (log->rms.size() == 0) throw std::invalid_argument("the log has no rms records (written by the probe)");
        const std::vector<double> steps = rmsSteps(*log);
        auto data = std::make_shared<RmsData>(
            buildRmsData(*log, steps.empty() ? std::nullopt : std::optional<double>(steps.back())));
        figure.title = rmsTitle();
        figure.populate = [data, title = figure.title](vtkContextScene* scene, int w, int h, double scale) {
            populateRmsScene(scene, *data, title, w, h, scale, true);
        };
        figure.data = rmsTable(*data);
        return figure;
    }
    throw std::invalid_argument("unknown log view '" + view + "' (use pareto, prediction, advice or rms)");
}

}  // namespace cl::ui::logs
