#include "ui/FigureExport.h"

#include "figure/PainterDevice.h"

#include <vtkContext2D.h>
#include <vtkContextScene.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkWindowToImageFilter.h>

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cstring>
#include <sstream>
#include <stdexcept>

namespace cl::ui {

FigureFormat figureFormatForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "png") return FigureFormat::Png;
    if (suffix == "svg") return FigureFormat::Svg;
    if (suffix == "pdf") return FigureFormat::Pdf;
    throw std::invalid_argument("figure '" + path.toStdString() + "': unknown format '." + suffix.toStdString() +
                                "' (use .png, .svg or .pdf)");
}

namespace {

void checkWritable(const QString& path)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        throw std::runtime_error("cannot write '" + path.toStdString() + "': the folder does not exist");
}

void checkFileWritten(const QString& path)
{
    if (QFileInfo(path).size() <= 0)
        throw std::runtime_error("cannot write '" + path.toStdString() + "': the exporter wrote nothing");
}

}  // namespace

// Reads the rendered window into a QImage so that the PNG can carry its DPI (vtkPNGWriter
// cannot) and is written through QSaveFile: a failed write never leaves half a file.
void writeRenderWindowPng(vtkRenderWindow* window, const QString& path, int dpi)
{
    vtkNew<vtkWindowToImageFilter> grab;
    grab->SetInput(window);
    grab->SetInputBufferTypeToRGB();
    grab->ReadFrontBufferOff();
    grab->ShouldRerenderOff();  // the caller has just rendered this frame
    grab->Update();
    vtkImageData* image = grab->GetOutput();
    int dims[3];
    image->GetDimensions(dims);
    auto* pixels = static_cast<const unsigned char*>(image->GetScalarPointer());
    QImage out(dims[0], dims[1], QImage::Format_RGB888);
    for (int row = 0; row < dims[1]; ++row)  // VTK's first row is the bottom one
        std::memcpy(out.scanLine(dims[1] - 1 - row), pixels + static_cast<std::size_t>(row) * dims[0] * 3,
                    static_cast<std::size_t>(dims[0]) * 3);
    const int dotsPerMeter = static_cast<int>(dpi / 0.0254 + 0.5);
    out.setDotsPerMeterX(dotsPerMeter);
    out.setDotsPerMeterY(dotsPerMeter);
    QSaveFile file(path);
    // Qt maps quality to zlib's level: 80 encodes several times faster than the default for a
    // file a few per cent larger.
    if (!file.open(QIODevice::WriteOnly) || !out.save(&file, "PNG", 80) || !file.commit())
        throw std::runtime_error("cannot write '" + path.toStdString() + "': " + file.errorString().toStdString());
}

void checkFigureOptions(const FigureOptions& options)
{
    if (options.width < 16 || options.height < 16 || options.width > 16384 || options.height > 16384)
        throw std::invalid_argument("figure size must be between 16 and 16384 pixels, got " +
                                    std::to_string(options.width) + "x" + std::to_string(options.height));
    if (options.dpi < 10 || options.dpi > 2400)
        throw std::invalid_argument("figure DPI must be between 10 and 2400, got " + std::to_string(options.dpi));
}

namespace {

/// Paints `scene` with QPainter: the one drawing path of every 2-D figure in every format.
void paintScene(vtkContextScene* scene, QPainter& painter, int width, int height)
{
    vtkNew<PainterDevice> device;
    device->setPainter(&painter, width, height);
    vtkNew<vtkContext2D> context;
    context->Begin(device);
    scene->Paint(context);
    context->End();
}

/// The format of `path`, after refusing a bad suffix, size or folder, or a missing QGuiApplication.
FigureFormat checkFigureTarget(const QString& path, const FigureOptions& options)
{
    const FigureFormat format = figureFormatForPath(path);
    checkFigureOptions(options);
    checkWritable(path);
    if (!QGuiApplication::instance())
        throw std::logic_error("writeFigure needs a QGuiApplication (fonts come from Qt's font database)");
    return format;
}

void saveBytes(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw std::runtime_error("cannot write '" + path.toStdString() + "': " + file.errorString().toStdString());
}

}  // namespace

// Every format is painted by the same QPainter device from the same scene of width×height
// pixels at `dpi`: PNG into a QImage, SVG into a QSvgGenerator whose user units are those
// pixels, PDF into a QPdfWriter whose page is width/dpi × height/dpi inches. So a PDF
// rasterised at `dpi` has the PNG's pixels, and text is real Unicode text in SVG and PDF
// (QPdfWriter embeds TrueType subsets with a ToUnicode map: searchable).
void writePaintedFigure(const FigurePainter& paint, const QString& path, const FigureOptions& options,
                        const FigureTable* data)
{
    const FigureFormat format = checkFigureTarget(path, options);

    const int w = options.width, h = options.height;
    const double scale = options.dpi / 96.0;
    auto paintPage = [&](QPainter& painter) {
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setRenderHint(QPainter::TextAntialiasing, true);
        painter.fillRect(QRectF(0, 0, w, h), Qt::white);
        paint(painter, w, h, scale);
    };
    switch (format) {
        case FigureFormat::Png: {
            QImage image(w, h, QImage::Format_RGB32);
            const int dotsPerMeter = static_cast<int>(options.dpi / 0.0254 + 0.5);
            image.setDotsPerMeterX(dotsPerMeter);
            image.setDotsPerMeterY(dotsPerMeter);
            {
                QPainter painter(&image);
                paintPage(painter);
            }
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            // Qt maps quality to zlib's level: 80 encodes several times faster than the default for a
            // file a few per cent larger.
            image.save(&buffer, "PNG", 80);
            saveBytes(path, bytes);
            break;
        }
        case FigureFormat::Svg: {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            QSvgGenerator svg;
            svg.setOutputDevice(&buffer);
            svg.setSize(QSize(w, h));
            svg.setViewBox(QRect(0, 0, w, h));
            svg.setResolution(options.dpi);
            svg.setTitle(options.title);
            svg.setDescription(QStringLiteral("CommuteLab figure"));
            {
                QPainter painter(&svg);
                paintPage(painter);
            }
            saveBytes(path, bytes);
            break;
        }
        case FigureFormat::Pdf: {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            {
                QPdfWriter pdf(&buffer);
                pdf.setResolution(options.dpi);
                pdf.setPageSize(QPageSize(QSizeF(w * 72.0 / options.dpi, h * 72.0 / options.dpi), QPageSize::Point,
                                          QString(), QPageSize::ExactMatch));
                pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
                pdf.setTitle(options.title);
                pdf.setCreator(QStringLiteral("CommuteLab"));
                QPainter painter(&pdf);
                paintPage(painter);
            }
            saveBytes(path, bytes);
            break;
        }
    }
    checkFileWritten(path);
    if (data) writeFigureData(*data, figureDataPath(path));
}

void writeFigure(const ScaledScenePopulator& populate, const QString& path, const FigureOptions& options,
                 const FigureTable* data)
{
    checkFigureTarget(path, options);  // refused before the scene is built
    vtkNew<vtkContextScene> scene;
    scene->SetGeometry(options.width, options.height);
    populate(scene, options.width, options.height, options.dpi / 96.0);
    writePaintedFigure([&](QPainter& painter, int w, int h, double) { paintScene(scene, painter, w, h); }, path,
                       options, data);
}

FigureOptions logFigureDefaults(const QString& title)
{
    return FigureOptions{1200, 900, 96, title};
}

FigureOptions labFigureDefaults(const QString& title)
{
    return FigureOptions{960, 720, 96, title};
}

QString figureDataPath(const QString& figurePath)
{
    const QFileInfo info(figurePath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".csv"));
}

void writeFigureData(const FigureTable& table, const QString& path)
{
    std::ostringstream out;
    writeFigureTableCsv(table, out);
    const std::string text = out.str();
    saveBytes(path, QByteArray(text.data(), qsizetype(text.size())));
}

void writeFigure(const ScenePopulator& populate, const QString& path, const FigureOptions& options,
                 const FigureTable* data)
{
    writeFigure(ScaledScenePopulator([&](vtkContextScene* scene, int w, int h, double) { populate(scene, w, h); }),
                path, options, data);
}

}  // namespace cl::ui
