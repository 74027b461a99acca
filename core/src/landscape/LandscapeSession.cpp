// The session as data (LandscapeSession.h): equality, the target and layout strings it holds, and
// writing it as JSON; reading is in LandscapeSessionReader.cpp.

#include "core/landscape/LandscapeSession.h"

#include "core/expr/ExpressionError.h"
#include "core/expr/ExpressionLoss.h"
#include "core/logs/AtomicWrite.h"
#include "core/logs/CsvText.h"
#include "core/logs/Json.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace cl {

namespace {

const char* scalingName(LandscapeOptions::ArrowScaling scaling)
{
    switch (scaling) {
        case LandscapeOptions::ArrowScaling::Linear:
            return "linear";
        case LandscapeOptions::ArrowScaling::SquareRoot:
            return "sqrt";
        case LandscapeOptions::ArrowScaling::Log:
            return "log";
        case LandscapeOptions::ArrowScaling::Normalised:
            return "normalised";
    }
    return "sqrt";
}

/// `"key": value` members joined at one indentation, as a JSON object.
std::string object(const std::vector<std::pair<std::string, std::string>>& members, const std::string& indent)
{
    std::string text = "{\n";
    for (std::size_t i = 0; i < members.size(); ++i) {
        text += indent + "    " + logs::jsonQuote(members[i].first) + ": " + members[i].second;
        text += i + 1 < members.size() ? ",\n" : "\n";
    }
    return text + indent + "}";
}

std::string boolean(bool value)
{
    return value ? "true" : "false";
}

}  // namespace

bool operator==(const LandscapeSession& a, const LandscapeSession& b)
{
    const auto& p = a.options;
    const auto& q = b.options;
    const bool sameOptions = p.arrowDensity == q.arrowDensity && p.arrowScaling == q.arrowScaling &&
                             p.contourCount == q.contourCount && p.colorMap == q.colorMap &&
                             p.divergingMap == q.divergingMap && p.colorBlindRegions == q.colorBlindRegions &&
                             p.pScale.limits == q.pScale.limits && p.pScale.manualLimit == q.pScale.manualLimit &&
                             p.pScale.symLog == q.pScale.symLog;
    return a.l1 == b.l1 && a.l2 == b.l2 && a.target == b.target && a.grid == b.grid && sameOptions &&
           a.points == b.points && a.descentL1 == b.descentL1 && a.descentL2 == b.descentL2 && a.layout == b.layout &&
           a.version == b.version;
}

Target targetFromSpec(const std::string& spec, const std::string& l1, const std::string& l2)
{
    if (spec == "mean") return Target::mean(2);
    // Labels as figures name the target (targetDisplayLabel): the surface's axis and the P map's title.
    if (spec == "l1" || spec == "l2") {
        Target t = Target::domain(spec == "l1" ? 0 : 1, 2);
        t.label = spec == "l1" ? "L\u2081" : "L\u2082";
        return t;
    }
    if (spec.rfind("weighted:", 0) == 0) {
        double w1 = 0;  // from_chars underneath: the same in every locale (the GUI's may use a decimal comma)
        if (logs::readNumber(std::string_view(spec).substr(9), w1) != logs::NumberRead::Ok || !(w1 >= 0 && w1 <= 1))
            throw std::invalid_argument("weighted:<w1> needs a weight w1 in [0, 1]");
        char label[64];
        std::snprintf(label, sizeof label, "%.3g L\u2081 + %.3g L\u2082", w1, 1 - w1);
        return Target::weighted({w1, 1 - w1}, label);
    }
    if (spec.rfind("expr:", 0) == 0) {
        const std::string text = spec.substr(5);
        try {
            std::vector<std::pair<std::string, std::string>> named;
            if (!l1.empty()) named.emplace_back("L1", l1);
            if (!l2.empty()) named.emplace_back("L2", l2);
            return Target::loss(std::make_shared<ExpressionLoss>(Expression::parse(text, named)), text);
        } catch (const ExpressionError& e) {
            std::string message = e.what();
            if (message.find("column") == std::string::npos) message += " at column " + std::to_string(e.column());
            throw std::invalid_argument(message);
        }
    }
    throw std::invalid_argument("must be mean, l1, l2, weighted:<w1> or expr:<expression>");
}

std::string targetDisplayLabel(const std::string& spec)
{
    if (spec == "mean") return "mean";
    if (spec == "l1") return "L\u2081";
    if (spec == "l2") return "L\u2082";
    if (spec.rfind("expr:", 0) == 0) return spec.substr(5);
    return targetFromSpec(spec).label;  // weighted:<w1>, checked; anything else throws
}

std::optional<std::string> singlePanelNameOfLayout(const std::string& layout)
{
    if (layout == "side-by-side") return std::nullopt;
    if (layout.rfind("single:", 0) == 0) {
        std::string panel = layout.substr(7);
        std::transform(panel.begin(), panel.end(), panel.begin(), [](unsigned char c) { return std::tolower(c); });
        if (panel == "l1" || panel == "l2" || panel == "bracket" || panel == "pmap") return panel;
    }
    throw std::invalid_argument("must be side-by-side or single:l1|l2|bracket|pmap");
}

std::string sessionToJson(const LandscapeSession& s)
{
    // Numbers shortest round-trip (logs::jsonNumber): a saved session reads back equal.
    const auto number = [](double v) { return logs::jsonNumber(v); };
    const auto& o = s.options;
    const std::string grid = object({{"xmin", number(s.grid.xmin)},
                                     {"xmax", number(s.grid.xmax)},
                                     {"ymin", number(s.grid.ymin)},
                                     {"ymax", number(s.grid.ymax)},
                                     {"n", std::to_string(s.grid.n)}},
                                    "    ");
    const std::string options =
        object({{"arrowDensity", std::to_string(o.arrowDensity)},
                {"arrowScaling", logs::jsonQuote(scalingName(o.arrowScaling))},
                {"contourCount", std::to_string(o.contourCount)},
                {"colorMap", logs::jsonQuote(o.colorMap)},
                {"divergingMap", logs::jsonQuote(o.divergingMap)},
                {"colorBlindRegions", boolean(o.colorBlindRegions)},
                {"pLimits", logs::jsonQuote(o.pScale.limits == ColorScaleSpec::Limits::Manual ? "manual" : "robust")},
                {"pManualLimit", number(o.pScale.manualLimit)},
                {"pSymLog", boolean(o.pScale.symLog)}},
               "    ");
    std::string points = "[";
    for (std::size_t i = 0; i < s.points.size(); ++i) {
        const ClickedPointSpec& p = s.points[i];
        points += i == 0 ? "\n" : ",\n";
        points += "        {\"x\": " + number(p.x) + ", \"y\": " + number(p.y) + ", \"dt\": " + number(p.dt) + "}";
    }
    points += s.points.empty() ? "]" : "\n    ]";
    return object({{"version", std::to_string(s.version)},
                   {"l1", logs::jsonQuote(s.l1)},
                   {"l2", logs::jsonQuote(s.l2)},
                   {"target", logs::jsonQuote(s.target)},
                   {"grid", grid},
                   {"options", options},
                   {"points", points},
                   {"descentL1", boolean(s.descentL1)},
                   {"descentL2", boolean(s.descentL2)},
                   {"layout", logs::jsonQuote(s.layout)}},
                  "") +
           "\n";
}

void saveSession(const LandscapeSession& session, const std::string& path)
{
    const std::string reason = logs::writeTextAtomically(path, sessionToJson(session));
    if (!reason.empty()) throw SessionError({path, 0, 0, {}}, "cannot write: " + reason);
}

}  // namespace cl
