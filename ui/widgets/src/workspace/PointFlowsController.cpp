#include "ui/workspace/PointFlowsController.h"

#include "ui/PointOverlays.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace cl::ui {

PointFlowsController::PointFlowsController(QObject* parent)
    : QObject(parent), overlays_(std::make_shared<LandscapeOverlays>())
{
    qRegisterMetaType<std::shared_ptr<const cl::ui::LandscapeOverlays>>();
}

PointFlowsController::~PointFlowsController()
{
    future_.waitForFinished();
}

void PointFlowsController::setLosses(LossPtr l1, LossPtr l2, LossPtr target)
{
    l1_ = std::move(l1);
    l2_ = std::move(l2);
    target_ = std::move(target);
    recompute();
}

void PointFlowsController::setTarget(LossPtr target)
{
    target_ = std::move(target);
    if (!points_.empty()) recompute();
}

void PointFlowsController::setDt(double dt)
{
    bool changed = false;
    for (ClickedPointSpec& p : points_) {
        changed = changed || p.dt != dt;
        p.dt = dt;
    }
    if (changed) recompute();
}

void PointFlowsController::addPoint(const ClickedPointSpec& point)
{
    points_.push_back(point);
    recompute();
}

void PointFlowsController::setPoints(std::vector<ClickedPointSpec> points)
{
    points_ = std::move(points);
    recompute();
}

void PointFlowsController::clearPoints()
{
    points_.clear();
    recompute();
}

void PointFlowsController::setDescent(bool l1, bool l2)
{
    descentL1_ = l1;
    descentL2_ = l2;
    recompute();
}

void PointFlowsController::recompute()
{
    const quint64 generation = ++generation_;
    if (points_.empty() || !l1_ || !l2_) {
        busy_ = false;
        // Nothing to draw before or after: no signal, so no view is rebuilt for nothing.
        if (overlays_->points.empty() && overlays_->descentPaths.empty()) return;
        overlays_ = std::make_shared<LandscapeOverlays>();
        emit overlaysChanged(overlays_);
        return;
    }
    busy_ = true;
    future_ = QtConcurrent::run(computePointOverlays, l1_, l2_, target_, points_, descentL1_, descentL2_);
    auto* watcher = new QFutureWatcher<std::shared_ptr<LandscapeOverlays>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<LandscapeOverlays>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_) return;  // superseded
        busy_ = false;
        overlays_ = watcher->result();
        for (const auto& point : overlays_->points)
            if (!point.error.empty())
                emit failed(QString("no flows from θ0 = (%1, %2): %3")
                                .arg(point.x, 0, 'g', 4)
                                .arg(point.y, 0, 'g', 4)
                                .arg(QString::fromStdString(point.error)));
        emit overlaysChanged(overlays_);
    });
    watcher->setFuture(future_);
}

}  // namespace cl::ui
