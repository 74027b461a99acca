#pragma once
// Figure 1, panel (c), for one FieldGrid: region shading, level curves of L1 and L2, arrows of
// R(L1, L2), axes, title and legend, drawn as a VTK Context2D scene (so it can later be exported
// as vector SVG/PDF) inside a VtkOpenGLHost.

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

    /// Shows a new grid; level curves of L1 and L2 are computed from it (core's marching
    /// squares, a few milliseconds for 200²). A null grid clears the plot.
    void setFields(std::shared_ptr<const FieldGrid> grid);
    std::shared_ptr<const FieldGrid> fields() const;
    void setTitle(const QString& title, const QString& subtitle = {});

    /// Where data point (x, y) is drawn, in framebuffer pixels: device pixels, origin top-left,
    /// the coordinates of grabFramebuffer()'s image.
    QPointF dataToPixel(double x, double y) const;
    /// The data point under a widget position (logical pixels), if it is inside the plot.
    std::optional<QPointF> widgetToData(QPointF position) const;

    static constexpr int levelCount = 7;  // level curves per loss (at octiles)

signals:
    /// The mouse moved over the plot (inside == true, data coordinates) or left it.
    void hovered(double x, double y, bool inside);

protected:
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeGL(int w, int h) override;

private:
    struct Scene;
    std::unique_ptr<Scene> scene_;
};

}  // namespace cl::ui
