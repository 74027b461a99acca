#pragma once
// The target P(L1, L2; target) is measured against: mean, L1, L2, a weighted mix (weight of L1
// in a spin box) or a typed expression that may name L1 and L2 (syntax errors inline, with the column; the last good
// target stays in use). Described by the session's target string (LandscapeSession.h).

#include "core/Target.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace cl::ui {

class TargetSelector : public QWidget {
    Q_OBJECT

public:
    explicit TargetSelector(QWidget* parent = nullptr);

    /// The target in use (the last valid one).
    Target target() const { return target_; }
    /// mean | l1 | l2 | weighted:<w1> | expr:<text> of the target in use.
    std::string spec() const { return spec_; }
    /// Short name for titles: "mean", "L1", "0.3 L1 + 0.7 L2", the expression.
    QString label() const;
    /// Shows and uses a target string; false (and nothing changes) when it is not valid.
    bool setSpec(const std::string& spec);
    QString errorText() const;
    /// The texts L1 and L2 stand for in a target expression. A target that uses them is
    /// rebuilt at once, without targetChanged (the caller is publishing the new losses anyway).
    void setLossTexts(const std::string& l1, const std::string& l2);

signals:
    void targetChanged();

private:
    void apply();
    /// The target of `spec` over the current loss texts.
    Target build(const std::string& spec) const;

    QComboBox* kind_;
    QDoubleSpinBox* weight_;
    QLineEdit* expression_;
    QLabel* error_;
    QTimer* debounce_;
    Target target_ = Target::mean(2);
    std::string spec_ = "mean";
    std::string l1_, l2_;
};

}  // namespace cl::ui
