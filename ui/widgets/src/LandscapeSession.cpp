#include "ui/LandscapeSession.h"

#include "core/expr/ExpressionError.h"
#include "core/expr/ExpressionLoss.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>
#include <set>

namespace cl::ui {

namespace {

using Scaling = LandscapeOptions::ArrowScaling;

const std::vector<std::pair<Scaling, const char*>>& scalingNames()
{
    static const std::vector<std::pair<Scaling, const char*>> names{{Scaling::Linear, "linear"},
                                                                    {Scaling::SquareRoot, "sqrt"},
                                                                    {Scaling::Log, "log"},
                                                                    {Scaling::Normalised, "normalised"}};
    return names;
}

QString located(const QString& file, int line, int column, const QString& field, const QString& detail)
{
    QString where = file;
    if (line > 0) where += QString(":%1:%2").arg(line).arg(column);
    if (!field.isEmpty()) return QString("%1: field '%2': %3").arg(where, field, detail);
    return QString("%1: %2").arg(where, detail);
}

/// Reads the fields of one JSON object, naming each by its dotted path in errors, and rejects
/// fields it was not asked about (a typo should not pass silently).
class ObjectReader {
public:
    ObjectReader(const QJsonObject& object, QString path, const QString& file)
        : object_(object), path_(std::move(path)), file_(file)
    {
    }

    [[noreturn]] void fail(const QString& key, const QString& detail) const
    {
        throw SessionError(file_, 0, 0, name(key), detail);
    }
    QString name(const QString& key) const { return path_.isEmpty() ? key : path_ + "." + key; }
    bool has(const QString& key) const { return object_.contains(key); }

    QJsonValue required(const QString& key)
    {
        seen_.insert(key);
        if (!object_.contains(key)) fail(key, "missing");
        return object_.value(key);
    }
    std::optional<QJsonValue> optional(const QString& key)
    {
        seen_.insert(key);
        if (!object_.contains(key)) return std::nullopt;
        return object_.value(key);
    }

    double number(const QString& key, const QJsonValue& v) const
    {
        if (!v.isDouble() || !std::isfinite(v.toDouble())) fail(key, "must be a finite number");
        return v.toDouble();
    }
    int integer(const QString& key, const QJsonValue& v, int lo, int hi) const
    {
        const double d = v.isDouble() ? v.toDouble() : NAN;
        if (!(d >= lo && d <= hi) || d != std::floor(d))
            fail(key, QString("must be an integer between %1 and %2").arg(lo).arg(hi));
        return int(d);
    }
    std::string string(const QString& key, const QJsonValue& v) const
    {
        if (!v.isString()) fail(key, "must be a string");
        return v.toString().toStdString();
    }
    bool boolean(const QString& key, const QJsonValue& v) const
    {
        if (!v.isBool()) fail(key, "must be true or false");
        return v.toBool();
    }
    QJsonObject object(const QString& key, const QJsonValue& v) const
    {
        if (!v.isObject()) fail(key, "must be an object");
        return v.toObject();
    }

    void rejectUnknown() const
    {
        for (const QString& key : object_.keys())
            if (!seen_.count(key)) fail(key, "unknown field");
    }

private:
    QJsonObject object_;
    QString path_;
    QString file_;
    std::set<QString> seen_;
};

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

void checkExpression(const ObjectReader& r, const QString& key, const std::string& text)
{
    try {
        ExpressionLoss::fromText(text);
    } catch (const ExpressionError& e) {
        QString message = QString::fromStdString(e.what());
        if (!message.contains("column")) message += QString(" at column %1").arg(e.column());
        r.fail(key, message);
    }
}

}  // namespace

SessionError::SessionError(const QString& file, int line, int column, const QString& field, const QString& detail)
    : std::runtime_error(located(file, line, column, field, detail).toStdString()),
      file_(file),
      line_(line),
      column_(column),
      field_(field),
      detail_(detail)
{
}

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
    if (spec == "l1") return Target::domain(0, 2);
    if (spec == "l2") return Target::domain(1, 2);
    if (spec.rfind("weighted:", 0) == 0) {
        const QString number = QString::fromStdString(spec.substr(9));
        bool ok = false;
        const double w1 = number.toDouble(&ok);
        if (!ok || !(w1 >= 0 && w1 <= 1)) throw std::invalid_argument("weighted:<w1> needs a weight w1 in [0, 1]");
        return Target::weighted({w1, 1 - w1}, spec);
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

std::optional<LandscapePanel> singlePanelOfLayout(const std::string& layout)
{
    if (layout == "side-by-side") return std::nullopt;
    if (layout.rfind("single:", 0) == 0)
        if (auto panel = landscapePanelFromName(layout.substr(7))) return panel;
    throw std::invalid_argument("must be side-by-side or single:l1|l2|bracket|pmap");
}

LandscapeSession parseSession(const QByteArray& json, const QString& file)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(parseError.offset);
        const int line = 1 + int(before.count('\n'));
        const int lineStart = before.lastIndexOf('\n') + 1;
        const int column = 1 + int(QString::fromUtf8(before.mid(lineStart)).size());
        throw SessionError(file, line, column, {}, parseError.errorString());
    }
    if (!document.isObject()) throw SessionError(file, 1, 1, {}, "a session is a JSON object");

    ObjectReader r(document.object(), {}, file);
    LandscapeSession s;
    s.version = r.integer("version", r.required("version"), 1, 1000000);
    if (s.version != LandscapeSession::currentVersion)
        r.fail("version", QString("unsupported version %1 (this CommuteLab reads version %2)")
                              .arg(s.version)
                              .arg(LandscapeSession::currentVersion));
    s.l1 = r.string("l1", r.required("l1"));
    checkExpression(r, "l1", s.l1);
    s.l2 = r.string("l2", r.required("l2"));
    checkExpression(r, "l2", s.l2);
    if (auto v = r.optional("target")) {
        s.target = r.string("target", *v);
        try {
            targetFromSpec(s.target, s.l1, s.l2);
        } catch (const std::invalid_argument& e) {
            r.fail("target", QString::fromUtf8(e.what()));
        }
    }
    if (auto v = r.optional("grid")) s.grid = readGrid(ObjectReader(r.object("grid", *v), "grid", file));
    if (auto v = r.optional("options")) s.options = readOptions(ObjectReader(r.object("options", *v), "options", file));
    if (auto v = r.optional("points")) {
        if (!v->isArray()) r.fail("points", "must be an array");
        const QJsonArray points = v->toArray();
        for (int i = 0; i < points.size(); ++i) {
            const QString name = QString("points[%1]").arg(i);
            if (!points[i].isObject()) r.fail(name, "must be an object with x, y and dt");
            s.points.push_back(readPoint(ObjectReader(points[i].toObject(), name, file)));
        }
    }
    if (auto v = r.optional("descentL1")) s.descentL1 = r.boolean("descentL1", *v);
    if (auto v = r.optional("descentL2")) s.descentL2 = r.boolean("descentL2", *v);
    if (auto v = r.optional("layout")) {
        s.layout = r.string("layout", *v);
        try {
            singlePanelOfLayout(s.layout);
        } catch (const std::invalid_argument& e) {
            r.fail("layout", QString::fromUtf8(e.what()));
        }
    }
    r.rejectUnknown();
    return s;
}

LandscapeSession loadSession(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) throw SessionError(path, 0, 0, {}, "cannot open: " + file.errorString());
    return parseSession(file.readAll(), path);
}

QByteArray sessionToJson(const LandscapeSession& s)
{
    QJsonObject grid{
        {"xmin", s.grid.xmin}, {"xmax", s.grid.xmax}, {"ymin", s.grid.ymin}, {"ymax", s.grid.ymax}, {"n", s.grid.n}};
    QString scaling;
    for (const auto& [value, text] : scalingNames())
        if (value == s.options.arrowScaling) scaling = text;
    QJsonObject options{{"arrowDensity", s.options.arrowDensity},
                        {"arrowScaling", scaling},
                        {"contourCount", s.options.contourCount},
                        {"colorMap", QString::fromStdString(s.options.colorMap)},
                        {"divergingMap", QString::fromStdString(s.options.divergingMap)},
                        {"colorBlindRegions", s.options.colorBlindRegions},
                        {"pLimits", s.options.pScale.limits == ColorScaleSpec::Limits::Manual ? "manual" : "robust"},
                        {"pManualLimit", s.options.pScale.manualLimit},
                        {"pSymLog", s.options.pScale.symLog}};
    QJsonArray points;
    for (const ClickedPointSpec& p : s.points) points.append(QJsonObject{{"x", p.x}, {"y", p.y}, {"dt", p.dt}});
    QJsonObject root{{"version", s.version},
                     {"l1", QString::fromStdString(s.l1)},
                     {"l2", QString::fromStdString(s.l2)},
                     {"target", QString::fromStdString(s.target)},
                     {"grid", grid},
                     {"options", options},
                     {"points", points},
                     {"descentL1", s.descentL1},
                     {"descentL2", s.descentL2},
                     {"layout", QString::fromStdString(s.layout)}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

void saveSession(const LandscapeSession& session, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) throw SessionError(path, 0, 0, {}, "cannot write: " + file.errorString());
    const QByteArray bytes = sessionToJson(session);
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw SessionError(path, 0, 0, {}, "cannot write: " + file.errorString());
}

}  // namespace cl::ui
