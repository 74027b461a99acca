#include "ChartFonts.h"

#include <vtkTextProperty.h>

#include <QFileInfo>

namespace cl::ui::schedule {

void useChartFont(vtkTextProperty* text, bool bold)
{
    static const bool installed = QFileInfo::exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") &&
                                  QFileInfo::exists("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
    text->SetBold(bold);
    if (!installed) return;
    text->SetFontFamily(VTK_FONT_FILE);
    text->SetFontFile(bold ? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
                           : "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
}

}  // namespace cl::ui::schedule
