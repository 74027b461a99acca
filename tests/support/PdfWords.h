#pragma once
// Where poppler finds each word of a PDF page (`pdftotext -bbox`): an independent reading of
// where the text of a figure ended up. A title that runs into its neighbour, a legend pushed
// off the page or an axis title over the tick labels shows up as overlapping boxes, boxes
// outside the page, or words missing from the page — whatever our painter believed it drew.

#include "CommandRun.h"

#include <QRectF>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <vector>

namespace figtest {

struct PdfWord {
    QString text;
    QRectF box;  // PDF points, origin top-left as pdftotext reports it
};

struct PdfWords {
    double pageWidth = 0, pageHeight = 0;  // points
    std::vector<PdfWord> words;            // of the first page
    bool ok = false;                       // pdftotext ran and a page was found
};

/// The words of the PDF's first page with their boxes.
inline PdfWords pdfWords(const QString& pdf)
{
    PdfWords result;
    const Run t = runProgram("pdftotext", {"-bbox", "-enc", "UTF-8", "-f", "1", "-l", "1", pdf, "-"});
    if (t.exitCode != 0) return result;
    // The delimiter "re" keeps the patterns' `)"` from ending the raw strings.
    static const QRegularExpression page(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
    const auto p = page.match(t.out);
    if (!p.hasMatch()) return result;
    result.pageWidth = p.captured(1).toDouble();
    result.pageHeight = p.captured(2).toDouble();
    static const QRegularExpression word(
        R"re(<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>)re");
    for (auto it = word.globalMatch(t.out); it.hasNext();) {
        const auto m = it.next();
        const double x0 = m.captured(1).toDouble(), y0 = m.captured(2).toDouble();
        const double x1 = m.captured(3).toDouble(), y1 = m.captured(4).toDouble();
        QString text = m.captured(5);
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
        result.words.push_back({text, QRectF(QPointF(x0, y0), QPointF(x1, y1))});
    }
    result.ok = true;
    return result;
}

/// Problems with the page's text layout, one line each (empty: none): a word that leaves the
/// page, or two words whose boxes overlap by more than `overlapFraction` of the smaller box's
/// area (glyph boxes of neighbouring words on one line touch; they do not overlap).
inline QStringList textLayoutProblems(const PdfWords& page, double overlapFraction = 0.15)
{
    QStringList problems;
    const QRectF pageBox(0, 0, page.pageWidth, page.pageHeight);
    for (const PdfWord& w : page.words)
        if (!pageBox.adjusted(-0.5, -0.5, 0.5, 0.5).contains(w.box))
            problems << QString("'%1' leaves the page (%2,%3)-(%4,%5) on %6x%7")
                            .arg(w.text)
                            .arg(w.box.left(), 0, 'f', 1)
                            .arg(w.box.top(), 0, 'f', 1)
                            .arg(w.box.right(), 0, 'f', 1)
                            .arg(w.box.bottom(), 0, 'f', 1)
                            .arg(page.pageWidth, 0, 'f', 0)
                            .arg(page.pageHeight, 0, 'f', 0);
    for (std::size_t a = 0; a < page.words.size(); ++a)
        for (std::size_t b = a + 1; b < page.words.size(); ++b) {
            const QRectF& ra = page.words[a].box;
            const QRectF& rb = page.words[b].box;
            const QRectF both = ra.intersected(rb);
            if (both.isEmpty()) continue;
            const double smaller = std::min(ra.width() * ra.height(), rb.width() * rb.height());
            if (smaller > 0 && both.width() * both.height() > overlapFraction * smaller)
                problems << QString("'%1' and '%2' overlap").arg(page.words[a].text, page.words[b].text);
        }
    return problems;
}

}  // namespace figtest
