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

    /// Replaces the figure, the numbers behind it and its title (the SVG/PDF document title of
    /// an export); an empty function clears it.
    void setPopulator(ScaledScenePopulator populate, FigureTable data = {}, QString title = {});
    const QString& title() const { return title_; }
    const ScaledScenePopulator& populator() const { return populate_; }

    /// Writes the figure (format from the suffix) at `options`' size, and its numbers as CSV
    /// next to it (figureDataPath); an empty options.title is the figure's title. Throws on failure.
    /// Default size: `commutelab render --lab`'s (labFigureDefaults).
    void exportFigure(const QString& path, const FigureOptions& options = labFigureDefaults()) const;

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void repopulate();
    struct Scene;
    std::unique_ptr<Scene> scene_;
    ScaledScenePopulator populate_;
    FigureTable data_;
    QString title_;
};

}  // namespace cl::ui::schedule
