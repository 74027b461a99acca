#pragma once
// One helper for every figure kind's format test: the figure is written as PNG, SVG and PDF at
// the same small size, the PDF is rasterised by poppler (pdftoppm) and the SVG by librsvg
// (rsvg-convert) — renderers independent of Qt and VTK — and the three rasters must agree.
//
// Thresholds (what the numbers mean):
//  - kFormatAgreement: at half size (halfSize), at most this fraction of pixels of either raster may lack a pixel of
//    nearly the same colour (every channel within kChannelTolerance) within kShift pixels in the
//    other (compareImages). Anti-aliasing and glyph hinting differ between renderers; a missing
//    curve, a swapped colour, moved text or a clipped panel differ by far more.
//  - kBaselineAgreement: the same measure against tests/baselines/figure-<kind>.png.

#include "CommandRun.h"
#include "ImageDifference.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

#include <functional>

namespace figtest {

inline constexpr double kFormatAgreement = 0.02;
inline constexpr double kBaselineAgreement = 0.03;
inline constexpr int kChannelTolerance = 48;
inline constexpr int kShift = 2;

/// The PDF's page rasterised by poppler at exactly width×height.
inline QImage rasterisePdf(const QString& pdf, int width, int height)
{
    const QString stem = pdf + "-poppler";
    const Run t = runProgram("pdftoppm", {"-png", "-singlefile", "-scale-to-x", QString::number(width), "-scale-to-y",
                                          QString::number(height), pdf, stem});
    if (t.exitCode != 0) return {};
    return QImage(stem + ".png").convertToFormat(QImage::Format_RGB32);
}

/// The SVG rasterised by librsvg at width×height on white.
inline QImage rasteriseSvg(const QString& svg, int width, int height)
{
    const QString png = svg + "-rsvg.png";
    const Run t = runProgram(
        "rsvg-convert", {"-w", QString::number(width), "-h", QString::number(height), "-b", "white", svg, "-o", png});
    if (t.exitCode != 0) return {};
    return QImage(png).convertToFormat(QImage::Format_RGB32);
}

/// All text poppler extracts from the PDF.
inline QString pdfText(const QString& pdf)
{
    return runProgram("pdftotext", {"-enc", "UTF-8", pdf, "-"}).out;
}

/// The fonts pdffonts lists, with whether each is embedded.
inline QHash<QString, bool> pdfFonts(const QString& pdf)
{
    QHash<QString, bool> fonts;
    const QStringList lines = runProgram("pdffonts", {pdf}).out.split('\n');
    for (int k = 2; k < lines.size(); ++k) {  // two header lines
        const QStringList f = lines[k].split(QRegularExpression("\\s+"), Qt::SkipEmptyParts);
        if (f.size() < 7) continue;
        // name type... encoding emb sub uni object ID: "emb" is the fifth field from the end.
        fonts.insert(f[0], f[f.size() - 5] == "yes");
    }
    return fonts;
}

/// The text of every <text> element of the SVG, in document order.
inline QStringList svgTexts(const QString& svg)
{
    QFile file(svg);
    QStringList texts;
    if (!file.open(QIODevice::ReadOnly)) return texts;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text")
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    return texts;
}

/// The image at half size, each pixel the mean of a 2×2 block. Renderers draw a one-pixel line
/// as one dark column (poppler's stroke adjustment) or two half-grey ones (Qt, librsvg); at half
/// size both are the same grey, while a missing curve or moved text still differs.
inline QImage halfSize(const QImage& image)
{
    return image.scaled(image.width() / 2, image.height() / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

/// Share of pixels that are not (nearly) white.
inline double inkShare(const QImage& image)
{
    qint64 ink = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            ink += qRed(p) < 235 || qGreen(p) < 235 || qBlue(p) < 235;
        }
    return double(ink) / (qint64(image.width()) * image.height());
}

/// Share of the image covered by its most frequent non-white colour: a filled box over the plot
/// (the old PDF's solid rectangle) makes one colour cover most of the page.
inline double largestColourShare(const QImage& image)
{
    QHash<QRgb, qint64> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y) & 0xf0f0f0;  // 16 levels per channel
            if ((p & 0xf0f0f0) != 0xf0f0f0) ++counts[p];
        }
    qint64 most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) most = std::max(most, it.value());
    return double(most) / (qint64(image.width()) * image.height());
}

/// `ours` against its baseline tests/baselines/figure-<kind>.png under `sourceDir` (the same
/// measure as the formats' agreement, limit kBaselineAgreement). Empty when it matches; else what
/// is wrong, with the actual image left in the working folder. With COMMUTELAB_UPDATE_BASELINES
/// set the baseline is written and the answer starts with "written:" (look at it first).
inline QString baselineMismatch(const QImage& ours, const QString& sourceDir, const QString& kind)
{
    const QString baseline = sourceDir + "/tests/baselines/figure-" + kind + ".png";
    if (qEnvironmentVariableIsSet("COMMUTELAB_UPDATE_BASELINES"))
        return ours.save(baseline) ? "written: " + baseline : "cannot write " + baseline;
    const QImage expected(baseline);
    const cl::ui::ImageDifference d =
        cl::ui::compareImages(ours.convertToFormat(QImage::Format_RGB32),
                              expected.convertToFormat(QImage::Format_RGB32), kChannelTolerance, kShift);
    if (!expected.isNull() && d.fraction < kBaselineAgreement) return {};
    const QString actual = QDir::current().filePath("figure-" + kind + ".png");
    ours.save(actual);
    return QString("baseline %1 %2 (difference %3); actual image: %4")
        .arg(baseline, expected.isNull() ? "missing" : "differs")
        .arg(d.fraction)
        .arg(actual);
}

}  // namespace figtest
