#include "ui/LossPanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QTimer>
#include <QHBoxLayout>

#include "core/expr/ExpressionError.h"
#include "core/expr/ExpressionLoss.h"

namespace cl::ui {

const char* LossPanel::defaultL1()
{
    return "0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y";
}

const char* LossPanel::defaultL2()
{
    return "log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)";
}

LossPanel::LossPanel(QWidget* parent)
    : QWidget(parent), l1Edit_(new QLineEdit(defaultL1())), l2Edit_(new QLineEdit(defaultL2())),
      targetCombo_(new QComboBox), errorLabel_(new QLabel), debounce_(new QTimer(this))
{
    setObjectName("lossPanel");
    l1Edit_->setObjectName("l1Edit");
    l2Edit_->setObjectName("l2Edit");
    targetCombo_->setObjectName("targetCombo");
    errorLabel_->setObjectName("errorLabel");
    for (QLineEdit* edit : {l1Edit_, l2Edit_}) {
        edit->setPlaceholderText("an expression in x and y");
        edit->setClearButtonEnabled(true);
    }
    targetCombo_->addItem("mean (L1 + L2) / 2");
    targetCombo_->addItem("L1");
    targetCombo_->addItem("L2");
    targetCombo_->setToolTip("The loss whose change P(L1, L2; target) = <R, grad target> measures");
    errorLabel_->setStyleSheet("color: #b2182b;");
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    targetCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    // The error shares the target's row, so it appearing or going never resizes the view.
    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(targetCombo_);
    targetRow->addSpacing(12);
    targetRow->addWidget(errorLabel_, 1);
    auto* form = new QFormLayout(this);
    form->addRow("L1(x, y) =", l1Edit_);
    form->addRow("L2(x, y) =", l2Edit_);
    form->addRow("target", targetRow);

    // Typing re-parses after a short pause; Return parses at once.
    debounce_->setSingleShot(true);
    debounce_->setInterval(350);
    connect(debounce_, &QTimer::timeout, this, &LossPanel::apply);
    for (QLineEdit* edit : {l1Edit_, l2Edit_}) {
        connect(edit, &QLineEdit::textEdited, debounce_, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, &LossPanel::apply);
    }
    connect(targetCombo_, &QComboBox::currentIndexChanged, this, [this] {
        if (l1_ && l2_) emit lossesChanged();
    });
}

Target LossPanel::target() const
{
    switch (targetCombo_->currentIndex()) {
    case 1: return Target::domain(0, 2);
    case 2: return Target::domain(1, 2);
    default: return Target::mean(2);
    }
}

QString LossPanel::l1Text() const
{
    return l1Edit_->text();
}

QString LossPanel::l2Text() const
{
    return l2Edit_->text();
}

QString LossPanel::errorText() const
{
    return errorLabel_->text();
}

void LossPanel::setExpressions(const QString& l1, const QString& l2)
{
    l1Edit_->setText(l1);
    l2Edit_->setText(l2);
    apply();
}

LossPtr LossPanel::parse(QLineEdit* edit, const char* name, QString& error)
{
    try {
        LossPtr loss = ExpressionLoss::fromText(edit->text().toStdString());
        edit->setPalette(QPalette());
        return loss;
    } catch (const ExpressionError& e) {
        QString message = QString::fromStdString(e.what());
        if (!message.contains("column")) message += QString(" at column %1").arg(e.column());
        error = QString("%1: %2").arg(name, message);
        // A tinted background rather than a style sheet border, which would change the size.
        QPalette tinted = edit->palette();
        tinted.setColor(QPalette::Base, QColor(0xfd, 0xe0, 0xdd));
        edit->setPalette(tinted);
        return nullptr;
    }
}

void LossPanel::showError(const QString& error)
{
    errorLabel_->setText(error);
}

void LossPanel::apply()
{
    debounce_->stop();
    QString error1, error2;
    LossPtr l1 = parse(l1Edit_, "L1", error1);
    LossPtr l2 = parse(l2Edit_, "L2", error2);
    QStringList errors;
    if (!error1.isEmpty()) errors << error1;
    if (!error2.isEmpty()) errors << error2;
    showError(errors.join("   "));
    if (!l1 || !l2) return;  // keep the last good pair (and picture)
    l1_ = std::move(l1);
    l2_ = std::move(l2);
    emit lossesChanged();
}

}  // namespace cl::ui
