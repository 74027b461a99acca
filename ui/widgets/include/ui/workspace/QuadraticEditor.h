#pragma once
// Sliders for a 2-D quadratic loss (two curvatures, a rotation, a centre) that write the loss as
// an expression through core's quadraticExpression, so the typed text and the sliders describe
// one loss. Slider positions map to values on fixed ranges; the value labels show them.

#include "core/landscape/QuadraticParameters.h"

#include <QWidget>

#include <array>

class QLabel;
class QSlider;

namespace cl::ui {

class QuadraticEditor : public QWidget {
    Q_OBJECT

public:
    /// `prefix` names the sliders' objects: "<prefix>Lambda1", "<prefix>Lambda2",
    /// "<prefix>Angle", "<prefix>CentreX", "<prefix>CentreY".
    explicit QuadraticEditor(const QString& prefix, QWidget* parent = nullptr);

    QuadraticParameters parameters() const;
    /// Moves the sliders to the nearest positions of these parameters (no signal).
    void setParameters(const QuadraticParameters& p);
    QString expression() const;

    enum Parameter { Lambda1, Lambda2, Angle, CentreX, CentreY };
    QSlider* slider(Parameter p) const { return sliders_[p]; }

signals:
    /// A slider moved: the new loss as expression text.
    void expressionChanged(const QString& expression);

private:
    double valueOf(int index) const;
    void showValues();

    std::array<QSlider*, 5> sliders_;
    std::array<QLabel*, 5> labels_;
};

}  // namespace cl::ui
