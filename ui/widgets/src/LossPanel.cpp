#include "ui/LossPanel.h"

#include "ui/workspace/QuadraticEditor.h"
#include "ui/workspace/TargetSelector.h"

#include "core/expr/ExpressionError.h"
#include "core/expr/ExpressionLoss.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QSignalBlocker>
#include <QTimer>
#include <QToolButton>

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
    : QWidget(parent),
      presets_(new QComboBox),
      target_(new TargetSelector),
      errorLabel_(new QLabel),
      debounce_(new QTimer(this))
{
    setObjectName("lossPanel");
    presets_->setObjectName("presetCombo");
    errorLabel_->setObjectName("errorLabel");
    errorLabel_->setStyleSheet("color: #b2182b;");
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    presets_->addItem("Presets…");
    for (const LandscapePreset& preset : landscapePresets()) {
        presets_->addItem(QString::fromStdString(preset.title));
        presets_->setItemData(presets_->count() - 1, QString::fromStdString(preset.description), Qt::ToolTipRole);
    }
    presets_->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(3);
    const char* names[2] = {"l1", "l2"};
    const QString defaults[2] = {defaultL1(), defaultL2()};
    for (int k = 0; k < 2; ++k) {
        auto* edit = new QLineEdit(defaults[k]);
        edit->setObjectName(QString("%1Edit").arg(names[k]));
        edit->setPlaceholderText("an expression in x and y");
        edit->setClearButtonEnabled(true);
        auto* toggle = new QToolButton;
        toggle->setObjectName(QString("%1QuadraticToggle").arg(names[k]));
        toggle->setText("Quadratic…");
        toggle->setCheckable(true);
        toggle->setToolTip("Edit this loss as a quadratic with sliders (curvatures, rotation, centre)");
        auto* editor = new QuadraticEditor(names[k]);
        editor->hide();
        edits_[k] = edit;
        quadraticToggles_[k] = toggle;
        quadratic_[k] = editor;
        grid->addWidget(new QLabel(QString("L%1(x, y) =").arg(k + 1)), 2 * k, 0);
        grid->addWidget(edit, 2 * k, 1);
        grid->addWidget(toggle, 2 * k, 2);
        grid->addWidget(editor, 2 * k + 1, 1, 1, 2);
        connect(toggle, &QToolButton::toggled, this, [this, k](bool on) {
            quadratic_[k]->setVisible(on);
            if (on) {  // the sliders take over the loss at once
                edits_[k]->setText(quadratic_[k]->expression());
                apply();
            }
        });
        connect(editor, &QuadraticEditor::expressionChanged, this, [this, k](const QString& text) {
            edits_[k]->setText(text);
            apply();
        });
    }
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(presets_);
    bottom->addSpacing(12);
    bottom->addWidget(new QLabel("target"));
    bottom->addWidget(target_);
    bottom->addSpacing(12);
    bottom->addWidget(errorLabel_, 1);
    grid->addWidget(new QLabel("pair"), 4, 0);
    grid->addLayout(bottom, 4, 1, 1, 2);
    grid->setColumnStretch(1, 1);

    // Typing re-parses after a short pause; Return parses at once.
    debounce_->setSingleShot(true);
    debounce_->setInterval(350);
    connect(debounce_, &QTimer::timeout, this, &LossPanel::apply);
    for (QLineEdit* edit : edits_) {
        connect(edit, &QLineEdit::textEdited, debounce_, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::textEdited, presets_,
                [this] { presets_->setCurrentIndex(0); });  // no longer the preset
        connect(edit, &QLineEdit::returnPressed, this, &LossPanel::apply);
    }
    connect(presets_, &QComboBox::activated, this, [this](int index) {
        if (index > 0) choosePreset(index - 1);
    });
    connect(target_, &TargetSelector::targetChanged, this, &LossPanel::targetChanged);
}

Target LossPanel::target() const
{
    return target_->target();
}

QString LossPanel::l1Text() const
{
    return edits_[0]->text();
}

QString LossPanel::l2Text() const
{
    return edits_[1]->text();
}

QString LossPanel::errorText() const
{
    return errorLabel_->text();
}

void LossPanel::setExpressions(const QString& l1, const QString& l2)
{
    for (QToolButton* toggle : quadraticToggles_) toggle->setChecked(false);
    edits_[0]->setText(l1);
    edits_[1]->setText(l2);
    apply();
}

void LossPanel::choosePreset(int index)
{
    const LandscapePreset& preset = landscapePresets().at(std::size_t(index));
    {
        const QSignalBlocker block(presets_);
        presets_->setCurrentIndex(index + 1);
    }
    setExpressions(QString::fromStdString(preset.l1), QString::fromStdString(preset.l2));
    emit presetChosen(preset);
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

void LossPanel::apply()
{
    debounce_->stop();
    QString error1, error2;
    LossPtr l1 = parse(edits_[0], "L1", error1);
    LossPtr l2 = parse(edits_[1], "L2", error2);
    QStringList errors;
    if (!error1.isEmpty()) errors << error1;
    if (!error2.isEmpty()) errors << error2;
    errorLabel_->setText(errors.join("   "));
    if (!l1 || !l2) return;  // keep the last good pair (and picture)
    l1_ = std::move(l1);
    l2_ = std::move(l2);
    l1Applied_ = edits_[0]->text();
    l2Applied_ = edits_[1]->text();
    target_->setLossTexts(l1Applied_.toStdString(), l2Applied_.toStdString());  // a target naming L1, L2 follows
    emit lossesChanged();
}

}  // namespace cl::ui
