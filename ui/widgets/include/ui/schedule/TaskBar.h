#pragma once
// Runs one computation at a time off the GUI thread (QtConcurrent) with a progress bar and a
// Cancel button. As in FieldComputation, a new task cancels the one in flight through its
// cl::CancelFlag and results of stale or cancelled tasks are dropped: `done` only runs, on the
// GUI thread, for the latest task when it finished normally.

#include "core/Progress.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace cl::ui::schedule {

class TaskBar : public QWidget {
    Q_OBJECT

public:
    /// Child widgets are named `<name>Progress`, `<name>Cancel` and `<name>Status`.
    explicit TaskBar(const QString& name, QWidget* parent = nullptr);
    /// Cancels every task still running and waits for it: no worker outlives the bar.
    ~TaskBar() override;

    using Work = std::function<void(CancelFlag& flag)>;
    void run(const QString& label, Work work, std::function<void()> done,
             std::function<void(const QString&)> failed = {});
    void cancel();
    bool isRunning() const { return current_ != nullptr; }
    QString statusText() const;

signals:
    void busyChanged(bool busy);

private:
    struct Task;
    void finish(const std::shared_ptr<Task>& task);

    QProgressBar* progress_;
    QPushButton* cancel_;
    QLabel* status_;
    QTimer* poll_;
    std::shared_ptr<Task> current_;
    std::vector<std::shared_ptr<Task>> running_;
};

}  // namespace cl::ui::schedule
