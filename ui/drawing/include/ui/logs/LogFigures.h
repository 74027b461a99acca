#pragma once
// The log window's figures as plain functions of a RunLog: what the Pareto, prediction, advice
// and bracket-RMS views show with their default settings, and the numbers behind each. The views and
// `commutelab render --log FILE --view …` both build their figures here, so a GUI export and
// the command line give the same file.

#include "ui/FigureExport.h"
#include "ui/logs/PredictionScene.h"

#include "core/FigureTable.h"
#include "core/logs/OrderAdvice.h"
#include "core/logs/PredictionAgreement.h"
#include "core/logs/RunLog.h"

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace cl::ui::logs {

struct LogFigure {
    ScaledScenePopulator populate;  // draws the exported figure (grid lines on)
    FigureTable data;
    QString title;
};

/// The Pareto figure's title ("… (toy model)" for toy runs).
QString paretoTitle(const cl::logs::RunLog* log);

/// Whether every cell knows its Δw and Δt, so predictions can be shown as Δw·Δt²·P.
bool canScalePredictions(const cl::logs::RunLog& log, const cl::logs::AgreementReport& report);
/// The prediction scatter's points: P itself, or Δw·Δt²·P when `scaled`.
std::vector<PredictionPoint> predictionPoints(const cl::logs::RunLog& log, const cl::logs::AgreementReport& report,
                                              bool scaled);
/// The prediction figure's x-axis title.
QString predictionAxisTitle(bool scaled);

struct ParetoData;

/// The numbers behind each figure (one row per plotted point), for the CSV next to an export.
FigureTable paretoTable(const ParetoData& data);
FigureTable predictionTable(const std::vector<PredictionPoint>& points);
FigureTable adviceTable(const cl::logs::RunLog& log, const std::vector<cl::logs::CheckpointAdvice>& advice);
struct RmsData;
/// One row per plotted tensor: its pair, the step shown (empty for every step), gradient and bracket RMS.
FigureTable rmsTable(const RmsData& data);
/// The bracket-RMS figure's title (the view's and the command line's).
QString rmsTitle();
/// The prediction figure's title (the view's, its export's and the command line's).
QString predictionTitle();

/// The view's figure: "pareto" (domains 0 and 1), "prediction" (scaled where possible),
/// "advice" or "rms" (the bracket-vs-gradient RMS at the log's latest step). Throws std::invalid_argument for another
/// name.
LogFigure logFigure(std::shared_ptr<const cl::logs::RunLog> log, const std::string& view);

/// The view names logFigure knows.
std::vector<std::string> logFigureViews();

}  // namespace cl::ui::logs
