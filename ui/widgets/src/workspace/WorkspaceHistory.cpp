#include "ui/workspace/WorkspaceHistory.h"

#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

namespace cl::ui {

/// One step between two snapshots. The first redo() is the change the user already made.
class SnapshotCommand : public QUndoCommand {
public:
    SnapshotCommand(WorkspaceHistory* history, LandscapeSession before, LandscapeSession after)
        : QUndoCommand("change"), history_(history), before_(std::move(before)), after_(std::move(after))
    {
    }
    void undo() override { history_->apply(before_); }
    void redo() override
    {
        if (first_) {
            first_ = false;
            return;
        }
        history_->apply(after_);
    }

private:
    WorkspaceHistory* history_;
    LandscapeSession before_, after_;
    bool first_ = true;
};

WorkspaceHistory::WorkspaceHistory(std::function<LandscapeSession()> capture,
                                   std::function<void(const LandscapeSession&)> restore, QObject* parent)
    : QObject(parent),
      capture_(std::move(capture)),
      restore_(std::move(restore)),
      stack_(new QUndoStack(this)),
      settle_(new QTimer(this))
{
    settle_->setSingleShot(true);
    settle_->setInterval(settleMs);
    connect(settle_, &QTimer::timeout, this, &WorkspaceHistory::commit);
    connect(stack_, &QUndoStack::indexChanged, this, &WorkspaceHistory::availabilityChanged);
}

void WorkspaceHistory::reset()
{
    settle_->stop();
    stack_->clear();
    last_ = capture_();
    emit availabilityChanged();
}

void WorkspaceHistory::changed()
{
    if (restoring_) return;
    settle_->start();
    emit availabilityChanged();
}

void WorkspaceHistory::commit()
{
    settle_->stop();
    if (restoring_) return;
    LandscapeSession now = capture_();
    if (now == last_) return;
    LandscapeSession before = last_;
    last_ = now;
    stack_->push(new SnapshotCommand(this, std::move(before), std::move(now)));
}

void WorkspaceHistory::undo()
{
    commit();
    stack_->undo();
}

void WorkspaceHistory::redo()
{
    commit();
    stack_->redo();
}

bool WorkspaceHistory::canUndo() const
{
    return stack_->canUndo() || settle_->isActive();
}

bool WorkspaceHistory::canRedo() const
{
    return stack_->canRedo() && !settle_->isActive();
}

void WorkspaceHistory::apply(const LandscapeSession& state)
{
    restoring_ = true;
    restore_(state);
    restoring_ = false;
    last_ = state;
}

}  // namespace cl::ui
