#include "TextMetrics.h"

#include "FigureFont.h"

#include "ui/FigureStyle.h"

#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QString>

namespace cl::ui {

double textWidth(const std::string& text, double pixelSize, bool bold)
{
    const QString s = QString::fromStdString(text);
    // Qt's font database needs a QGuiApplication (every window, test and `render` has one);
    // without it, DejaVu Sans's average advance is a fair estimate.
    if (!QGuiApplication::instance()) return s.size() * pixelSize * (bold ? 0.68 : 0.62);
    // Measured at 100 px on a 96-dpi image and scaled: integer pixel sizes would round.
    static const QImage device = [] {
        QImage image(1, 1, QImage::Format_RGB32);
        image.setDotsPerMeterX(3780);  // 96 dpi
        image.setDotsPerMeterY(3780);
        return image;
    }();
    return QFontMetricsF(figureFont(100, bold), &device).horizontalAdvance(s) * pixelSize / 100.0;
}

std::vector<std::string> twoLines(const std::string& text)
{
    std::size_t bestStart = std::string::npos, bestLength = 0, bestDistance = std::string::npos;
    for (std::size_t k = 0; k < text.size();) {
        if (text[k] != ' ') {
            ++k;
            continue;
        }
        std::size_t end = k;
        while (end < text.size() && text[end] == ' ') ++end;
        const std::size_t length = end - k, middle = text.size() / 2;
        const std::size_t distance = k > middle ? k - middle : middle - k;
        if (length > bestLength || (length == bestLength && distance < bestDistance)) {
            bestStart = k;
            bestLength = length;
            bestDistance = distance;
        }
        k = end;
    }
    if (bestStart == std::string::npos || bestStart == 0 || bestStart + bestLength >= text.size()) return {text};
    return {text.substr(0, bestStart), text.substr(bestStart + bestLength)};
}

}  // namespace cl::ui
