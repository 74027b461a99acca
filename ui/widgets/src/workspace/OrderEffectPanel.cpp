#include "ui/workspace/OrderEffectPanel.h"

#include "ui/workspace/ParallelogramInset.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace cl::ui {

namespace {

QString num(double v)
{
    if (std::isnan(v)) return "–";
    QString s = QString::number(v, 'g', 4);
    if (s.startsWith('-')) s.replace(0, 1, QChar(0x2212));
    return s;
}

QString vec(const Vector& v)
{
    return QString("(%1, %2)").arg(num(v[0]), num(v[1]));
}

QString row(const QString& what, const QString& a, const QString& b, const QString& c)
{
    return QString("<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3</td><td align='right'>%4</td></tr>")
        .arg(what, a, b, c);
}

/// One point's table: observed, predicted, ratio for each quantity of both orders.
QString pointTable(const LandscapeOverlays::Clicked& c, int index)
{
    QString html = QString("<p><b>point %1</b>: θ0 = (%2, %3), Δt = %4").arg(index).arg(num(c.x), num(c.y), num(c.dt));
    if (!c.effect)
        return html + "<br>" + (c.error.empty() ? QString("computing…") : QString::fromStdString(c.error)) + "</p>";
    const OrderEffect& e = *c.effect;
    html += QString(
                "<br>θ_base = %1<br><span style='color:#d55e00'>θ_1→2 = %2</span><br>"
                "<span style='color:#0072b2'>θ_2→1 = %3</span></p>")
                .arg(vec(e.base), vec(e.oneThenTwo), vec(e.twoThenOne));
    html += "<table cellspacing='0' cellpadding='2'>";
    html += "<tr><th align='left'></th><th>observed</th><th>predicted</th><th>ratio</th></tr>";
    html += row("θ_1→2 − θ_base along R", num(e.alongBracketOneThenTwo.observed),
                num(e.alongBracketOneThenTwo.predicted), num(e.alongBracketOneThenTwo.ratio()));
    html += row("θ_2→1 − θ_base along R", num(e.alongBracketTwoThenOne.observed),
                num(e.alongBracketTwoThenOne.predicted), num(e.alongBracketTwoThenOne.ratio()));
    const char* names[3] = {"L1", "L2", "target"};
    for (int k = 0; k < 3; ++k) {
        html += row(QString("excess %1, 1→2").arg(names[k]), num(e.excessOneThenTwo[k].observed),
                    num(e.excessOneThenTwo[k].predicted), num(e.excessOneThenTwo[k].ratio()));
        html += row(QString("excess %1, 2→1").arg(names[k]), num(e.excessTwoThenOne[k].observed),
                    num(e.excessTwoThenOne[k].predicted), num(e.excessTwoThenOne[k].ratio()));
    }
    return html + "</table>";
}

}  // namespace

OrderEffectPanel::OrderEffectPanel(QWidget* parent)
    : QWidget(parent), pointSpin_(new QSpinBox), readout_(new QLabel), inset_(new ParallelogramInset)
{
    setObjectName("orderEffectPanel");
    pointSpin_->setObjectName("insetPointSpin");
    readout_->setObjectName("orderEffectText");
    readout_->setTextFormat(Qt::RichText);
    readout_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    readout_->setWordWrap(true);
    readout_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    readout_->setToolTip(
        "Observed against the bracket's prediction (science page): displacements against "
        "±½Δt²R(θ0), excess losses L(θ_1→2) − L(θ_base) against ±½Δt²P(L1, L2; L)(θ0). "
        "Ratios tend to 1 as Δt → 0.");
    pointSpin_->setRange(0, 0);
    pointSpin_->setPrefix("point ");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel("magnified:"));
    top->addWidget(pointSpin_);
    top->addStretch(1);
    layout->addLayout(top);
    layout->addWidget(inset_);
    layout->addWidget(readout_, 1);
    connect(pointSpin_, &QSpinBox::valueChanged, this, &OrderEffectPanel::showPoint);
    setOverlays(nullptr);
}

void OrderEffectPanel::setOverlays(std::shared_ptr<const LandscapeOverlays> overlays)
{
    overlays_ = std::move(overlays);
    const int count = overlays_ ? int(overlays_->points.size()) : 0;
    const bool followLast = pointSpin_->value() == pointSpin_->maximum();  // a new click is shown at once
    pointSpin_->setRange(count ? 1 : 0, count);
    if (followLast) pointSpin_->setValue(count);
    pointSpin_->setEnabled(count > 1);
    QString html;
    for (int k = 0; k < count; ++k) html += pointTable(overlays_->points[std::size_t(k)], k + 1);
    readout_->setText(count ? html
                            : QString("Click a point in a view: the three end points, displacements and "
                                      "excess losses of both orders appear here."));
    showPoint();
}

void OrderEffectPanel::setViewWidth(double width)
{
    inset_->setViewWidth(width);
}

QString OrderEffectPanel::readoutText() const
{
    return readout_->text();
}

void OrderEffectPanel::showPoint()
{
    const int k = pointSpin_->value();
    const bool valid = overlays_ && k >= 1 && k <= int(overlays_->points.size());
    inset_->setPoint(valid ? &overlays_->points[std::size_t(k - 1)] : nullptr);
}

}  // namespace cl::ui
