#pragma once
// Data shared by the Schedule lab's panels: the current K-domain quadratic model (with its mean
// target) and one finished run of a schedule on it. Everything here is computed by core/.

#include "core/experiments/LabFile.h"
#include "core/experiments/RandomQuadraticModel.h"
#include "core/flow/FlowIntegrator.h"
#include "core/flow/Schedule.h"

#include <QColor>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace cl::ui::schedule {

/// The model the lab works on; immutable once built, shared with worker threads.
struct LabModel {
    RandomQuadraticSpec spec;
    QuadraticModel model;
    LossPtr target;  // the mean of the K domain losses
    std::vector<LossPtr> losses;
    int domainCount() const { return int(losses.size()); }
};

/// Builds the model and its mean target (may take seconds for n = 2000: call off the GUI thread).
std::shared_ptr<const LabModel> buildLabModel(const RandomQuadraticSpec& spec);

/// A schedule run from the model's θ0 (primary) and from extra random starts (for the loss plane).
struct RunRecord {
    QString name;
    std::optional<Schedule> schedule;
    double horizon = 0;
    std::vector<double> amounts;          // Schedule::amounts(0, horizon)
    Trajectory primary;                   // from the model's θ0
    std::vector<double> targetLosses;     // mean loss along `primary`
    std::vector<Trajectory> extraStarts;  // losses only (states dropped to save memory)
    bool visible = true;
};

/// Trajectory sample count per run (the lab file's view indices count these).
constexpr int kRunSamples = kLabRunSamples;

/// Integrates `schedule` on `model` (closed form) from θ0 and from `extraStarts` more random
/// starts; reports progress to / stops on `flag`.
std::shared_ptr<RunRecord> computeRun(const LabModel& model, const Schedule& schedule, double horizon, int extraStarts,
                                      ProgressSink* flag);

/// One colour per domain (up to 8), chosen to stay apart on screen and in print.
QColor domainColour(int domain);

}  // namespace cl::ui::schedule
