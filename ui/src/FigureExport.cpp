#include "ui/FigureExport.h"

#include <vtkContextActor.h>
#include <vtkContextScene.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPDFExporter.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSVGExporter.h>
#include <vtkUnsignedCharArray.h>
#include <vtkWindowToImageFilter.h>

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSaveFile>

#include <cstring>
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

void writeFigure(const ScaledScenePopulator& populate, const QString& path, const FigureOptions& options)
{
    const FigureFormat format = figureFormatForPath(path);
    checkFigureOptions(options);
    checkWritable(path);

    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetSize(options.width, options.height);
    window->SetMultiSamples(4);  // smooth lines; 8 samples cost a quarter of the render time
    vtkNew<vtkRenderer> renderer;
    renderer->SetBackground(1, 1, 1);
    window->AddRenderer(renderer);
    vtkNew<vtkContextActor> actor;
    renderer->AddViewProp(actor);
    actor->GetScene()->SetRenderer(renderer);
    const double scale = format == FigureFormat::Png ? options.dpi / 96.0 : 1.0;
    populate(actor->GetScene(), options.width, options.height, scale);
    window->Render();

    const std::string file = path.toStdString();
    const std::string title = options.title.toStdString();
    switch (format) {
    case FigureFormat::Png:
        writeRenderWindowPng(window, path, options.dpi);
        break;
    case FigureFormat::Svg: {
        vtkNew<vtkSVGExporter> exporter;
        exporter->SetRenderWindow(window);
        exporter->SetFileName(file.c_str());
        exporter->SetTitle(title.c_str());
        exporter->SetTextAsPath(false);  // text stays text: selectable and editable in the paper
        exporter->SetDrawBackground(true);
        exporter->Write();
        checkFileWritten(path);
        break;
    }
    case FigureFormat::Pdf: {
        vtkNew<vtkPDFExporter> exporter;
        exporter->SetRenderWindow(window);
        exporter->SetFileName(file.c_str());
        exporter->SetTitle(title.c_str());
        exporter->Write();
        checkFileWritten(path);
        break;
    }
    }
}

void writeFigure(const ScenePopulator& populate, const QString& path, const FigureOptions& options)
{
    writeFigure(ScaledScenePopulator([&](vtkContextScene* scene, int w, int h, double) { populate(scene, w, h); }),
                path, options);
}

}  // namespace cl::ui
