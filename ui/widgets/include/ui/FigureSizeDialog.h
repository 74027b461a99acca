#pragma once
// The size of an exported figure, asked the way paper figures are sized: width and height in
// pixels, inches or centimetres, and a DPI (pixels = inches × DPI; text and lines are in points,
// so the same inches give the same figure at any DPI). Every Export of the app — landscape
// views and Figure 1, the log window's views, the Schedule lab's plots — asks with this dialog,
// for PNG, SVG and PDF alike, starting from the size `commutelab render` uses for that figure.
// The unit and DPI chosen last are remembered (QSettings "figureExport/unit", "figureExport/dpi").

#include "ui/FigureExport.h"

#include <QDialog>
#include <QString>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QWidget;

namespace cl::ui {

class FigureSizeDialog : public QDialog {
    Q_OBJECT

public:
    enum class Unit { Pixels, Inches, Centimetres };

    /// Starts at `initial`'s size in inches, shown in the remembered unit, at the remembered DPI
    /// (initial's when none).
    explicit FigureSizeDialog(const FigureOptions& initial, QWidget* parent = nullptr);

    /// The size asked for, in pixels at the chosen DPI (title from `initial`).
    FigureOptions options() const;
    Unit unit() const;
    void setUnit(Unit unit);
    /// Stores the unit and DPI for the next dialog (called on accept).
    void remember() const;

private:
    void showSize(double widthPx, double heightPx);
    double pixels(double shown) const;
    void updateSummary();

    FigureOptions initial_;
    QComboBox* unit_;
    QDoubleSpinBox* width_;
    QDoubleSpinBox* height_;
    QSpinBox* dpi_;
    QLabel* summary_;
    Unit shownUnit_ = Unit::Pixels;
    // The size in pixels: kept exact, so switching units back and forth or leaving the numbers
    // alone gives back the size asked for, not one rounded through the shown decimals.
    double widthPx_ = 0, heightPx_ = 0;
};

struct FigureExportChoice {
    QString path;
    FigureOptions options;
};

/// Asks for a file (SVG, PNG or PDF; the suffix decides the format) and then its size. Empty
/// when the user cancelled either.
std::optional<FigureExportChoice> askFigureExport(QWidget* parent, const QString& caption, const QString& suggestedName,
                                                  const FigureOptions& defaults);

}  // namespace cl::ui
