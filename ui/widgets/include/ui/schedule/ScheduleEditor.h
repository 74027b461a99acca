#pragma once
// The schedule drawn as stacked coloured bands (domain weights over time, piecewise constant).
// Breakpoints can be dragged with the mouse; a click selects a segment. Segments are kept raw,
// possibly invalid: every change is checked by constructing a cl::Schedule, and the ScheduleError
// message is what errorText() returns (the panel shows it inline).

#include "ui/schedule/SchedulePresets.h"

#include <QString>
#include <QWidget>

#include <optional>

namespace cl::ui::schedule {

class ScheduleEditor : public QWidget {
    Q_OBJECT

public:
    explicit ScheduleEditor(QWidget* parent = nullptr);

    void setDomainCount(int domains);
    int domainCount() const { return domains_; }
    /// The time shown (the run's horizon T).
    void setHorizon(double horizon);
    double horizon() const { return horizon_; }

    void setSegments(Segments segments);
    const Segments& segments() const { return segments_; }
    /// The validated schedule, or nothing when the segments are invalid.
    const std::optional<Schedule>& schedule() const { return schedule_; }
    QString errorText() const { return error_; }

    int selectedSegment() const { return selected_; }
    void selectSegment(int index);
    void setSelectedWeights(const std::vector<double>& weights);
    /// Splits the selected segment in two at its middle (within the horizon).
    void splitSelected();
    /// Removes the selected segment's start, merging it into the previous one.
    void mergeSelected();
    /// Moves breakpoint `index` (segment index >= 1) to time t, kept between its neighbours.
    void moveBreakpoint(int index, double t);

    QSize sizeHint() const override { return {640, 140}; }

signals:
    /// Segments, selection or validity changed.
    void changed();
    /// The user dragged a breakpoint with the mouse.
    void breakpointDragged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void validate();
    QRectF plotRect() const;
    double xOf(double t) const;
    double tOf(double x) const;
    double segmentEnd(std::size_t index) const;

    int domains_ = 3;
    double horizon_ = 3.0;
    Segments segments_;
    std::optional<Schedule> schedule_;
    QString error_;
    int selected_ = 0;
    int dragging_ = -1;  // segment whose start is being dragged
};

}  // namespace cl::ui::schedule
