#pragma once
// A VtkOpenGLHost that shows one figure made by a scene populator (the same function the
// export path uses, so what is on screen is what gets written). The scene is rebuilt when the
// populator changes or the widget is resized: the log views' figures are cheap to rebuild
// (one vtkTable per series), and rebuilding keeps live view and export from drifting apart.

#include "ui/FigureExport.h"
#include "ui/VtkOpenGLHost.h"

#include <QPointF>

#include <memory>

namespace cl::ui::logs {

/// Fills a scene like ScaledScenePopulator; `onScreen` is true for the live widget and false
/// for exported files. The live host currently draws vtkAxis grid lines in wrong colours (GL
/// blend state shared with Qt), so the log figures leave the grid out on screen only.
using FigurePopulator = std::function<void(vtkContextScene* scene, int width, int height, double scale, bool onScreen)>;

class FigureHost : public VtkOpenGLHost {
    Q_OBJECT

public:
    explicit FigureHost(QWidget* parent = nullptr);
    ~FigureHost() override;

    /// Replaces the figure; the scene is rebuilt at once (and again on every resize).
    void setPopulator(FigurePopulator populate);
    /// Rebuilds the scene with the current populator (after the data it captures changed).
    void rebuild();

    /// The numbers behind the figure, written as CSV next to every export (figureDataPath).
    void setData(FigureTable data);

    /// Writes the figure via writeFigure (PNG, SVG or PDF by suffix) and its numbers as CSV;
    /// false with `error` set.
    bool exportFigure(const QString& path, const FigureOptions& options, QString* error = nullptr) const;
    /// Asks for a file name and exports; problems are shown in a message box.
    void exportWithDialog(const QString& suggestedName, const QString& title);

    /// The live scene (items are replaced on every rebuild: do not keep pointers to them).
    vtkContextScene* scene() const;

    /// The scene size in device pixels (what the populator was last given).
    int sceneWidth() const;
    int sceneHeight() const;

signals:
    /// The mouse is at `scene` (device pixels, origin bottom-left as in the VTK scene), or left.
    void sceneHovered(QPointF scene, bool inside);

protected:
    void resizeScene(int width, int height) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    struct Scene;
    std::unique_ptr<Scene> scene_;
};

}  // namespace cl::ui::logs
