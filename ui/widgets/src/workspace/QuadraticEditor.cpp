#include "ui/workspace/QuadraticEditor.h"

#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace cl::ui {

namespace {

struct Range {
    const char* label;
    const char* suffix;
    double min, max;
    int steps;
    bool logarithmic;
};

// Curvatures on a log scale (0.05 … 20), angle in whole degrees, centre in steps of 0.05.
constexpr std::array<Range, 5> ranges{{{"λ1", "Lambda1", 0.05, 20, 400, true},
                                       {"λ2", "Lambda2", 0.05, 20, 400, true},
                                       {"angle °", "Angle", -90, 90, 180, false},
                                       {"centre x", "CentreX", -3, 3, 120, false},
                                       {"centre y", "CentreY", -3, 3, 120, false}}};

double toValue(const Range& r, int position)
{
    const double t = double(position) / r.steps;
    return r.logarithmic ? r.min * std::pow(r.max / r.min, t) : r.min + (r.max - r.min) * t;
}

int toPosition(const Range& r, double value)
{
    const double t = r.logarithmic ? std::log(value / r.min) / std::log(r.max / r.min) : (value - r.min) / (r.max - r.min);
    return std::clamp(int(std::lround(t * r.steps)), 0, r.steps);
}

}  // namespace

QuadraticEditor::QuadraticEditor(const QString& prefix, QWidget* parent) : QWidget(parent)
{
    setObjectName(prefix + "Quadratic");
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(8);
    layout->setVerticalSpacing(0);
    for (int k = 0; k < 5; ++k) {
        const Range& r = ranges[k];
        auto* slider = new QSlider(Qt::Horizontal);
        slider->setObjectName(prefix + r.suffix);
        slider->setRange(0, r.steps);
        auto* value = new QLabel;
        value->setMinimumWidth(48);
        sliders_[k] = slider;
        labels_[k] = value;
        const int row = k / 3, column = (k % 3) * 3;
        layout->addWidget(new QLabel(r.label), row, column);
        layout->addWidget(slider, row, column + 1);
        layout->addWidget(value, row, column + 2);
        connect(slider, &QSlider::valueChanged, this, [this] {
            showValues();
            emit expressionChanged(expression());
        });
    }
    setParameters(QuadraticParameters{1.0, 0.2, 30, 1, 0.5});
}

double QuadraticEditor::valueOf(int index) const
{
    return toValue(ranges[index], sliders_[index]->value());
}

QuadraticParameters QuadraticEditor::parameters() const
{
    return QuadraticParameters{valueOf(Lambda1), valueOf(Lambda2), valueOf(Angle), valueOf(CentreX), valueOf(CentreY)};
}

void QuadraticEditor::setParameters(const QuadraticParameters& p)
{
    const std::array<double, 5> values{p.lambda1, p.lambda2, p.angleDegrees, p.centreX, p.centreY};
    for (int k = 0; k < 5; ++k) {
        const QSignalBlocker block(sliders_[k]);
        sliders_[k]->setValue(toPosition(ranges[k], values[k]));
    }
    showValues();
}

QString QuadraticEditor::expression() const
{
    return QString::fromStdString(quadraticExpression(parameters()));
}

void QuadraticEditor::showValues()
{
    for (int k = 0; k < 5; ++k) labels_[k]->setText(QString::number(valueOf(k), 'g', 3));
}

}  // namespace cl::ui
