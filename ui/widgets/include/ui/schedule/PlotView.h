#pragma once
// One Context2D figure on screen: a VtkOpenGLHost whose scene is filled by a populator function
// (cl::ui::ScenePopulator). The same function is handed to writeFigure for "Export…", so what is
// exported (PNG, or vector SVG/PDF) is exactly what is shown.

#include "ui/FigureExport.h"
#include "ui/VtkOpenGLHost.h"

#include <memory>

namespace cl::ui::schedule {

class PlotView : public VtkOpenGLHost {
    Q_OBJECT

public:
    explicit PlotView(const QString& objectName, QWidget* parent = nullptr);
    ~PlotView() override;

    /// Replaces the figure and the numbers behind it; an empty function clears it.
    void setPopulator(ScaledScenePopulator populate, FigureTable data = {});
    const ScaledScenePopulator& populator() const { return populate_; }

    /// Writes the figure (format from the suffix) at `options`' size, and its numbers as CSV
    /// next to it (figureDataPath); throws on failure.
    void exportFigure(const QString& path, const FigureOptions& options = {}) const;

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void repopulate();
    struct Scene;
    std::unique_ptr<Scene> scene_;
    ScaledScenePopulator populate_;
    FigureTable data_;
};

}  // namespace cl::ui::schedule
