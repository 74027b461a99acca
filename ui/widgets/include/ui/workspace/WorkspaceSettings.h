#pragma once
// What the landscape workspace remembers between runs, through QSettings (organisation and
// application "CommuteLab", group "landscape"): drawing options, grid resolution, Δt, layout and
// recently used session files. Tests point QSettings at a temporary folder (QSettings::setPath).

#include "ui/LandscapeOptions.h"

#include <QString>
#include <QStringList>

namespace cl::ui {

struct WorkspaceSettings {
    LandscapeOptions options;
    int gridSize = 200;
    double dt = 0.1;
    QString layout = "side-by-side";
    QStringList recentSessions;

    static constexpr int minGridSize = 16;
    static constexpr int maxGridSize = 1024;
    static constexpr int maxRecent = 8;

    static WorkspaceSettings load();
    void save() const;
    /// Puts `path` first in recentSessions (once), keeping at most maxRecent.
    void remember(const QString& path);
};

}  // namespace cl::ui
