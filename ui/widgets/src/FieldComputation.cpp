#include "ui/FieldComputation.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace cl::ui {

struct FieldComputation::Job {
    quint64 id = 0;
    CancelFlag flag;
    QFuture<void> future;
    // Written by the worker, read on the GUI thread after the future finished.
    std::shared_ptr<FieldGrid> grid;
    QString error;
    bool cancelled = false;
};

FieldComputation::FieldComputation(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const cl::FieldGrid>>();
}

FieldComputation::~FieldComputation()
{
    for (const auto& job : running_) job->flag.cancel();
    for (const auto& job : running_) job->future.waitForFinished();
}

quint64 FieldComputation::request(FieldRequest request)
{
    cancel();
    const quint64 id = ++latest_;
    start(std::move(request), id);
    return id;
}

quint64 FieldComputation::submit(FieldRequest request)
{
    if (!current_) return this->request(std::move(request));
    const quint64 id = ++latest_;
    queued_.emplace(std::move(request), id);
    return id;
}

void FieldComputation::start(FieldRequest request, quint64 id)
{
    auto job = std::make_shared<Job>();
    job->id = id;
    job->grid = spareGrid();
    // The worker holds its own reference to the job, so nothing it touches can dangle.
    job->future = QtConcurrent::run([job, request = std::move(request), prepare = preparation_] {
        try {
            sampleFields(request, *job->grid, &job->flag);
            if (prepare && !job->flag.cancelRequested()) prepare(job->grid);
        } catch (const Cancelled&) {
            job->cancelled = true;
        } catch (const std::exception& e) {
            job->error = QString::fromStdString(e.what());
        }
    });
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        onJobDone(job);
    });
    watcher->setFuture(job->future);
    current_ = job;
    running_.push_back(job);
    emit started(job->id);
}

std::shared_ptr<FieldGrid> FieldComputation::spareGrid()
{
    // use_count() == 1: only this list holds the grid, and only this (GUI) thread could copy it.
    for (const auto& grid : grids_)
        if (grid.use_count() == 1) return grid;
    auto grid = std::make_shared<FieldGrid>();
    constexpr std::size_t kept = 6;  // views, caches and the job in flight hold a few at a time
    if (grids_.size() < kept) grids_.push_back(grid);
    return grid;
}

void FieldComputation::cancel()
{
    queued_.reset();
    if (current_) current_->flag.cancel();
    current_.reset();
}

bool FieldComputation::isRunning() const
{
    return current_ != nullptr;
}

void FieldComputation::onJobDone(const std::shared_ptr<Job>& job)
{
    running_.erase(std::remove(running_.begin(), running_.end(), job), running_.end());
    if (job != current_) return;  // stale: a newer request replaced it
    current_.reset();
    // The queued request starts before the result is handed out, so it samples while the
    // GUI thread draws this one.
    if (queued_) {
        auto [request, id] = std::move(*queued_);
        queued_.reset();
        start(std::move(request), id);
    }
    if (job->cancelled) return;
    if (!job->error.isEmpty()) {
        emit failed(job->error, job->id);
        return;
    }
    emit finished(std::shared_ptr<const FieldGrid>(job->grid), job->id);
}

}  // namespace cl::ui
