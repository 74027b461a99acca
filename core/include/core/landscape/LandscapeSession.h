#pragma once
// A landscape session: everything the landscape workspace shows, as plain data and as a
// human-readable JSON file (File ▸ Save session / Open session, and `commutelab render --session`).
//
//   {
//     "version": 1,
//     "l1": "0.5*(x-1)^2 + ...", "l2": "...",
//     "target": "mean",                       // mean | l1 | l2 | weighted:<w1> | expr:<text>
//     "grid": {"xmin": -3, "xmax": 3, "ymin": -3, "ymax": 3, "n": 200},
//     "options": {"arrowDensity": 24, "arrowScaling": "sqrt", "contourCount": 7,
//                 "colorMap": "viridis", "divergingMap": "RdBu", "colorBlindRegions": true,
//                 "pLimits": "robust", "pManualLimit": 0.001, "pSymLog": false},
//     "points": [{"x": 0.5, "y": -1, "dt": 0.1}],
//     "descentL1": false, "descentL2": false,
//     "layout": "side-by-side"                // or single:l1 | single:l2 | single:bracket | single:pmap
//   }
//
// Every field but "version", "l1" and "l2" may be left out (defaults below). Read with core's JSON
// reader, so every error is located like a log's: "file:line:column: field 'grid.n': message"
// (docs/workspace.md, "Sessions").

#include "core/FieldGrid.h"
#include "core/Target.h"
#include "core/landscape/LandscapeOptions.h"
#include "core/logs/LogError.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cl {

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
    std::string layout = "side-by-side";  // or "single:<panel>", panel one of l1, l2, bracket, pmap
    int version = 1;

    static constexpr int currentVersion = 1;
    static constexpr int maxGridSize = 2048;
    /// Each clicked point starts three flows in the workspace; more than this is not a session
    /// anyone clicked, and would keep the GUI busy for minutes (docs/workspace.md, "Limits").
    static constexpr std::size_t maxPoints = 10000;
    /// Largest session file read (it is a few hundred bytes plus 50 per point).
    static constexpr std::uint64_t maxFileBytes = std::uint64_t(4) << 20;
};

bool operator==(const LandscapeSession& a, const LandscapeSession& b);
inline bool operator!=(const LandscapeSession& a, const LandscapeSession& b)
{
    return !(a == b);
}

/// A session file that cannot be read or written: file, line, column (of the offending value;
/// 0 when the problem is the whole file) and the field's dotted path ("grid.n", "points[2].dt").
class SessionError : public LogError {
public:
    using LogError::LogError;
};

/// Reads a session file. Throws SessionError (unreadable, binary or too large file, malformed
/// JSON, a missing, wrong-typed, out-of-range or unknown field), always located.
LandscapeSession loadSession(const std::string& path);
/// Same, from the file's text; `file` only names the source in messages.
LandscapeSession parseSession(std::string_view json, const std::string& file);

/// Indented JSON that parseSession reads back to an equal session (numbers written shortest
/// round-trip).
std::string sessionToJson(const LandscapeSession& session);
/// Writes sessionToJson to a temporary file beside `path` and renames it over `path`: the old
/// file stays intact unless the new one is complete. Throws SessionError with the reason.
void saveSession(const LandscapeSession& session, const std::string& path);

/// The target named by a session's "target" string. An expression may use L1 and L2 by name
/// (`0.7*L1 + 0.3*L2`, `max(L1, L2)`) when their texts are given. Throws std::invalid_argument
/// for an unknown form or an expression that does not parse (the message then carries the column).
Target targetFromSpec(const std::string& spec, const std::string& l1 = {}, const std::string& l2 = {});

/// How a figure names the target of a "target" string (the P map's title, P(L₁, L₂; name)):
/// "mean", "L₁", "L₂", "0.3 L₁ + 0.7 L₂" (weights to 3 significant digits) or the expression's
/// text. The workspace and `commutelab render` both call it, so their figures say the same.
/// Throws std::invalid_argument where targetFromSpec would.
std::string targetDisplayLabel(const std::string& spec);

/// "side-by-side" → nullopt; "single:<panel>" → the panel's name in lower case (l1, l2, bracket,
/// pmap; the file may use any case). Throws std::invalid_argument otherwise.
std::optional<std::string> singlePanelNameOfLayout(const std::string& layout);

}  // namespace cl
