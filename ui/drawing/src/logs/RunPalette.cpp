#include "RunPalette.h"

#include <iterator>

namespace cl::ui::logs {

namespace {
// Okabe-Ito: blue, orange, bluish green, reddish purple, sky blue, yellow, black. Blue first: a
// single run keeps the blue the paper's figures use for the base run.
constexpr ChartColour kRuns[] = {{0, 114, 178},  {230, 159, 0},  {0, 158, 115}, {204, 121, 167},
                                 {86, 180, 233}, {240, 228, 66}, {0, 0, 0}};
constexpr ChartColour kVermillion{213, 94, 0};
}  // namespace

ChartColour runColour(int index)
{
    const int n = static_cast<int>(std::size(kRuns));
    return kRuns[((index % n) + n) % n];
}

ChartColour interventionColour()
{
    return kVermillion;
}

int runColourCount()
{
    return static_cast<int>(std::size(kRuns));
}

}  // namespace cl::ui::logs
