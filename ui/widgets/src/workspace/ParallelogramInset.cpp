#include "ui/workspace/ParallelogramInset.h"

#include "ui/LandscapeColors.h"
#include "ui/OrderEffectInset.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

#include <cmath>

namespace cl::ui {

namespace {

QColor qcolor(Rgb c)
{
    return QColor(c.r, c.g, c.b);
}

QString number(double v)
{
    return QString::number(v, 'g', 3);
}

}  // namespace

ParallelogramInset::ParallelogramInset(QWidget* parent) : QWidget(parent)
{
    setObjectName("orderEffectInset");
    setMinimumSize(220, 240);
}

void ParallelogramInset::setPoint(const LandscapeOverlays::Clicked* point)
{
    effect_.reset();
    flows_.reset();
    if (point && point->effect && point->flows) {
        effect_ = point->effect;
        flows_ = point->flows;
        square_ = insetSquare(*effect_);
    }
    update();
}

void ParallelogramInset::setViewWidth(double width)
{
    viewWidth_ = width;
    update();
}

QString ParallelogramInset::scaleText() const
{
    if (!effect_) return {};
    return QString::fromStdString(insetScaleText(square_, viewWidth_));
}

void ParallelogramInset::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), Qt::white);
    const int textHeight = fontMetrics().height();
    const QRectF box(6, 6, width() - 12, height() - 12 - 2 * textHeight);
    const double side = std::min(box.width(), box.height());
    const QRectF frame(box.left() + (box.width() - side) / 2, box.top(), side, side);
    p.setPen(QPen(QColor(0x33, 0x33, 0x33), 1));
    p.drawRect(frame);
    if (!effect_) {
        p.drawText(frame, Qt::AlignCenter | Qt::TextWordWrap, "click a point in a view:\nits parallelogram shows here");
        return;
    }
    // Data → pixels: the square fills the frame, y up.
    const double scale = side / (2 * square_.halfSide);
    auto at = [&](const Vector& v) {
        return QPointF(frame.center().x() + (v[0] - square_.cx) * scale,
                       frame.center().y() - (v[1] - square_.cy) * scale);
    };
    p.save();
    p.setClipRect(frame);
    // The flows' last stretch, as far as it lies inside the square.
    const std::pair<const Trajectory*, Rgb> paths[] = {{&flows_->mixed, palette::flowMixed},
                                                       {&flows_->oneThenTwo, palette::flowOneThenTwo},
                                                       {&flows_->twoThenOne, palette::flowTwoThenOne}};
    for (const auto& [path, colour] : paths) {
        QPainterPath line;
        bool started = false;
        for (const Vector& s : path->states) {
            if (!s.allFinite()) continue;
            if (!started)
                line.moveTo(at(s)), started = true;
            else
                line.lineTo(at(s));
        }
        p.setPen(QPen(qcolor(colour), 1.5));
        p.drawPath(line);
    }
    // The predicted parallelogram's diagonal θ_{2→1}^pred → θ_{1→2}^pred, dashed.
    p.setPen(QPen(QColor(0x66, 0x66, 0x66), 1, Qt::DashLine));
    p.drawLine(at(effect_->predictedTwoThenOne), at(effect_->predictedOneThenTwo));
    auto dot = [&](const Vector& v, Rgb colour, bool hollow) {
        p.setPen(QPen(qcolor(colour), 2));
        p.setBrush(hollow ? QBrush(Qt::white) : QBrush(qcolor(colour)));
        p.drawEllipse(at(v), hollow ? 6.0 : 4.0, hollow ? 6.0 : 4.0);
    };
    dot(effect_->predictedOneThenTwo, palette::flowOneThenTwo, true);
    dot(effect_->predictedTwoThenOne, palette::flowTwoThenOne, true);
    dot(effect_->base, palette::flowMixed, false);
    dot(effect_->oneThenTwo, palette::flowOneThenTwo, false);
    dot(effect_->twoThenOne, palette::flowTwoThenOne, false);
    p.restore();

    // Scale bar: a 1-2-5 length of at most 40 % of the square, bottom left.
    const double length = scaleBarLength(0.4 * 2 * square_.halfSide);
    const double y = frame.bottom() - 10, x0 = frame.left() + 10, x1 = x0 + length * scale;
    p.setPen(QPen(Qt::black, 2));
    p.drawLine(QPointF(x0, y), QPointF(x1, y));
    p.drawLine(QPointF(x0, y - 4), QPointF(x0, y + 4));
    p.drawLine(QPointF(x1, y - 4), QPointF(x1, y + 4));
    p.drawText(QPointF(x0, y - 6), number(length));
    p.setPen(Qt::black);
    const QRectF caption(frame.left(), frame.bottom() + 2, frame.width(), 2 * textHeight);
    p.drawText(caption, Qt::AlignLeft | Qt::AlignTop,
               scaleText() + "\n\u25cf ends   \u25cb \u03b8_base \u00b1 \u00bd\u0394t\u00b2R (predicted)");
}

}  // namespace cl::ui
