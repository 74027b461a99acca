#pragma once
// The one palette of the log window's charts: Okabe & Ito's colour-blind-safe set ("Color Universal
// Design", 2008). Runs take its colours in a fixed order; vermillion is kept for interventions, so
// an intervention never looks like a run.

#include <QColor>

namespace cl::ui::logs {

struct ChartColour {
    unsigned char r = 0, g = 0, b = 0;
    QColor toQColor() const { return QColor(r, g, b); }
};

/// Colour of the run at `index` (load order); cycles after the palette's seven run colours.
ChartColour runColour(int index);
/// Interventions (the paper's red), and anything else that marks a departure from a run.
ChartColour interventionColour();
/// How many distinct run colours there are before they repeat.
int runColourCount();

}  // namespace cl::ui::logs
