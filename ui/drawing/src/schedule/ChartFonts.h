#pragma once
// DejaVu Sans for the lab's VTK text (it has Δ, θ, subscripts, and a zero that does not read as
// "D" like VTK's built-in face), falling back to VTK's default when the font is not installed.

class vtkTextProperty;

namespace cl::ui::schedule {

void useChartFont(vtkTextProperty* text, bool bold = false);

}  // namespace cl::ui::schedule
