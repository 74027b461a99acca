#pragma once
// The two domain losses as typed expressions in θ = (x, y), and the target P is measured
// against. A pair that does not parse shows its error inline (with the column) and is not
// published, so the view keeps the last good picture.

#include "core/Loss.h"
#include "core/Target.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace cl::ui {

class LossPanel : public QWidget {
    Q_OBJECT

public:
    explicit LossPanel(QWidget* parent = nullptr);

    static const char* defaultL1();
    static const char* defaultL2();

    /// The last pair that parsed (null before the first parse).
    LossPtr l1() const { return l1_; }
    LossPtr l2() const { return l2_; }
    Target target() const;
    QString l1Text() const;
    QString l2Text() const;
    /// The error shown, empty when both expressions parse.
    QString errorText() const;

    /// Replaces both texts and parses them at once.
    void setExpressions(const QString& l1, const QString& l2);

public slots:
    /// Parses both fields now; publishes lossesChanged when both are valid.
    void apply();

signals:
    /// A new valid pair or a new target: read l1(), l2(), target().
    void lossesChanged();

private:
    LossPtr parse(QLineEdit* edit, const char* name, QString& error);
    void showError(const QString& error);

    QLineEdit* l1Edit_;
    QLineEdit* l2Edit_;
    QComboBox* targetCombo_;
    QLabel* errorLabel_;
    QTimer* debounce_;
    LossPtr l1_, l2_;
};

}  // namespace cl::ui
