#include "ui/schedule/TaskBar.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace cl::ui::schedule {

struct TaskBar::Task {
    QString label;
    CancelFlag flag;
    QFuture<void> future;
    QElapsedTimer clock;
    std::function<void()> done;
    std::function<void(const QString&)> failed;
    // Written by the worker, read on the GUI thread after the future finished.
    QString error;
    bool cancelled = false;
};

TaskBar::TaskBar(const QString& name, QWidget* parent)
    : QWidget(parent), progress_(new QProgressBar), cancel_(new QPushButton("Cancel")), status_(new QLabel),
      poll_(new QTimer(this))
{
    setObjectName(name + "Bar");
    progress_->setObjectName(name + "Progress");
    cancel_->setObjectName(name + "Cancel");
    status_->setObjectName(name + "Status");
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progress_->setMaximumWidth(220);
    cancel_->setEnabled(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(progress_);
    layout->addWidget(cancel_);
    layout->addWidget(status_, 1);
    connect(cancel_, &QPushButton::clicked, this, &TaskBar::cancel);
    // Workers only store progress in their CancelFlag; the bar reads it ten times a second.
    poll_->setInterval(100);
    connect(poll_, &QTimer::timeout, this, [this] {
        if (!current_) return;
        // Computations that never report (building a model) show a busy bar instead of 0 %.
        const double f = current_->flag.progress();
        progress_->setRange(0, f > 0 ? 1000 : 0);
        progress_->setValue(int(1000 * f));
    });
}

TaskBar::~TaskBar()
{
    for (const auto& task : running_) task->flag.cancel();
    for (const auto& task : running_) task->future.waitForFinished();
}

void TaskBar::run(const QString& label, Work work, std::function<void()> done,
                  std::function<void(const QString&)> failed)
{
    cancel();
    auto task = std::make_shared<Task>();
    task->label = label;
    task->done = std::move(done);
    task->failed = std::move(failed);
    task->clock.start();
    // The worker holds its own reference to the task, so nothing it touches can dangle.
    task->future = QtConcurrent::run([task, work = std::move(work)] {
        try {
            work(task->flag);
        } catch (const Cancelled&) {
            task->cancelled = true;
        } catch (const std::exception& e) {
            task->error = QString::fromStdString(e.what());
        }
    });
    auto* watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, task] {
        watcher->deleteLater();
        finish(task);
    });
    watcher->setFuture(task->future);
    current_ = task;
    running_.push_back(task);
    progress_->setValue(0);
    cancel_->setEnabled(true);
    status_->setText(label + "…");
    poll_->start();
    emit busyChanged(true);
}

void TaskBar::cancel()
{
    if (!current_) return;
    current_->flag.cancel();
    status_->setText(current_->label + ": cancelled");
    current_.reset();
    cancel_->setEnabled(false);
    poll_->stop();
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    emit busyChanged(false);
}

QString TaskBar::statusText() const
{
    return status_->text();
}

void TaskBar::finish(const std::shared_ptr<Task>& task)
{
    running_.erase(std::remove(running_.begin(), running_.end(), task), running_.end());
    if (task != current_) return;  // stale: cancelled or replaced by a newer task
    current_.reset();
    poll_->stop();
    cancel_->setEnabled(false);
    progress_->setRange(0, 1000);
    progress_->setValue(task->error.isEmpty() ? 1000 : 0);
    if (!task->error.isEmpty()) {
        status_->setText(task->label + " failed: " + task->error);
        if (task->failed) task->failed(task->error);
    } else if (!task->cancelled) {
        status_->setText(QString("%1: done in %2 s").arg(task->label).arg(task->clock.elapsed() / 1000.0, 0, 'f', 2));
        if (task->done) task->done();
    }
    emit busyChanged(false);
}

}  // namespace cl::ui::schedule
