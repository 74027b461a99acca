#pragma once
// The order effect of the clicked points, in numbers and magnified: per point, the three end
// points, the observed displacement of each order from θ_base against ±½Δt²R (and their ratio
// along R), and the excess losses of L1, L2 and the target against ±½Δt²P, all from core's
// orderEffect; below, the parallelogram of the chosen point (ParallelogramInset).

#include "ui/LandscapeOptions.h"

#include <QWidget>

#include <memory>

class QLabel;
class QSpinBox;

namespace cl::ui {

class ParallelogramInset;

class OrderEffectPanel : public QWidget {
    Q_OBJECT

public:
    explicit OrderEffectPanel(QWidget* parent = nullptr);

    void setOverlays(std::shared_ptr<const LandscapeOverlays> overlays);
    void setViewWidth(double width);
    /// The read-out as shown (rich text).
    QString readoutText() const;
    ParallelogramInset* inset() const { return inset_; }
    QSpinBox* pointSpin() const { return pointSpin_; }

private:
    void showPoint();

    std::shared_ptr<const LandscapeOverlays> overlays_;
    QSpinBox* pointSpin_;
    QLabel* readout_;
    ParallelogramInset* inset_;
};

}  // namespace cl::ui
