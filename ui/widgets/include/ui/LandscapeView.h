#pragma once
// One landscape panel (L1, L2, the bracket with its regions, or the P map) for one FieldGrid,
// drawn as a VTK Context2D scene by populateLandscapeFigure (LandscapeFigure.h), the same path
// the figure export and `commutelab render` use, inside a VtkOpenGLHost.
// Mouse: drag pans, the wheel zooms about the cursor (both emit viewRectChanged so linked views
// can follow and the owner can resample), a left click without drag emits clicked().

#include "ui/LandscapeOptions.h"
#include "ui/PlotLayout.h"
#include "ui/VtkOpenGLHost.h"

#include "core/FieldGrid.h"

#include <QPointF>
#include <QString>

#include <memory>
#include <optional>

namespace cl::ui {

class LandscapeView : public VtkOpenGLHost {
    Q_OBJECT

public:
    explicit LandscapeView(QWidget* parent = nullptr);
    ~LandscapeView() override;

    /// Shows a new grid; level curves are computed from it (core's marching squares, a few
    /// milliseconds for 200²). A null grid clears the plot. The shown rectangle is kept if one
    /// was set with setViewRect (the grid may cover it only partly), else it follows the grid.
    void setFields(std::shared_ptr<const FieldGrid> grid);
    std::shared_ptr<const FieldGrid> fields() const;
    /// Replaces the panel's default title (e.g. "Lie bracket R(L₁, L₂) and regions"); an empty
    /// title restores it. The subtitle is drawn under it in smaller grey type.
    void setTitle(const QString& title, const QString& subtitle = {});

    void setPanel(LandscapePanel panel);
    LandscapePanel panel() const;
    void setOptions(const LandscapeOptions& options);
    const LandscapeOptions& options() const;
    /// Names the target in the P map's title and colour-bar label ("mean", "L1", an expression).
    void setTargetLabel(const QString& label);
    void setOverlays(std::shared_ptr<const LandscapeOverlays> overlays);

    /// The data rectangle shown (equal units on both axes: the plot's aspect follows it).
    /// Does not emit viewRectChanged (only user pan/zoom does).
    void setViewRect(double xmin, double xmax, double ymin, double ymax);
    /// Back to the grid's own rectangle; emits viewRectChanged when that changes what is shown.
    void resetView();
    /// The rectangle shown now: the one set, or the grid's.
    void viewRect(double& xmin, double& xmax, double& ymin, double& ymax) const;

    /// Cross hairs at this data point (the linked cursor: the point hovered in any linked view);
    /// nullopt hides them. Not part of exported figures.
    void setLinkedCursor(std::optional<QPointF> point);
    std::optional<QPointF> linkedCursor() const;

    /// Where data point (x, y) is drawn, in framebuffer pixels: device pixels, origin top-left,
    /// the coordinates of grabFramebuffer()'s image.
    QPointF dataToPixel(double x, double y) const;
    /// The data point under a widget position (logical pixels), if it is inside the plot.
    std::optional<QPointF> widgetToData(QPointF position) const;

    static constexpr int levelCount = 7;  // default level curves per loss (LandscapeOptions)

signals:
    /// The mouse moved over the plot (inside == true, data coordinates) or left it.
    void hovered(double x, double y, bool inside);
    /// Left click (press and release without dragging) inside the plot, in data coordinates.
    void clicked(double x, double y);
    /// The user panned or zoomed: the new data rectangle.
    void viewRectChanged(double xmin, double xmax, double ymin, double ymax);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeScene(int width, int height) override;

private:
    void rebuild();
    void populateScene(int width, int height);
    PlotLayout currentLayout() const;  // the panel's layout at the widget's size
    struct Scene;
    std::unique_ptr<Scene> scene_;
};

}  // namespace cl::ui
