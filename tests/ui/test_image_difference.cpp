// The image difference behind the figure baselines: what it ignores (identical images,
// anti-aliasing, a one-pixel shift) and what it catches (a swapped colour, a line moved far).

#include "ImageDifference.h"

#include <QPainter>
#include <QtTest>

using namespace cl::ui;

namespace {

QImage canvas()
{
    QImage image(200, 100, QImage::Format_RGB32);
    image.fill(Qt::white);
    return image;
}

QImage lineAt(int x, bool antialiased = false)
{
    QImage image = canvas();
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing, antialiased);
    p.setPen(QPen(Qt::black, 2));
    p.drawLine(QPointF(x, 10), QPointF(x, 90));
    return image;
}

QImage halves(QColor left, QColor right)
{
    QImage image = canvas();
    QPainter p(&image);
    p.fillRect(0, 0, 100, 100, left);
    p.fillRect(100, 0, 100, 100, right);
    return image;
}

}  // namespace

class TestImageDifference : public QObject {
    Q_OBJECT

private slots:
    void identicalImagesDifferByNothing()
    {
        const QImage image = halves(QColor(0x76, 0xc5, 0xad), QColor(0xac, 0xa9, 0xd1));
        const ImageDifference d = compareImages(image, image);
        QCOMPARE(d.fraction, 0.0);
        QCOMPARE(d.differingPixels, 0);
        QVERIFY(!d.sizeMismatch);
    }

    void aOnePixelShiftIsTolerated()
    {
        QCOMPARE(compareImages(lineAt(50), lineAt(51)).fraction, 0.0);
        // Anti-aliased against aliased: only edge shades differ, and they are near a match.
        QVERIFY(compareImages(lineAt(50, true), lineAt(50)).fraction < 0.002);
    }

    void aLineMovedFarIsSmallButSeen()
    {
        const ImageDifference d = compareImages(lineAt(50), lineAt(60));
        // Two pixels wide, 81 tall, in a 200×100 image: about 0.8 % of the pixels.
        QVERIFY2(d.fraction > 0.005 && d.fraction < 0.02, qPrintable(QString::number(d.fraction)));
    }

    void aColourSwapIsLarge()
    {
        const QColor green(0x76, 0xc5, 0xad), purple(0xac, 0xa9, 0xd1);
        const ImageDifference d = compareImages(halves(green, purple), halves(purple, green));
        QVERIFY2(d.fraction > 0.95, qPrintable(QString::number(d.fraction)));
    }

    void aSlightTintIsWithinTheTolerance()
    {
        const ImageDifference d =
            compareImages(halves(QColor(100, 100, 100), Qt::white), halves(QColor(130, 100, 70), Qt::white));
        QCOMPARE(d.fraction, 0.0);
        QVERIFY(
            compareImages(halves(QColor(100, 100, 100), Qt::white), halves(QColor(141, 100, 100), Qt::white)).fraction >
            0.45);
    }

    void differentSizesAreTotallyDifferent()
    {
        const ImageDifference d = compareImages(canvas(), QImage(20, 10, QImage::Format_RGB32));
        QVERIFY(d.sizeMismatch);
        QCOMPARE(d.fraction, 1.0);
    }

    void theMapMarksDifferencesInRed()
    {
        const QImage map = differenceMap(lineAt(50), lineAt(60));
        QCOMPARE(map.pixel(60, 50), qRgb(255, 0, 0));
        QVERIFY(map.pixel(150, 50) != qRgb(255, 0, 0));
    }
};

QTEST_GUILESS_MAIN(TestImageDifference)
#include "test_image_difference.moc"
