#pragma once
// View ▸ 3-D surface…: a window with one loss of the workspace (L1, L2 or the P map's target) as
// a surface the user turns with the mouse, following the workspace's grid as it changes. Reset
// camera, and Export figure… (PNG from OpenGL; SVG and PDF as vector figures with real text).

#include "ui/FigureExport.h"
#include "ui/LandscapeOptions.h"
#include "ui/SurfaceSamples.h"

#include "core/FieldGrid.h"
#include "core/Target.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;

namespace cl::ui {

class MainWindow;
class SurfaceView;

class SurfaceWindow : public QWidget {
    Q_OBJECT

public:
    /// A top-level window (parent: the workspace that owns it).
    explicit SurfaceWindow(QWidget* parent = nullptr);

    /// The workspace's surface window, made and connected to its grids and options the first
    /// time, then shown and raised.
    static SurfaceWindow* openFor(MainWindow* workspace);

    /// The grid and the target its P was measured against. While hidden the window only keeps
    /// them; it draws when shown.
    void setFields(std::shared_ptr<const FieldGrid> grid, const Target& target);
    /// The sequential colour map and the number of level curves.
    void setOptions(const LandscapeOptions& options);
    void setField(SurfaceField field);
    SurfaceField field() const;

    SurfaceView* view() const { return view_; }
    /// Writes the shown surface with the current camera as PNG, SVG or PDF by suffix
    /// (SurfaceView::exportFigure).
    void exportFigure(const QString& path, const FigureOptions& options);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    void askExport();

    QComboBox* fieldCombo_;
    QCheckBox* curvesCheck_;
    SurfaceView* view_;
    QLabel* message_;
    std::shared_ptr<const FieldGrid> grid_;
    Target target_ = Target::mean(2);
    LandscapeOptions options_;
    bool stale_ = false;
};

}  // namespace cl::ui
