#pragma once
// The four landscape panels of one rectangle (L1, L2, the bracket of Figure 1c and the P map),
// side by side in a 2×2 grid or one at a time. They show the same FieldGrid, options, overlays
// and rectangle: a pan or zoom in one moves the others, then viewRectChanged asks the owner to
// resample the new rectangle.

#include "ui/LandscapeOptions.h"

#include "core/FieldGrid.h"

#include <QWidget>

#include <array>
#include <functional>
#include <memory>
#include <optional>

class QGridLayout;

namespace cl::ui {

class LandscapeView;

class LinkedViews : public QWidget {
    Q_OBJECT

public:
    explicit LinkedViews(QWidget* parent = nullptr);

    static constexpr std::array<LandscapePanel, 4> panels{LandscapePanel::L1, LandscapePanel::L2,
                                                          LandscapePanel::Bracket, LandscapePanel::PMap};
    LandscapeView* view(LandscapePanel panel) const;

    void setFields(std::shared_ptr<const FieldGrid> grid);
    std::shared_ptr<const FieldGrid> fields() const { return grid_; }
    void setOptions(const LandscapeOptions& options);
    void setOverlays(std::shared_ptr<const LandscapeOverlays> overlays);
    void setTargetLabel(const QString& label);
    /// Every view shows this rectangle (no viewRectChanged).
    void setViewRect(double xmin, double xmax, double ymin, double ymax);

    /// nullopt: all four in a 2×2 grid; a panel: only that one, filling the area.
    void setSinglePanel(std::optional<LandscapePanel> panel);
    std::optional<LandscapePanel> singlePanel() const { return single_; }
    /// The view a "current view" export uses: the single one, else the bracket.
    LandscapeView* currentView() const;

signals:
    /// The mouse is over (x, y) of one view (all views then show the linked cursor there).
    void hovered(double x, double y, bool inside);
    void clicked(double x, double y);
    /// The user panned or zoomed one view; the others already follow.
    void viewRectChanged(double xmin, double xmax, double ymin, double ymax);

private:
    void showCursor(double x, double y, bool inside);
    void follow(LandscapeView* source, double xmin, double xmax, double ymin, double ymax);
    /// Hidden views are not redrawn (a 512² rebuild is not free): they catch up when shown.
    void forVisible(const std::function<void(LandscapeView*)>& apply);
    void catchUp(std::size_t index);

    std::array<LandscapeView*, 4> views_;
    std::array<bool, 4> stale_{};
    QGridLayout* layout_;
    std::shared_ptr<const FieldGrid> grid_;
    LandscapeOptions options_;
    std::shared_ptr<const LandscapeOverlays> overlays_;
    QString targetLabel_ = "mean";
    std::optional<std::array<double, 4>> rect_;
    std::optional<LandscapePanel> single_;
};

}  // namespace cl::ui
