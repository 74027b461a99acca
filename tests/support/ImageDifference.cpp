#include "ImageDifference.h"

#include <algorithm>
#include <cstdlib>

namespace cl::ui {
namespace {

bool close(QRgb a, QRgb b, int tolerance)
{
    return std::abs(qRed(a) - qRed(b)) <= tolerance && std::abs(qGreen(a) - qGreen(b)) <= tolerance &&
           std::abs(qBlue(a) - qBlue(b)) <= tolerance;
}

/// Does pixel (x, y) of `from` have a close match within `shift` pixels in `to`?
bool matched(const QImage& from, const QImage& to, int x, int y, int tolerance, int shift)
{
    const QRgb colour = from.pixel(x, y);
    for (int dy = -shift; dy <= shift; ++dy)
        for (int dx = -shift; dx <= shift; ++dx) {
            const int u = x + dx, v = y + dy;
            if (u >= 0 && v >= 0 && u < to.width() && v < to.height() && close(colour, to.pixel(u, v), tolerance))
                return true;
        }
    return false;
}

int unmatchedCount(const QImage& from, const QImage& to, int tolerance, int shift)
{
    int count = 0;
    for (int y = 0; y < from.height(); ++y)
        for (int x = 0; x < from.width(); ++x) count += matched(from, to, x, y, tolerance, shift) ? 0 : 1;
    return count;
}

}  // namespace

ImageDifference compareImages(const QImage& actual, const QImage& expected, int channelTolerance, int shift)
{
    ImageDifference d;
    if (actual.size() != expected.size() || actual.isNull()) {
        d.sizeMismatch = true;
        d.fraction = 1;
        return d;
    }
    const QImage a = actual.convertToFormat(QImage::Format_RGB32);
    const QImage e = expected.convertToFormat(QImage::Format_RGB32);
    // Both directions: a curve missing from `actual` and a curve added to it both count.
    d.differingPixels =
        std::max(unmatchedCount(a, e, channelTolerance, shift), unmatchedCount(e, a, channelTolerance, shift));
    d.fraction = double(d.differingPixels) / (double(a.width()) * a.height());
    return d;
}

QImage differenceMap(const QImage& actual, const QImage& expected, int channelTolerance, int shift)
{
    QImage a = actual.convertToFormat(QImage::Format_RGB32);
    if (actual.size() != expected.size()) return a;
    const QImage e = expected.convertToFormat(QImage::Format_RGB32);
    QImage map(a.size(), QImage::Format_RGB32);
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb c = a.pixel(x, y);
            const bool differs =
                !matched(a, e, x, y, channelTolerance, shift) || !matched(e, a, x, y, channelTolerance, shift);
            map.setPixel(x, y,
                         differs ? qRgb(255, 0, 0) : qRgb(192 + qRed(c) / 4, 192 + qGreen(c) / 4, 192 + qBlue(c) / 4));
        }
    return map;
}

}  // namespace cl::ui
