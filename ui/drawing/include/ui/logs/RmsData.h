#pragma once
// What the bracket-vs-gradient RMS view plots (issue 12; the CelebA note's log-log proportionality,
// ../shared/paper/training-example-lie-bracket.md): for one step (or all), one point per parameter
// tensor, x = the gradient RMS, y = the RMS of the bracket R(L_a, L_b), a series per domain pair,
// and the straight line fitted in log space (core's fitPowerLaw) over all of them and per pair.
// Plain data, no VTK.

#include "core/logs/PowerLawFit.h"
#include "core/logs/RunLog.h"

#include <QString>

#include <optional>
#include <vector>

namespace cl::ui::logs {

struct RmsPairSeries {
    cl::logs::DomainPair pair;
    QString label;  // "R(L_en, L_ru)"
    std::vector<double> gradRms, bracketRms;
    std::vector<QString> tensors;
    cl::logs::PowerLawFit fit;
};

struct RmsData {
    std::optional<double> step;        // the step shown; nullopt: every step
    std::vector<RmsPairSeries> pairs;  // in order of first appearance in the log
    cl::logs::PowerLawFit fit;         // over every point of every pair
    int leftOut = 0;                   // rows with a zero, negative or non-finite RMS: no place on log axes
};

/// The distinct steps of the log's RMS rows, increasing.
std::vector<double> rmsSteps(const cl::logs::RunLog& log);

/// The rows at `step` (every row when nullopt), grouped by pair, with the fits.
RmsData buildRmsData(const cl::logs::RunLog& log, std::optional<double> step);

}  // namespace cl::ui::logs
