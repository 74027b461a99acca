#pragma once
// Undo and redo for the landscape workspace: every change (a loss edit, a preset, the quadratic
// sliders, the target, the view rectangle, clicked points, Δt, options, layout) is a step from one
// session snapshot (LandscapeSession) to the next, on a QUndoStack. A burst of changes — typing,
// a slider or a pan being dragged — is one step: a snapshot is taken once changes pause
// (settleMs), or at once before an undo or redo. Undo restores the previous snapshot exactly.

#include "ui/LandscapeSession.h"

#include <QObject>

#include <functional>

class QTimer;
class QUndoStack;

namespace cl::ui {

class WorkspaceHistory : public QObject {
    Q_OBJECT

public:
    static constexpr int settleMs = 400;

    /// `capture` reads the workspace's state, `restore` applies a snapshot (and must not call
    /// changed() while doing so).
    WorkspaceHistory(std::function<LandscapeSession()> capture, std::function<void(const LandscapeSession&)> restore,
                     QObject* parent = nullptr);

    QUndoStack* stack() const { return stack_; }
    /// Forgets every step; the current state is the new starting point (after opening a session).
    void reset();
    /// Something changed: a snapshot follows once changes pause.
    void changed();
    /// Takes the pending snapshot now (a step only when the state differs from the last one).
    void commit();
    void undo();
    void redo();
    bool canUndo() const;
    bool canRedo() const;
    bool isRestoring() const { return restoring_; }

signals:
    /// canUndo() or canRedo() may have changed.
    void availabilityChanged();

private:
    friend class SnapshotCommand;
    void apply(const LandscapeSession& state);

    std::function<LandscapeSession()> capture_;
    std::function<void(const LandscapeSession&)> restore_;
    QUndoStack* stack_;
    QTimer* settle_;
    LandscapeSession last_;  // the state the top of the stack leaves the workspace in
    bool restoring_ = false;
};

}  // namespace cl::ui
