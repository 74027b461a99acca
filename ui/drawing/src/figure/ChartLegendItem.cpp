#include "ChartLegendItem.h"

#include "ui/FigureStyle.h"

#include <vtkContext2D.h>
#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkPlot.h>
#include <vtkRect.h>
#include <vtkTextProperty.h>

#include <algorithm>

namespace cl::ui {

vtkStandardNewMacro(ChartLegendItem);

void ChartLegendItem::setEntries(std::vector<vtkSmartPointer<vtkPlot>> plots, const LegendLayout& layout, double scale)
{
    plots_ = std::move(plots);
    layout_ = layout;
    scale_ = scale;
    Modified();
}

bool ChartLegendItem::Paint(vtkContext2D* painter)
{
    const LegendLayout& l = layout_;
    const std::size_t n = std::min(plots_.size(), l.labels.size());
    const float symbolHeight = float(l.rowHeight - 3 * scale_);
    const Rgb ink = figureStyle().ink;
    for (std::size_t i = 0; i < n; ++i) {
        // Row by row, left to right: reading order.
        const int column = int(i) % l.columns, row = int(i) / l.columns;
        const float x = float(l.columnLefts[std::size_t(column)]);
        const float centre = float(l.top - (row + 0.5) * l.rowHeight);
        plots_[i]->PaintLegend(painter, vtkRectf(x, centre - symbolHeight / 2, float(l.symbolWidth), symbolHeight), 0);
        vtkNew<vtkTextProperty> text;
        useStyleFont(text);
        text->SetFontSize(l.pixels);
        text->SetColor(ink.r / 255.0, ink.g / 255.0, ink.b / 255.0);
        text->SetOpacity(1);
        text->SetJustificationToLeft();
        text->SetVerticalJustificationToCentered();
        text->SetOrientation(0);
        painter->ApplyTextProp(text);
        painter->DrawString(x + float(l.symbolWidth + 4 * scale_), centre, l.labels[i].toStdString().c_str());
    }
    return true;
}

}  // namespace cl::ui
