#pragma once
// A landscape session: everything the landscape workspace shows, as a human-readable JSON file
// (File ▸ Save session / Open session, and `commutelab render --session`).
//
//   {
//     "version": 1,
//     "l1": "0.5*(x-1)^2 + ...", "l2": "...",
//     "target": "mean",                       // mean | l1 | l2 | weighted:<w1> | expr:<text>
//     "grid": {"xmin": -3, "xmax": 3, "ymin": -3, "ymax": 3, "n": 200},
//     "options": {"arrowDensity": 24, "arrowScaling": "sqrt", "contourCount": 7,
//                 "colorMap": "viridis", "divergingMap": "RdBu", "colorBlindRegions": true},
//     "points": [{"x": 0.5, "y": -1, "dt": 0.1}],
//     "descentL1": false, "descentL2": false,
//     "layout": "side-by-side"                // or single:l1 | single:l2 | single:bracket | single:pmap
//   }
//
// Every field but "version", "l1" and "l2" may be left out (defaults below). Errors are located:
// `file:line:column: message` for malformed JSON, `file: field 'grid.n': message` otherwise.

#include "ui/LandscapeOptions.h"

#include "core/FieldGrid.h"
#include "core/Target.h"

#include <QString>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cl::ui {

/// A clicked point θ0 and the time step of its flows.
struct ClickedPointSpec {
    double x = 0, y = 0;
    double dt = 0.1;
    bool operator==(const ClickedPointSpec& o) const { return x == o.x && y == o.y && dt == o.dt; }
};

struct LandscapeSession {
    std::string l1, l2;
    std::string target = "mean";       // mean | l1 | l2 | weighted:<w1> | expr:<text>
    GridSpec grid{-3, 3, -3, 3, 200};  // the view rectangle and the resolution it is sampled at
    LandscapeOptions options;
    std::vector<ClickedPointSpec> points;
    bool descentL1 = false, descentL2 = false;
    std::string layout = "side-by-side";  // or "single:<panel>" with a landscapePanelName
    int version = 1;

    static constexpr int currentVersion = 1;
    static constexpr int maxGridSize = 2048;
};

bool operator==(const LandscapeSession& a, const LandscapeSession& b);
inline bool operator!=(const LandscapeSession& a, const LandscapeSession& b)
{
    return !(a == b);
}

/// A session file that cannot be read, located: what() is the full message.
class SessionError : public std::runtime_error {
public:
    SessionError(const QString& file, int line, int column, const QString& field, const QString& detail);

    QString file() const { return file_; }
    int line() const { return line_; }        // 1-based; 0 when not known (semantic errors)
    int column() const { return column_; }    // 1-based; 0 when not known
    QString field() const { return field_; }  // dotted path, e.g. "grid.n" or "points[2].dt"; may be empty
    QString detail() const { return detail_; }

private:
    QString file_;
    int line_, column_;
    QString field_, detail_;
};

/// Reads a session. Throws SessionError (unreadable file, malformed JSON with line and column,
/// a missing or wrong-typed or out-of-range field named by its path).
LandscapeSession loadSession(const QString& path);
/// Same, from bytes; `file` only names the source in messages.
LandscapeSession parseSession(const QByteArray& json, const QString& file);

/// Writes indented JSON through QSaveFile: the old file stays intact unless the new one is
/// complete. Throws SessionError (with the path and the reason) when it cannot be written.
void saveSession(const LandscapeSession& session, const QString& path);
QByteArray sessionToJson(const LandscapeSession& session);

/// The target named by a session's "target" string. An expression may use L1 and L2 by name
/// (`0.7*L1 + 0.3*L2`, `max(L1, L2)`) when their texts are given. Throws std::invalid_argument
/// for an unknown form or an expression that does not parse (the message then carries the column).
Target targetFromSpec(const std::string& spec, const std::string& l1 = {}, const std::string& l2 = {});

/// "side-by-side" → nullopt; "single:<panel>" → that panel. Throws std::invalid_argument otherwise.
std::optional<LandscapePanel> singlePanelOfLayout(const std::string& layout);

}  // namespace cl::ui
