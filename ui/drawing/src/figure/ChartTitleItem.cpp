#include "ChartTitleItem.h"

#include "ui/FigureStyle.h"

#include <vtkContext2D.h>
#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkTextProperty.h>

namespace cl::ui {

vtkStandardNewMacro(ChartTitleItem);

void ChartTitleItem::setTitle(const FittedText& title, double x, double y, bool bold)
{
    title_ = title;
    x_ = x;
    y_ = y;
    bold_ = bold;
    Modified();
}

bool ChartTitleItem::Paint(vtkContext2D* painter)
{
    if (title_.text.isEmpty()) return true;
    vtkNew<vtkTextProperty> text;
    useStyleFont(text, bold_);
    text->SetFontSize(title_.pixels);
    const Rgb ink = figureStyle().ink;
    text->SetColor(ink.r / 255.0, ink.g / 255.0, ink.b / 255.0);
    text->SetJustificationToCentered();
    text->SetVerticalJustificationToBottom();
    painter->ApplyTextProp(text);
    painter->DrawString(float(x_), float(y_), title_.text.toStdString().c_str());
    return true;
}

}  // namespace cl::ui
