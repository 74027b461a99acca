#include "HeatMapItem.h"

#include "ChartFonts.h"
#include "ui/ChartLayout.h"
#include "ui/FigureStyle.h"

#include <vtkBrush.h>
#include <vtkContext2D.h>
#include <vtkContextScene.h>
#include <vtkObjectFactory.h>
#include <vtkPen.h>
#include <vtkTextProperty.h>

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cl::ui::schedule {

vtkStandardNewMacro(HeatMapItem);

namespace {

/// Text of `pixels` at 96 dpi, scaled to the figure's DPI.
void font(vtkContext2D* painter, double pixels, double scale, int justify, int vertical, bool bold = false)
{
    vtkTextProperty* t = painter->GetTextProp();
    t->SetFontSize(std::max(1, int(std::lround(pixels * scale))));
    t->SetColor(0.1, 0.1, 0.1);
    t->SetJustification(justify);
    t->SetVerticalJustification(vertical);
    useChartFont(t, bold);
    t->SetOrientation(0);
}

std::string number(double v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", v);
    return text;
}

}  // namespace

void HeatMapItem::setData(std::string title, Matrix matrix, std::vector<std::string> labels)
{
    title_ = std::move(title);
    matrix_ = std::move(matrix);
    labels_ = std::move(labels);
    Modified();
}

void HeatMapItem::colourOf(double value, double range, unsigned char rgb[3])
{
    // The style's diverging map with its one sign convention for P: positive at the high end.
    static const ColorMap map = ColorMap::named(figureStyle().divergingMap);
    const double f = range > 0 ? std::clamp(value / range, -1.0, 1.0) : 0.0;
    const Rgb c = map.at(0.5 + 0.5 * f);
    rgb[0] = c.r, rgb[1] = c.g, rgb[2] = c.b;
}

bool HeatMapItem::Paint(vtkContext2D* painter)
{
    const float W = float(GetScene()->GetSceneWidth()), H = float(GetScene()->GetSceneHeight());
    const float s = float(scale_);
    // The title shrinks, then is cut with "…", to stay on the page (ChartLayout).
    // Their sizes are pixels at 96 dpi: 15 px = 11.25 pt, 12 px = 9 pt.
    const FittedText title = fitText(QString::fromStdString(title_), 15 * 0.75, W - 16 * s, s, true);
    font(painter, title.pixels / scale_, s, VTK_TEXT_CENTERED, VTK_TEXT_TOP, true);
    painter->DrawString(W / 2, H - 8 * s, title.text.toStdString().c_str());
    const auto k = int(matrix_.rows());
    if (k == 0 || matrix_.cols() != k) return true;
    const double range = matrix_.cwiseAbs().maxCoeff();

    // The caption is one line where it fits on the page; else its two parts on two lines (each
    // fitted), with room made below the matrix for the second.
    const QString what = QStringLiteral("row A, column B: e(A,B) = P(L_A, L_B; mean)");
    const QString sign = QStringLiteral("(< 0: A before B is better)");
    const FittedText oneLine = fitText(what + "  " + sign, 12 * 0.75, W - 8 * s, s);
    const bool twoLines = oneLine.elided;
    const float margin = 60 * s, captionSpace = (twoLines ? 64 : 50) * s, titleSpace = 50 * s, barWidth = 22 * s,
                barGap = 30 * s, barLabels = 80 * s;
    const float room =
        std::max(40.0f * s, std::min(W - margin - barGap - barWidth - barLabels, H - captionSpace - titleSpace));
    const float side = std::min(room, 130.0f * s * k), cell = side / k;
    // Centred in the scene, the colour bar included.
    const float left = margin + std::max(0.0f, (W - margin - side - barGap - barWidth - barLabels) / 2);
    const float bottom = captionSpace + std::max(0.0f, (H - captionSpace - titleSpace - side) / 2), top = bottom + side;
    const bool printValues = cell >= 38 * s;
    painter->GetPen()->SetColor(255, 255, 255);
    painter->GetPen()->SetWidth(s);
    for (int a = 0; a < k; ++a)
        for (int b = 0; b < k; ++b) {
            unsigned char rgb[3];
            colourOf(matrix_(a, b), range, rgb);
            painter->GetBrush()->SetColor(rgb[0], rgb[1], rgb[2]);
            const float x = left + b * cell, y = top - (a + 1) * cell;
            painter->DrawRect(x, y, cell, cell);
            if (printValues && a != b) {
                font(painter, std::clamp(cell / s / 4.5f, 9.0f, 13.0f), s, VTK_TEXT_CENTERED, VTK_TEXT_CENTERED);
                if (std::abs(matrix_(a, b)) > 0.6 * range) painter->GetTextProp()->SetColor(1, 1, 1);
                painter->DrawString(x + cell / 2, y + cell / 2, number(matrix_(a, b)).c_str());
            }
        }
    // A thin frame, so white (near-zero) cells at the edge still show where the matrix ends.
    painter->GetPen()->SetColor(150, 150, 150);
    painter->GetBrush()->SetOpacity(0);
    painter->DrawRect(left, bottom, side, side);
    painter->GetBrush()->SetOpacity(255);
    font(painter, 13, s, VTK_TEXT_RIGHT, VTK_TEXT_CENTERED);
    for (int a = 0; a < k && a < int(labels_.size()); ++a)
        painter->DrawString(left - 6 * s, top - (a + 0.5f) * cell, labels_[std::size_t(a)].c_str());
    font(painter, 13, s, VTK_TEXT_CENTERED, VTK_TEXT_TOP);
    for (int b = 0; b < k && b < int(labels_.size()); ++b)
        painter->DrawString(left + (b + 0.5f) * cell, bottom - 6 * s, labels_[std::size_t(b)].c_str());
    // Centred under the matrix, moved sideways to stay on the page.
    float y = bottom - 26 * s;
    for (const QString& line : twoLines ? QStringList{what, sign} : QStringList{what + "  " + sign}) {
        const FittedText caption = fitText(line, 12 * 0.75, W - 8 * s, s);
        const float half = float(caption.width / 2);
        const float centre = std::clamp(left + side / 2, half + 4 * s, std::max(half + 4 * s, W - half - 4 * s));
        font(painter, caption.pixels / scale_, s, VTK_TEXT_CENTERED, VTK_TEXT_TOP);
        painter->DrawString(centre, y, caption.text.toStdString().c_str());
        y -= float(textHeight(caption.pixels));
    }

    // Colour bar: 64 strips from -range (bottom) to +range (top).
    const float bx = left + side + barGap;
    constexpr int strips = 64;
    for (int strip = 0; strip < strips; ++strip) {
        unsigned char rgb[3];
        colourOf(range * (2.0 * (strip + 0.5) / strips - 1.0), range, rgb);
        painter->GetPen()->SetColor(rgb[0], rgb[1], rgb[2]);
        painter->GetBrush()->SetColor(rgb[0], rgb[1], rgb[2]);
        painter->DrawRect(bx, bottom + side * strip / strips, barWidth, side / strips);
    }
    painter->GetPen()->SetColor(60, 60, 60);
    painter->GetBrush()->SetOpacity(0);
    painter->DrawRect(bx, bottom, barWidth, side);
    painter->GetBrush()->SetOpacity(255);
    font(painter, 12, s, VTK_TEXT_LEFT, VTK_TEXT_CENTERED);
    // Five labels where they clear each other, else the ends and zero.
    const bool five = side / 4 >= 1.3 * textHeight(int(std::lround(12 * s)));
    for (int i = -2; i <= 2; ++i) {
        if (!five && (i == -1 || i == 1)) continue;
        const float y = bottom + side * (i + 2) / 4.0f;
        painter->DrawLine(bx + barWidth, y, bx + barWidth + 4 * s, y);
        painter->DrawString(bx + barWidth + 7 * s, y, number(range * i / 2.0).c_str());
    }
    return true;
}

}  // namespace cl::ui::schedule
