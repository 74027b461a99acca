#pragma once
// The non-commuting parallelogram of one clicked point, magnified: θ_base, θ_{1→2}, θ_{2→1}, the
// bracket's predictions θ_base ± ½Δt²R and the ends of the three flows, inside core's
// insetSquare, with a scale bar and the magnification against the views stated. At the
// default Δt these points are a few pixels apart in the views; here they fill the square.

#include "core/landscape/OrderEffect.h"
#include "ui/LandscapeOptions.h"

#include <QWidget>

#include <optional>

namespace cl::ui {

class ParallelogramInset : public QWidget {
    Q_OBJECT

public:
    explicit ParallelogramInset(QWidget* parent = nullptr);

    /// The point to show (nullptr or one without flows: an empty inset with a hint).
    void setPoint(const LandscapeOverlays::Clicked* point);
    /// The width of the views' rectangle, for the stated magnification.
    void setViewWidth(double width);
    /// What the inset says about its scale ("inset 2.3e-3 wide, ×2600 the view").
    QString scaleText() const;
    QSize sizeHint() const override { return {320, 340}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::optional<OrderEffect> effect_;
    std::optional<PointFlows> flows_;
    InsetSquare square_;
    double viewWidth_ = 6;
};

}  // namespace cl::ui
