#pragma once
// One way for long computations to report progress and learn that the user cancelled: the GUI
// implements it over a worker thread, the command line on stderr, tests with a stub.

#include <atomic>
#include <stdexcept>

namespace cl {

class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    /// fraction in [0, 1]; may be called from several worker threads.
    virtual void setProgress(double fraction) = 0;
    virtual bool cancelRequested() const = 0;
};

/// Thrown by a computation that stopped because cancelRequested() became true.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

/// A sink whose cancel flag can be raised from any thread; progress is stored, not shown.
class CancelFlag : public ProgressSink {
public:
    void setProgress(double fraction) override { progress_.store(fraction); }
    bool cancelRequested() const override { return cancelled_.load(); }
    void cancel() { cancelled_.store(true); }
    double progress() const { return progress_.load(); }

private:
    std::atomic<bool> cancelled_{false};
    std::atomic<double> progress_{0.0};
};

}  // namespace cl
