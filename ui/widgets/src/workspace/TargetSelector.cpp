#include "ui/workspace/TargetSelector.h"

#include "ui/LandscapeSession.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTimer>

namespace cl::ui {

namespace {
enum Kind { Mean, L1, L2, Weighted, Expression };
}

TargetSelector::TargetSelector(QWidget* parent)
    : QWidget(parent),
      kind_(new QComboBox),
      weight_(new QDoubleSpinBox),
      expression_(new QLineEdit),
      error_(new QLabel),
      debounce_(new QTimer(this))
{
    setObjectName("targetSelector");
    kind_->setObjectName("targetCombo");
    weight_->setObjectName("targetWeight");
    expression_->setObjectName("targetExpression");
    error_->setObjectName("targetError");
    kind_->addItems({"mean (L1 + L2) / 2", "L1", "L2", "weighted w·L1 + (1−w)·L2", "expression"});
    kind_->setToolTip("The loss whose change P(L1, L2; target) = <R, grad target> measures");
    kind_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    weight_->setRange(0, 1);
    weight_->setSingleStep(0.05);
    weight_->setDecimals(3);
    weight_->setValue(0.5);
    weight_->setPrefix("w = ");
    expression_->setPlaceholderText("target in x, y, L1, L2: 0.7*L1 + 0.3*L2, max(L1, L2)");
    expression_->setMinimumWidth(300);  // wide enough to read a typical target
    expression_->setText("x^2 + y^2");
    error_->setStyleSheet("color: #b2182b;");
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(kind_);
    layout->addWidget(weight_);
    layout->addWidget(expression_, 1);
    layout->addWidget(error_, 1);
    weight_->hide();
    expression_->hide();

    debounce_->setSingleShot(true);
    debounce_->setInterval(300);
    connect(debounce_, &QTimer::timeout, this, &TargetSelector::apply);
    connect(kind_, &QComboBox::currentIndexChanged, this, &TargetSelector::apply);
    connect(weight_, &QDoubleSpinBox::valueChanged, this, &TargetSelector::apply);
    connect(expression_, &QLineEdit::textEdited, debounce_, qOverload<>(&QTimer::start));
    connect(expression_, &QLineEdit::returnPressed, this, &TargetSelector::apply);
}

QString TargetSelector::label() const
{
    return QString::fromStdString(targetDisplayLabel(spec_));  // the same name render's figures use
}

QString TargetSelector::errorText() const
{
    return error_->text();
}

bool TargetSelector::setSpec(const std::string& spec)
{
    try {
        build(spec);
    } catch (const std::invalid_argument&) {
        return false;
    }
    {
        const QSignalBlocker b1(kind_), b2(weight_);
        if (spec == "mean")
            kind_->setCurrentIndex(Mean);
        else if (spec == "l1")
            kind_->setCurrentIndex(L1);
        else if (spec == "l2")
            kind_->setCurrentIndex(L2);
        else if (spec.rfind("weighted:", 0) == 0) {
            kind_->setCurrentIndex(Weighted);
            weight_->setValue(QString::fromStdString(spec.substr(9)).toDouble());
        } else {
            kind_->setCurrentIndex(Expression);
            expression_->setText(QString::fromStdString(spec.substr(5)));
        }
    }
    apply();
    return true;
}

Target TargetSelector::build(const std::string& spec) const
{
    return targetFromSpec(spec, l1_, l2_);
}

void TargetSelector::setLossTexts(const std::string& l1, const std::string& l2)
{
    if (l1 == l1_ && l2 == l2_) return;
    l1_ = l1;
    l2_ = l2;
    if (spec_.rfind("expr:", 0) != 0) return;
    try {
        target_ = build(spec_);
        error_->clear();
    } catch (const std::invalid_argument& e) {
        error_->setText(QString("target: %1").arg(QString::fromUtf8(e.what())));
    }
}

void TargetSelector::apply()
{
    debounce_->stop();
    const int kind = kind_->currentIndex();
    weight_->setVisible(kind == Weighted);
    expression_->setVisible(kind == Expression);
    std::string spec = kind == L1 ? "l1" : kind == L2 ? "l2" : "mean";
    if (kind == Weighted) spec = "weighted:" + QString::number(weight_->value(), 'g', 6).toStdString();
    if (kind == Expression) spec = "expr:" + expression_->text().toStdString();
    try {
        Target target = build(spec);
        error_->clear();
        if (spec == spec_) return;
        target_ = std::move(target);
        spec_ = spec;
        emit targetChanged();
    } catch (const std::invalid_argument& e) {
        error_->setText(QString("target: %1").arg(QString::fromUtf8(e.what())));
    }
}

}  // namespace cl::ui
