#pragma once
// One export path for every 2-D figure: a function that fills a VTK Context2D scene is painted
// through PainterDevice (QPainter) into PNG (with its DPI recorded), SVG or PDF (vector: lines as
// paths, text as Unicode text in embedded fonts). The GUI's "Export…" and `commutelab render`
// both come here. Sizes: width×height pixels at `dpi`, i.e. width/dpi × height/dpi inches; text
// and lines scale by dpi/96, so the same inches give the same figure at every DPI.

#include "core/FigureTable.h"

#include <QString>

#include <functional>

class QPainter;
class vtkContextScene;
class vtkRenderWindow;

namespace cl::ui {

enum class FigureFormat { Png, Svg, Pdf };

struct FigureOptions {
    int width = 1200;  // pixels; the page is width/dpi inches wide in every format
    int height = 900;
    int dpi = 150;  // recorded in the PNG; sets the SVG/PDF page size and the populator's scale (dpi/96)
    QString title;  // document title for SVG/PDF
};

/// The sizes the log window's and the Schedule lab's figures are written at unless the user gives
/// one: `commutelab render --log` / `--lab` use them, and the GUI's export dialog starts from them
/// (the landscape's: landscapeFigureOptions). 1200×900 and 960×720 pixels at 96 dpi.
FigureOptions logFigureDefaults(const QString& title = {});
FigureOptions labFigureDefaults(const QString& title = {});

/// The format named by the file's suffix (.png, .svg, .pdf, any case); throws
/// std::invalid_argument naming the suffix otherwise.
FigureFormat figureFormatForPath(const QString& path);

/// Fills `scene`, which will be rendered at width×height device pixels.
using ScenePopulator = std::function<void(vtkContextScene* scene, int width, int height)>;
/// Same, with the scale of text and line widths (dpi / 96, in every format).
using ScaledScenePopulator = std::function<void(vtkContextScene* scene, int width, int height, double scale)>;

/// Paints the figure with QPainter (PainterDevice: no OpenGL, no display; needs a
/// QGuiApplication for fonts) and writes it to `path`. With `data`, the numbers behind the
/// figure go to figureDataPath(path) as CSV. Throws std::invalid_argument for a bad size or
/// suffix and std::runtime_error naming the path when a file cannot be written.
void writeFigure(const ScenePopulator& populate, const QString& path, const FigureOptions& options,
                 const FigureTable* data = nullptr);
void writeFigure(const ScaledScenePopulator& populate, const QString& path, const FigureOptions& options,
                 const FigureTable* data = nullptr);

/// Paints a figure of width×height pixels with QPainter (text and lines scaled by `scale` = dpi / 96);
/// the painter is already begun on the page and the page is white.
using FigurePainter = std::function<void(QPainter& painter, int width, int height, double scale)>;
/// writeFigure's formats for figures that are not Context2D scenes (the 3-D surface's projected
/// triangles): PNG (a QImage recording the DPI), SVG or PDF, with the same page set-up.
void writePaintedFigure(const FigurePainter& paint, const QString& path, const FigureOptions& options,
                        const FigureTable* data = nullptr);

/// Where a figure's numbers go: the figure's path with the suffix replaced by .csv.
QString figureDataPath(const QString& figurePath);
/// Writes `table` as CSV through QSaveFile; throws std::runtime_error naming the path.
void writeFigureData(const FigureTable& table, const QString& path);

/// Throws std::invalid_argument for a size or DPI writeFigure does not accept.
void checkFigureOptions(const FigureOptions& options);
/// writeFigure's PNG step for scenes that are not Context2D (the 3-D surface): writes the frame
/// `window` has just rendered, recording `dpi`. Throws std::runtime_error naming the path when
/// the file cannot be written.
void writeRenderWindowPng(vtkRenderWindow* window, const QString& path, int dpi);

}  // namespace cl::ui
