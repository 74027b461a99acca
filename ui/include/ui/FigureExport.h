#pragma once
// One export path for every 2-D figure: a function that fills a VTK Context2D scene is rendered
// off screen and written as PNG (with its DPI recorded), SVG or PDF (vector: lines as paths,
// text as text). The GUI's "Export…" and `commutelab render` both come here.

#include <QString>

#include <functional>

class vtkContextScene;
class vtkRenderWindow;

namespace cl::ui {

enum class FigureFormat { Png, Svg, Pdf };

struct FigureOptions {
    int width = 1200;   // device pixels (PNG) or points (SVG/PDF page)
    int height = 900;
    int dpi = 150;      // PNG only: recorded in the file, and the scale passed to scaled populators
    QString title;      // document title for SVG/PDF
};

/// The format named by the file's suffix (.png, .svg, .pdf, any case); throws
/// std::invalid_argument naming the suffix otherwise.
FigureFormat figureFormatForPath(const QString& path);

/// Fills `scene`, which will be rendered at width×height device pixels.
using ScenePopulator = std::function<void(vtkContextScene* scene, int width, int height)>;
/// Same, with the scale of text and line widths (dpi / 96 for PNG, 1 for vector formats).
using ScaledScenePopulator = std::function<void(vtkContextScene* scene, int width, int height, double scale)>;

/// Renders the figure in an off-screen window (needs an OpenGL display: run under xvfb-run
/// when there is none) and writes it to `path`. Throws std::invalid_argument for a bad size or
/// suffix and std::runtime_error naming the path when the file cannot be written.
void writeFigure(const ScenePopulator& populate, const QString& path, const FigureOptions& options);
void writeFigure(const ScaledScenePopulator& populate, const QString& path, const FigureOptions& options);

/// Throws std::invalid_argument for a size or DPI writeFigure does not accept.
void checkFigureOptions(const FigureOptions& options);
/// writeFigure's PNG step for scenes that are not Context2D (the 3-D surface): writes the frame
/// `window` has just rendered, recording `dpi`. Throws std::runtime_error naming the path when
/// the file cannot be written.
void writeRenderWindowPng(vtkRenderWindow* window, const QString& path, int dpi);

}  // namespace cl::ui
