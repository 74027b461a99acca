#include "ChartStyle.h"

#include "ui/FigureStyle.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkPen.h>
#include <vtkPlot.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>

namespace cl::ui::logs {

void styleChartAxis(vtkAxis* axis, const QString& title, double scale, bool grid)
{
    axis->SetTitle(title.toStdString());
    const FigureStyle& style = figureStyle();
    useStyleFont(axis->GetTitleProperties(), style.axisTitlePt, scale);
    useStyleFont(axis->GetLabelProperties(), style.tickPt, scale);
    axis->GetPen()->SetWidth(static_cast<float>(pointsToPixels(style.axisLinePt, scale)));
    axis->GetGridPen()->SetColor(style.grid.r, style.grid.g, style.grid.b);
    axis->GetGridPen()->SetWidth(static_cast<float>(pointsToPixels(style.gridLinePt, scale)));
    axis->SetGridVisible(grid);
}

vtkSmartPointer<vtkTable> makeXYTable(const std::vector<double>& xs, const std::vector<double>& ys, const char* xName,
                                      const char* yName)
{
    auto table = vtkSmartPointer<vtkTable>::New();
    vtkNew<vtkDoubleArray> x, y;
    x->SetName(xName);
    y->SetName(yName);
    x->SetNumberOfValues(static_cast<vtkIdType>(xs.size()));
    y->SetNumberOfValues(static_cast<vtkIdType>(ys.size()));
    for (std::size_t i = 0; i < xs.size(); ++i) {
        x->SetValue(static_cast<vtkIdType>(i), xs[i]);
        y->SetValue(static_cast<vtkIdType>(i), ys[i]);
    }
    table->AddColumn(x);
    table->AddColumn(y);
    return table;
}

vtkPlot* addXYSeries(vtkChartXY* chart, int type, const std::vector<double>& xs, const std::vector<double>& ys,
                     const char* xName, const char* yName)
{
    vtkPlot* plot = chart->AddPlot(type);
    plot->SetInputData(makeXYTable(xs, ys, xName, yName), 0, 1);
    return plot;
}

}  // namespace cl::ui::logs
