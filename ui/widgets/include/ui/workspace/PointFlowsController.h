#pragma once
// The overlays the user adds by clicking: for every clicked θ0, core's computePointFlows (mixed
// flow and both orders, with the bracket's prediction) and, when asked, descent paths of L1
// and/or L2 from it, with core's order-effect read-out (orderEffect). Everything is recomputed off
// the GUI thread whenever the losses, the target, Δt, the points or the descent choice change;
// results of superseded computations are dropped.

#include "ui/LandscapeOptions.h"
#include "ui/LandscapeSession.h"

#include "core/Loss.h"

#include <QFuture>
#include <QObject>

#include <memory>
#include <vector>

namespace cl::ui {

class PointFlowsController : public QObject {
    Q_OBJECT

public:
    explicit PointFlowsController(QObject* parent = nullptr);
    /// Waits for a computation still running (it holds no pointer to this object).
    ~PointFlowsController() override;

    /// The losses and the target whose excess loss the read-out lists (may be null).
    void setLosses(LossPtr l1, LossPtr l2, LossPtr target = nullptr);
    /// A new target alone.
    void setTarget(LossPtr target);
    /// Gives every clicked point (and the ones clicked next) this Δt and recomputes their flows.
    void setDt(double dt);
    void addPoint(const ClickedPointSpec& point);
    void setPoints(std::vector<ClickedPointSpec> points);
    void clearPoints();
    void setDescent(bool l1, bool l2);

    const std::vector<ClickedPointSpec>& points() const { return points_; }
    bool descentL1() const { return descentL1_; }
    bool descentL2() const { return descentL2_; }
    /// The latest finished overlays (never null).
    std::shared_ptr<const LandscapeOverlays> overlays() const { return overlays_; }
    bool isBusy() const { return busy_; }

signals:
    void overlaysChanged(std::shared_ptr<const cl::ui::LandscapeOverlays> overlays);
    /// A point whose flows could not be computed (undefined loss, flow leaving the domain).
    void failed(const QString& message);

private:
    void recompute();

    LossPtr l1_, l2_, target_;
    std::vector<ClickedPointSpec> points_;
    bool descentL1_ = false, descentL2_ = false;
    std::shared_ptr<const LandscapeOverlays> overlays_;
    quint64 generation_ = 0;
    bool busy_ = false;
    QFuture<std::shared_ptr<LandscapeOverlays>> future_;
};

}  // namespace cl::ui

Q_DECLARE_METATYPE(std::shared_ptr<const cl::ui::LandscapeOverlays>)
