#include "ui/workspace/WorkspaceExport.h"

#include "ui/FieldImageExport.h"

#include "ui/LandscapeExport.h"

#include <QFileInfo>

#include <stdexcept>

namespace cl::ui {

void exportFields(const FieldGrid& grid, const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "vti") {
        writeFieldsVti(grid, path);
        return;
    }
    if (suffix != "csv")
        throw std::invalid_argument(("cannot export fields as '." + suffix + "': use .vti or .csv").toStdString());
    writeFieldsCsvFile(grid, path);
}

}  // namespace cl::ui
