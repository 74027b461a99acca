#pragma once
// Runs cl::sampleFields off the GUI thread. A new request cancels the one in flight (through its
// cl::CancelFlag); results of stale requests are dropped, so `finished` always carries the grid
// of the latest request. For live dragging, submit() instead lets the running request finish and
// queues the newest one behind it, so a stream of requests faster than the sampling still shows
// a new grid every sampling time instead of cancelling every one of them.

#include "core/FieldSampler.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace cl::ui {

class FieldComputation : public QObject {
    Q_OBJECT

public:
    explicit FieldComputation(QObject* parent = nullptr);
    /// Cancels the running request and waits for its worker: nothing outlives the object.
    ~FieldComputation() override;

    /// Starts computing; returns the request's id (increasing).
    quint64 request(FieldRequest request);
    /// Like request() when idle; while a request runs, queues this one (replacing any queued one,
    /// which is then never started) to start when the running one finishes. Returns its id.
    quint64 submit(FieldRequest request);
    /// Work done on the worker after each grid is sampled (the views derive their level curves
    /// there), so the GUI thread only draws. Applies to requests started after the call.
    using Preparation = std::function<void(const std::shared_ptr<const FieldGrid>&)>;
    void setPreparation(Preparation preparation) { preparation_ = std::move(preparation); }
    /// Cancels the running request and drops the queued one.
    void cancel();
    bool isRunning() const;
    /// Id of the latest request (0 before the first).
    quint64 latestId() const { return latest_; }

signals:
    void started(quint64 id);
    void finished(std::shared_ptr<const cl::FieldGrid> grid, quint64 id);
    /// sampleFields threw (a bad request); the message is its what().
    void failed(const QString& message, quint64 id);

private:
    struct Job;
    void onJobDone(const std::shared_ptr<Job>& job);
    void start(FieldRequest request, quint64 id);
    std::shared_ptr<FieldGrid> spareGrid();

    std::shared_ptr<Job> current_;
    std::optional<std::pair<FieldRequest, quint64>> queued_;
    std::vector<std::shared_ptr<Job>> running_;  // includes cancelled ones still unwinding
    quint64 latest_ = 0;
    Preparation preparation_;
    // Grids handed out before, reused once nobody else holds them: a 512² grid is 21 MB, and
    // fresh memory costs more page faults than the sampling itself.
    std::vector<std::shared_ptr<FieldGrid>> grids_;
};

}  // namespace cl::ui

Q_DECLARE_METATYPE(std::shared_ptr<const cl::FieldGrid>)
