#include "FigureFont.h"

#include "ui/FigureStyle.h"

#include <QPaintDevice>

#include <algorithm>
#include <cmath>

namespace cl::ui {

QFont figureFont(double emPixels, bool bold, const QPaintDevice* device, const QString& family)
{
    QFont font(family.isEmpty() ? QString::fromStdString(figureStyle().fontFamily) : family);
    if (device)
        font.setPointSizeF(std::max(1.0, emPixels) * 72.0 / device->logicalDpiY());
    else
        font.setPixelSize(std::max(1, int(std::lround(emPixels))));
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setKerning(false);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

}  // namespace cl::ui
