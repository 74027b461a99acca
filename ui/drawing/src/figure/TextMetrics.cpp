#include "TextMetrics.h"

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
    QFont font(QString::fromStdString(figureStyle().fontFamily));
    font.setPixelSize(100);
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setKerning(false);
    return QFontMetricsF(font, &device).horizontalAdvance(s) * pixelSize / 100.0;
}

}  // namespace cl::ui
