#include "ui/LandscapeExport.h"

#include "core/FieldCsv.h"

#include <QSaveFile>

#include <sstream>
#include <stdexcept>

namespace cl::ui {

FigureOptions landscapeFigureOptions(const LandscapeFigureSpec& spec, int dpi)
{
    FigureOptions o;
    o.dpi = dpi;
    const bool several = spec.panels.size() > 1;
    o.width = several ? 1800 : 960;
    o.height = several ? landscapeFigureHeight(spec, o.width, dpi / 96.0) : 680;
    o.title = QString::fromStdString(spec.title.empty() ? "CommuteLab landscape" : spec.title);
    return o;
}

void writeLandscapeFigure(const LandscapeFigureSpec& spec, const QString& path, const FigureOptions& options,
                          bool withData)
{
    writeFigure(ScaledScenePopulator([&spec](vtkContextScene* scene, int w, int h, double scale) {
                    populateLandscapeFigure(scene, spec, w, h, scale);
                }),
                path, options);
    if (!withData || !spec.grid) return;
    writeFieldsCsvFile(*spec.grid, figureDataPath(path));
}

void writeFieldsCsvFile(const FieldGrid& grid, const QString& path)
{
    std::ostringstream text;
    writeFieldsCsv(grid, text);
    const std::string bytes = text.str();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()) ||
        !file.commit())
        throw std::runtime_error((path + ": cannot write: " + file.errorString()).toStdString());
}

}  // namespace cl::ui
