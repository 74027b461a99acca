#include "ui/workspace/PointFlowsController.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace cl::ui {

namespace {

std::shared_ptr<LandscapeOverlays> computeOverlays(const LossPtr& l1, const LossPtr& l2, const LossPtr& target,
                                                   const std::vector<ClickedPointSpec>& points, bool descentL1,
                                                   bool descentL2)
{
    auto overlays = std::make_shared<LandscapeOverlays>();
    for (const ClickedPointSpec& p : points) {
        LandscapeOverlays::Clicked clicked;
        clicked.x = p.x;
        clicked.y = p.y;
        clicked.dt = p.dt;
        const Vector theta0 = Vector::Map(std::array<double, 2>{p.x, p.y}.data(), 2);
        try {
            clicked.flows = computePointFlows(l1, l2, theta0, p.dt);
            clicked.effect = orderEffect(*clicked.flows, l1, l2, target, theta0, p.dt);
        } catch (const std::exception& e) {
            clicked.error = e.what();
        }
        overlays->points.push_back(std::move(clicked));
        for (const auto& [wanted, loss] : {std::pair{descentL1, l1}, std::pair{descentL2, l2}}) {
            if (!wanted) continue;
            try {
                overlays->descentPaths.push_back(descentPath(loss, theta0));
            } catch (const std::exception&) {
                // An undefined start has no path; the point's own error says why.
            }
        }
    }
    return overlays;
}

}  // namespace

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
    future_ = QtConcurrent::run(computeOverlays, l1_, l2_, target_, points_, descentL1_, descentL2_);
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
