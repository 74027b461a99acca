#include "ui/schedule/ScheduleEditor.h"

#include "ui/schedule/LabTypes.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace cl::ui::schedule {

namespace {
constexpr double kGrabPixels = 6;
}

ScheduleEditor::ScheduleEditor(QWidget* parent) : QWidget(parent)
{
    setObjectName("scheduleEditor");
    setMinimumHeight(120);
    setMouseTracking(true);
    setSegments(constantMixPreset(domains_));
}

void ScheduleEditor::setDomainCount(int domains)
{
    domains_ = domains;
    validate();
}

void ScheduleEditor::setHorizon(double horizon)
{
    horizon_ = horizon;
    update();
}

void ScheduleEditor::setSegments(Segments segments)
{
    segments_ = std::move(segments);
    selected_ = std::clamp(selected_, 0, std::max(0, int(segments_.size()) - 1));
    validate();
}

void ScheduleEditor::selectSegment(int index)
{
    selected_ = std::clamp(index, 0, std::max(0, int(segments_.size()) - 1));
    update();
    emit changed();
}

void ScheduleEditor::setSelectedWeights(const std::vector<double>& weights)
{
    if (segments_.empty()) return;
    segments_[std::size_t(selected_)].weights = weights;
    validate();
}

void ScheduleEditor::splitSelected()
{
    if (segments_.empty()) return;
    const auto s = std::size_t(selected_);
    const double a = segments_[s].start, b = std::min(segmentEnd(s), std::max(horizon_, a));
    if (!(b > a)) return;
    segments_.insert(segments_.begin() + selected_ + 1, {(a + b) / 2, segments_[s].weights});
    validate();
}

void ScheduleEditor::mergeSelected()
{
    if (selected_ < 1 || std::size_t(selected_) >= segments_.size()) return;
    segments_.erase(segments_.begin() + selected_);
    --selected_;
    validate();
}

void ScheduleEditor::moveBreakpoint(int index, double t)
{
    if (index < 1 || std::size_t(index) >= segments_.size()) return;
    // Keep the order strict so a drag never produces a zero-length segment.
    const double gap = 1e-3 * horizon_;
    const double lo = segments_[std::size_t(index) - 1].start + gap;
    const double hi = std::size_t(index) + 1 < segments_.size() ? segments_[std::size_t(index) + 1].start - gap
                                                                 : horizon_ - gap;
    if (hi < lo) return;
    segments_[std::size_t(index)].start = std::clamp(t, lo, hi);
    validate();
}

void ScheduleEditor::validate()
{
    try {
        schedule_.emplace(segments_, domains_);
        error_.clear();
    } catch (const ScheduleError& e) {
        schedule_.reset();
        error_ = QString::fromStdString(e.what());
    }
    update();
    emit changed();
}

QRectF ScheduleEditor::plotRect() const
{
    return QRectF(36, 6, std::max(10, width() - 100), std::max(10, height() - 28));  // right: legend
}

double ScheduleEditor::xOf(double t) const
{
    const QRectF r = plotRect();
    return r.left() + r.width() * t / horizon_;
}

double ScheduleEditor::tOf(double x) const
{
    const QRectF r = plotRect();
    return (x - r.left()) / r.width() * horizon_;
}

double ScheduleEditor::segmentEnd(std::size_t index) const
{
    return index + 1 < segments_.size() ? segments_[index + 1].start : horizon_;
}

void ScheduleEditor::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillRect(rect(), palette().base());
    const QRectF r = plotRect();
    p.fillRect(r, QColor(0xee, 0xee, 0xee));
    p.setClipRect(r);
    for (std::size_t s = 0; s < segments_.size(); ++s) {
        const double x0 = xOf(segments_[s].start), x1 = xOf(std::max(segmentEnd(s), segments_[s].start));
        double y = r.bottom();
        for (std::size_t k = 0; k < segments_[s].weights.size(); ++k) {
            const double w = segments_[s].weights[k];
            if (!(w > 0) || !std::isfinite(w)) continue;
            const double h = std::min(w, 1.5) * r.height();
            p.fillRect(QRectF(x0, y - h, x1 - x0, h), domainColour(int(k)));
            y -= h;
        }
    }
    p.setClipping(false);
    // Breakpoints: the draggable handles.
    for (std::size_t s = 1; s < segments_.size(); ++s) {
        const double x = xOf(segments_[s].start);
        p.setPen(QPen(Qt::white, 3));
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
        p.setPen(QPen(Qt::black, 1));
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
    }
    if (!segments_.empty()) {
        const auto s = std::size_t(selected_);
        const double x0 = std::max(xOf(segments_[s].start), r.left());
        const double x1 = std::min(xOf(segmentEnd(s)), r.right());
        p.setPen(QPen(QColor(0x20, 0x20, 0x20), 2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(x0 + 1, r.top() + 1, std::max(0.0, x1 - x0 - 2), r.height() - 2));
    }
    p.setPen(palette().color(QPalette::Text));
    p.drawRect(r);
    for (int i = 0; i <= 6; ++i) {
        const double t = horizon_ * i / 6, x = xOf(t);
        p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4));
        p.drawText(QRectF(x - 30, r.bottom() + 4, 60, 16), Qt::AlignHCenter | Qt::AlignTop, QString::number(t, 'g', 3));
    }
    p.drawText(QRectF(0, r.top(), 32, 16), Qt::AlignRight, "w=1");
    // Legend, stacked as the bands are (domain 1 at the bottom).
    for (int k = 0; k < domains_; ++k) {
        const double y = r.bottom() - (k + 1) * 18;
        p.fillRect(QRectF(r.right() + 12, y + 3, 14, 12), domainColour(k));
        p.drawText(QRectF(r.right() + 30, y, 40, 18), Qt::AlignLeft | Qt::AlignVCenter, QString("L%1").arg(k + 1));
    }
    p.drawText(QRectF(0, r.bottom() - 16, 32, 16), Qt::AlignRight, "0");
}

void ScheduleEditor::mousePressEvent(QMouseEvent* event)
{
    const double x = event->position().x();
    for (std::size_t s = 1; s < segments_.size(); ++s)
        if (std::abs(xOf(segments_[s].start) - x) <= kGrabPixels) {
            dragging_ = int(s);
            return;
        }
    const double t = tOf(x);
    for (std::size_t s = segments_.size(); s-- > 0;)
        if (t >= segments_[s].start || s == 0) {
            selectSegment(int(s));
            return;
        }
}

void ScheduleEditor::mouseMoveEvent(QMouseEvent* event)
{
    const double x = event->position().x();
    if (dragging_ >= 1) {
        moveBreakpoint(dragging_, tOf(x));
        emit breakpointDragged();
        return;
    }
    bool nearHandle = false;
    for (std::size_t s = 1; s < segments_.size(); ++s) nearHandle |= std::abs(xOf(segments_[s].start) - x) <= kGrabPixels;
    setCursor(nearHandle ? Qt::SizeHorCursor : Qt::ArrowCursor);
}

void ScheduleEditor::mouseReleaseEvent(QMouseEvent*)
{
    dragging_ = -1;
}

}  // namespace cl::ui::schedule
