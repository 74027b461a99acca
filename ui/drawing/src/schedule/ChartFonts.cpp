#include "ChartFonts.h"

#include "ui/FigureStyle.h"

#include <vtkTextProperty.h>

#include <QFileInfo>

namespace cl::ui::schedule {

void useChartFont(vtkTextProperty* text, bool bold)
{
    useStyleFont(text, bold);
}

}  // namespace cl::ui::schedule
