#pragma once
// The two domain losses as typed expressions in θ = (x, y), a preset menu, slider editors for
// quadratic losses, and the target P is measured against. A pair that does not parse shows its
// error inline (with the column) and is not published, so the views keep the last good picture.

#include "core/Loss.h"
#include "core/Target.h"
#include "core/landscape/LandscapePreset.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace cl::ui {

class QuadraticEditor;
class TargetSelector;

class LossPanel : public QWidget {
    Q_OBJECT

public:
    explicit LossPanel(QWidget* parent = nullptr);

    static const char* defaultL1();
    static const char* defaultL2();

    /// The last pair that parsed (null before the first parse).
    LossPtr l1() const { return l1_; }
    LossPtr l2() const { return l2_; }
    /// The texts of that pair (what a session saves).
    QString l1Applied() const { return l1Applied_; }
    QString l2Applied() const { return l2Applied_; }
    Target target() const;
    TargetSelector* targetSelector() const { return target_; }
    QString l1Text() const;
    QString l2Text() const;
    /// The error shown, empty when both expressions parse.
    QString errorText() const;
    /// The slider editor of loss 0 (L1) or 1 (L2); shown by the "Quadratic…" toggle.
    QuadraticEditor* quadraticEditor(int loss) const { return quadratic_[loss]; }

    /// Replaces both texts and parses them at once.
    void setExpressions(const QString& l1, const QString& l2);
    /// Loads a preset's pair (index into cl::landscapePresets()).
    void choosePreset(int index);

public slots:
    /// Parses both fields now; publishes lossesChanged when both are valid.
    void apply();

signals:
    /// A new valid pair: read l1(), l2().
    void lossesChanged();
    /// The target changed: read target().
    void targetChanged();
    /// A preset was chosen (after its losses were published): its rectangle is worth showing.
    void presetChosen(const cl::LandscapePreset& preset);

private:
    LossPtr parse(QLineEdit* edit, const char* name, QString& error);

    QLineEdit* edits_[2];
    QToolButton* quadraticToggles_[2];
    QuadraticEditor* quadratic_[2];
    QComboBox* presets_;
    TargetSelector* target_;
    QLabel* errorLabel_;
    QTimer* debounce_;
    LossPtr l1_, l2_;
    QString l1Applied_, l2Applied_;
};

}  // namespace cl::ui
