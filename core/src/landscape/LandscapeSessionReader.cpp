// Reading a session file (LandscapeSession.h): core's JSON reader gives every value its line and
// column, so each refusal points at the offending value, named by its dotted path.

#include "core/landscape/LandscapeSession.h"

#include "core/expr/ExpressionError.h"
#include "core/expr/ExpressionLoss.h"
#include "core/logs/Json.h"
#include "core/logs/JsonObjectReader.h"
#include "core/logs/LogText.h"

#include <cmath>

namespace cl {

namespace {

using logs::JsonValue;
using Scaling = LandscapeOptions::ArrowScaling;

const std::vector<std::pair<Scaling, const char*>>& scalingNames()
{
    static const std::vector<std::pair<Scaling, const char*>> names{{Scaling::Linear, "linear"},
                                                                    {Scaling::SquareRoot, "sqrt"},
                                                                    {Scaling::Log, "log"},
                                                                    {Scaling::Normalised, "normalised"}};
    return names;
}

using ObjectReader = logs::JsonObjectReader<SessionError>;

GridSpec readGrid(ObjectReader r)
{
    GridSpec g;
    g.xmin = r.number("xmin", r.required("xmin"));
    g.xmax = r.number("xmax", r.required("xmax"));
    g.ymin = r.number("ymin", r.required("ymin"));
    g.ymax = r.number("ymax", r.required("ymax"));
    g.n = r.integer("n", r.required("n"), 2, LandscapeSession::maxGridSize);
    if (!(g.xmax > g.xmin)) r.fail("xmax", "must be greater than xmin");
    if (!(g.ymax > g.ymin)) r.fail("ymax", "must be greater than ymin");
    // Finite ends can still span more than a double holds (-1e308, 1e308): every point NaN.
    if (!std::isfinite((g.xmax - g.xmin) * (g.n - 1)))
        r.fail("xmax", "the x range is too wide (xmax - xmin overflows)");
    if (!std::isfinite((g.ymax - g.ymin) * (g.n - 1)))
        r.fail("ymax", "the y range is too wide (ymax - ymin overflows)");
    r.rejectUnknown();
    return g;
}

LandscapeOptions readOptions(ObjectReader r)
{
    LandscapeOptions o;
    if (auto v = r.optional("arrowDensity")) o.arrowDensity = r.integer("arrowDensity", *v, 2, 200);
    if (auto v = r.optional("arrowScaling")) {
        const std::string name = r.string("arrowScaling", *v);
        bool found = false;
        for (const auto& [scaling, text] : scalingNames())
            if (name == text) o.arrowScaling = scaling, found = true;
        if (!found) r.fail("arrowScaling", "must be one of linear, sqrt, log, normalised");
    }
    if (auto v = r.optional("contourCount")) o.contourCount = r.integer("contourCount", *v, 0, 50);
    if (auto v = r.optional("colorMap")) o.colorMap = r.string("colorMap", *v);
    if (auto v = r.optional("divergingMap")) o.divergingMap = r.string("divergingMap", *v);
    if (auto v = r.optional("colorBlindRegions")) o.colorBlindRegions = r.boolean("colorBlindRegions", *v);
    if (auto v = r.optional("pLimits")) {
        const std::string name = r.string("pLimits", *v);
        if (name != "robust" && name != "manual") r.fail("pLimits", "must be robust or manual");
        o.pScale.limits = name == "manual" ? ColorScaleSpec::Limits::Manual : ColorScaleSpec::Limits::Robust;
    }
    if (auto v = r.optional("pManualLimit")) o.pScale.manualLimit = r.number("pManualLimit", *v);
    if (!(o.pScale.manualLimit > 0)) r.fail("pManualLimit", "must be positive");
    if (auto v = r.optional("pSymLog")) o.pScale.symLog = r.boolean("pSymLog", *v);
    if (o.colorMap.empty()) r.fail("colorMap", "must name a colour map");
    if (o.divergingMap.empty()) r.fail("divergingMap", "must name a colour map");
    r.rejectUnknown();
    return o;
}

ClickedPointSpec readPoint(ObjectReader r)
{
    ClickedPointSpec p;
    p.x = r.number("x", r.required("x"));
    p.y = r.number("y", r.required("y"));
    if (auto v = r.optional("dt")) p.dt = r.number("dt", *v);
    if (!(p.dt > 0)) r.fail("dt", "must be positive");
    r.rejectUnknown();
    return p;
}

std::vector<ClickedPointSpec> readPoints(const ObjectReader& r, const JsonValue& v, const std::string& file)
{
    if (v.type != JsonValue::Type::Array) r.fail("points", "must be an array");
    if (v.items.size() > LandscapeSession::maxPoints)
        r.fail("points", "more than " + std::to_string(LandscapeSession::maxPoints) + " points");
    std::vector<ClickedPointSpec> points;
    points.reserve(v.items.size());
    for (std::size_t i = 0; i < v.items.size(); ++i) {
        const JsonValue& item = v.items[i];
        const std::string name = "points[" + std::to_string(i) + "]";
        if (item.type != JsonValue::Type::Object)
            throw SessionError({file, item.line, item.column, name}, "must be an object with x, y and dt");
        points.push_back(readPoint(ObjectReader(item, name, file)));
    }
    return points;
}

void checkExpression(const ObjectReader& r, const std::string& key, const std::string& text)
{
    try {
        ExpressionLoss::fromText(text);
    } catch (const ExpressionError& e) {
        std::string message = e.what();
        if (message.find("column") == std::string::npos) message += " at column " + std::to_string(e.column());
        r.fail(key, message);
    }
}

}  // namespace

LandscapeSession parseSession(std::string_view json, const std::string& file)
{
    logs::JsonValue document;
    try {
        document = logs::parseJson(json, file);
    } catch (const LogError& e) {
        throw SessionError(e.location(), e.message());
    }
    if (document.type != JsonValue::Type::Object)
        throw SessionError({file, document.line, document.column, {}}, "a session is a JSON object");

    ObjectReader r(document, {}, file);
    LandscapeSession s;
    s.version = r.integer("version", r.required("version"), 1, 1000000);
    if (s.version != LandscapeSession::currentVersion)
        r.fail("version", "unsupported version " + std::to_string(s.version) + " (this CommuteLab reads version " +
                              std::to_string(LandscapeSession::currentVersion) + ")");
    s.l1 = r.string("l1", r.required("l1"));
    checkExpression(r, "l1", s.l1);
    s.l2 = r.string("l2", r.required("l2"));
    checkExpression(r, "l2", s.l2);
    if (auto v = r.optional("target")) {
        s.target = r.string("target", *v);
        try {
            targetFromSpec(s.target, s.l1, s.l2);
        } catch (const std::invalid_argument& e) {
            r.fail("target", e.what());
        }
    }
    if (auto v = r.optional("grid")) s.grid = readGrid(r.object("grid", *v));
    if (auto v = r.optional("options")) s.options = readOptions(r.object("options", *v));
    if (auto v = r.optional("points")) s.points = readPoints(r, *v, file);
    if (auto v = r.optional("descentL1")) s.descentL1 = r.boolean("descentL1", *v);
    if (auto v = r.optional("descentL2")) s.descentL2 = r.boolean("descentL2", *v);
    if (auto v = r.optional("layout")) {
        s.layout = r.string("layout", *v);
        try {
            singlePanelNameOfLayout(s.layout);
        } catch (const std::invalid_argument& e) {
            r.fail("layout", e.what());
        }
    }
    r.rejectUnknown();
    return s;
}

LandscapeSession loadSession(const std::string& path)
{
    // Binary and oversized files are refused before parsing, located like every other error.
    return parseSession(logs::readTextFileAs<SessionError>(path, LandscapeSession::maxFileBytes), path);
}

}  // namespace cl
