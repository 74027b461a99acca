// Landscape sessions in core: every field survives save and open; files written by the Qt-based
// writer of earlier versions still read (Qt's QJsonDocument here is the independent writer);
// malformed files give located messages (file, line, column of the offending value, field);
// saving is atomic; hostile files found by fuzzing (tools/fuzz/fuzz_session.cpp) are refused.

#include "core/landscape/LandscapePreset.h"
#include "core/landscape/LandscapeSession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace cl;

namespace {

LandscapeSession everyFieldChanged()
{
    LandscapeSession s;
    s.l1 = "0.5*(x-1)^2 + 2*(y-0.5)^2";
    s.l2 = "log(1 + (x+1)^2 + 3*(y+0.5)^2)";
    s.target = "weighted:0.25";
    s.grid = GridSpec{-1.25, 2.5, -0.1, 3.0000000000000004, 317};
    s.options.arrowDensity = 31;
    s.options.arrowScaling = LandscapeOptions::ArrowScaling::Log;
    s.options.contourCount = 11;
    s.options.colorMap = "magma";
    s.options.divergingMap = "PuOr";
    s.options.colorBlindRegions = false;
    s.options.pScale.limits = ColorScaleSpec::Limits::Manual;
    s.options.pScale.manualLimit = 2.5e-3;
    s.options.pScale.symLog = true;
    s.points = {{0.1, -0.2, 0.05}, {1.0 / 3.0, 2.0 / 7.0, 0.3}};
    s.descentL1 = true;
    s.descentL2 = true;
    s.layout = "single:pmap";
    return s;
}

/// What CommuteLab 0.x wrote (ui/LandscapeSession.cpp before the move to core): a QJsonObject,
/// so keys in alphabetical order, 4-space indentation, Qt's own number formatting.
QByteArray writtenByQt(const LandscapeSession& s)
{
    const char* scaling[] = {"linear", "sqrt", "log", "normalised"};
    QJsonObject grid{
        {"xmin", s.grid.xmin}, {"xmax", s.grid.xmax}, {"ymin", s.grid.ymin}, {"ymax", s.grid.ymax}, {"n", s.grid.n}};
    QJsonObject options{{"arrowDensity", s.options.arrowDensity},
                        {"arrowScaling", scaling[int(s.options.arrowScaling)]},
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

std::string writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(text);
    return path.toStdString();
}

/// JSON written with single quotes, for readability in C++ strings.
std::string json(const char* text)
{
    std::string s = text;
    std::replace(s.begin(), s.end(), '\'', '"');
    return s;
}

QString errorOf(const std::string& text)
{
    try {
        parseSession(text, "s.json");
    } catch (const SessionError& e) {
        return QString::fromStdString(e.what());
    }
    return "no error";
}

std::string readAll(const std::string& path)
{
    QFile f(QString::fromStdString(path));
    f.open(QIODevice::ReadOnly);
    return f.readAll().toStdString();
}

}  // namespace

class TestLandscapeSession : public QObject {
    Q_OBJECT

private slots:
    void roundTripsEveryField()
    {
        QTemporaryDir dir;
        const LandscapeSession s = everyFieldChanged();
        const std::string path = dir.filePath("session.json").toStdString();
        saveSession(s, path);
        const LandscapeSession back = loadSession(path);
        QVERIFY(back == s);
        QCOMPARE(back.grid.ymax, s.grid.ymax);  // shortest round-trip digits, bit for bit
        QCOMPARE(back.points[1].x, 1.0 / 3.0);
        QCOMPARE(back.points[1].y, 2.0 / 7.0);
        // Human-readable: indented, one field per line; and valid JSON for another reader (Qt's).
        const std::string text = readAll(path);
        QVERIFY(text.find("\n    \"layout\": \"single:pmap\"") != std::string::npos);
        QJsonParseError error;
        const QJsonObject qt = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(qt["grid"].toObject()["ymax"].toDouble(), 3.0000000000000004);
        QCOMPARE(qt["points"].toArray()[1].toObject()["y"].toDouble(), 2.0 / 7.0);
        QCOMPARE(qt["target"].toString(), QString("weighted:0.25"));
        // Unicode and quotes in a string survive too.
        LandscapeSession u = s;
        u.target = "expr:0.5*L1 + 0.5*L2";
        u.options.colorMap = "na\"me\\ \u00e9\u2081";
        saveSession(u, path);
        QVERIFY(loadSession(path) == u);
        // And the defaults round-trip too.
        LandscapeSession d;
        d.l1 = "x^2";
        d.l2 = "y^2";
        saveSession(d, path);
        QVERIFY(loadSession(path) == d);
    }

    void filesOfEarlierVersionsStillRead()
    {
        // Written by Qt, as every session saved before the model moved to core.
        QTemporaryDir dir;
        const LandscapeSession s = everyFieldChanged();
        QVERIFY(loadSession(writeText(dir, "old.json", writtenByQt(s))) == s);
        // Every built-in preset as the workspace saved it when opened from the menu.
        for (const LandscapePreset& preset : landscapePresets()) {
            LandscapeSession p;
            p.l1 = preset.l1;
            p.l2 = preset.l2;
            p.grid = preset.grid;
            p.points = {{0.5, -1, 0.1}};
            QVERIFY2(parseSession(writtenByQt(p).toStdString(), preset.name) == p, preset.name.c_str());
            QVERIFY2(parseSession(sessionToJson(p), preset.name) == p, preset.name.c_str());
        }
        // The sample sessions in resources/sessions/, named after the preset each was saved from.
        const QDir samples(QStringLiteral(COMMUTELAB_SOURCE_ROOT) + "/resources/sessions");
        const QStringList files = samples.entryList({"*.json"}, QDir::Files);
        QVERIFY2(files.size() >= 2, qPrintable(samples.path()));
        for (const QString& name : files) {
            const LandscapeSession sample = loadSession(samples.filePath(name).toStdString());
            const LandscapePreset& preset = findLandscapePreset(QFileInfo(name).completeBaseName().toStdString());
            QCOMPARE(sample.l1, preset.l1);
            QCOMPARE(sample.l2, preset.l2);
            QVERIFY(sample.grid == preset.grid);
            QVERIFY(!sample.points.empty());
            QVERIFY(parseSession(sessionToJson(sample), "again") == sample);
        }
        // A session typed by hand as docs/workspace.md shows it, with a byte-order mark and CRLF.
        const LandscapeSession typed = loadSession(writeText(
            dir, "typed.json",
            "\xEF\xBB\xBF{\"version\": 1, \"l1\": \"x^2\", \"l2\": \"y^2\",\r\n \"layout\": \"single:PMap\"}\r\n"));
        QCOMPARE(typed.layout, std::string("single:PMap"));
        QCOMPARE(*singlePanelNameOfLayout(typed.layout), std::string("pmap"));
    }

    void omittedFieldsTakeDefaults()
    {
        const LandscapeSession s = parseSession(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2'}"), "s.json");
        QCOMPARE(s.target, std::string("mean"));
        QCOMPARE(s.grid.n, 200);
        QCOMPARE(s.layout, std::string("side-by-side"));
        QVERIFY(s.points.empty());
    }

    void malformedJsonGivesLineAndColumn()
    {
        QTemporaryDir dir;
        const std::string full = sessionToJson(everyFieldChanged());
        const std::string cut = full.substr(0, full.find("\"xmax\"") + 4);
        const std::string path = writeText(dir, "session.json", QByteArray::fromStdString(cut));
        const long line = 1 + long(std::count(cut.begin(), cut.end(), '\n'));
        try {
            loadSession(path);
            QFAIL("a truncated file loaded");
        } catch (const SessionError& e) {
            QCOMPARE(e.file(), path);
            QCOMPARE(e.line(), line);
            QVERIFY(e.column() > 1);
            QCOMPARE(std::string(e.what()),
                     path + ":" + std::to_string(line) + ":" + std::to_string(e.column()) + ": " + e.message());
        }
        // A stray character after a value: line 3, column 10 (the x after "1").
        QCOMPARE(errorOf("{\n  \"version\": 1,\n  \"l1\": 1x\n}\n").left(12), QString("s.json:3:10:"));
        QVERIFY(errorOf("").startsWith("s.json:1:1: "));
        QCOMPARE(errorOf("[1, 2]"), QString("s.json:1:1: a session is a JSON object"));
        // A repeated key would make the file say two things: refused where the second one is.
        QVERIFY2(errorOf(json("{'version': 1,\n'version': 1}")).startsWith("s.json:2:1: "),
                 qPrintable(errorOf(json("{'version': 1,\n'version': 1}"))));
    }

    void fieldErrorsPointAtTheValue()
    {
        // file:line:column of the value, then the field's dotted path.
        QCOMPARE(errorOf(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2',\n"
                              " 'grid': {'xmin': -1, 'xmax': 1, 'ymin': -1, 'ymax': 1, 'n': 'many'}}")),
                 QString("s.json:2:62: field 'grid.n': must be an integer between 2 and 2048"));
        QCOMPARE(errorOf(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'descentL1': 1}")),
                 QString("s.json:1:55: field 'descentL1': must be true or false"));
        QCOMPARE(errorOf(json(
                     "{'version': 1, 'l1': 'x^2', 'l2': 'y^2',\n'points': [{'x': 0, 'y': 0},\n {'x': 0, 'y': 'a'}]}")),
                 QString("s.json:3:16: field 'points[1].y': must be a finite number"));
        QCOMPARE(errorOf(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'points': [{'x': 0, 'y': 0}, 7]}")),
                 QString("s.json:1:71: field 'points[1]': must be an object with x, y and dt"));
        // A missing field is located at the object that lacks it.
        QCOMPARE(errorOf(json("{'version': 1, 'l2': 'y^2'}")), QString("s.json:1:1: field 'l1': missing"));
        QCOMPARE(errorOf(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'points': [{'x': 0}]}")),
                 QString("s.json:1:53: field 'points[0].y': missing"));
    }

    void outOfRangeNamesTheField()
    {
        const auto withGrid = [](const char* grid) {
            return errorOf(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'grid': ") + json(grid) + "}");
        };
        QVERIFY(withGrid("{'xmin': -1, 'xmax': 1, 'ymin': -1, 'ymax': 1, 'n': 4096}")
                    .endsWith("field 'grid.n': must be an integer between 2 and 2048"));
        QVERIFY(withGrid("{'xmin': -1, 'xmax': 1, 'ymin': -1, 'ymax': 1, 'n': 20.5}")
                    .endsWith("field 'grid.n': must be an integer between 2 and 2048"));
        QVERIFY(withGrid("{'xmin': 1, 'xmax': 1, 'ymin': -1, 'ymax': 1, 'n': 20}")
                    .endsWith("field 'grid.xmax': must be greater than xmin"));
        QVERIFY(errorOf(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'points': [{'x': 0, 'y': 0, 'dt': 0}]}"))
                    .endsWith("field 'points[0].dt': must be positive"));
        QVERIFY(errorOf(json("{'version': 2, 'l1': 'x^2', 'l2': 'y^2'}"))
                    .endsWith("field 'version': unsupported version 2 (this CommuteLab reads version 1)"));
    }

    void semanticErrorsInStrings()
    {
        QCOMPARE(errorOf(json("{'version': 1, 'l1': 'x^2 +)', 'l2': 'y^2'}")),
                 QString("s.json:1:22: field 'l1': expected an operand at column 6 but found ')'"));
        QVERIFY(errorOf(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'target': 'both'}"))
                    .endsWith("field 'target': must be mean, l1, l2, weighted:<w1> or expr:<expression>"));
        QVERIFY(errorOf(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'layout': 'single:map'}"))
                    .endsWith("field 'layout': must be side-by-side or single:l1|l2|bracket|pmap"));
        QCOMPARE(errorOf(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'grdi': {}}")),
                 QString("s.json:1:50: field 'grdi': unknown field"));
        QVERIFY(errorOf(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'options': {'pLimits': 'auto'}}"))
                    .endsWith("field 'options.pLimits': must be robust or manual"));
        QVERIFY(errorOf(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'options': {'arrowScaling': 'cubic'}}"))
                    .endsWith("field 'options.arrowScaling': must be one of linear, sqrt, log, normalised"));
    }

    void targetsParse()
    {
        QCOMPARE(targetFromSpec("l2").mix, (std::vector<double>{0, 1}));
        QCOMPARE(targetFromSpec("weighted:0.25").mix, (std::vector<double>{0.25, 0.75}));
        QCOMPARE(targetFromSpec("weighted:1e-1").mix, (std::vector<double>{0.1, 0.9}));
        QVERIFY(!targetFromSpec("expr:x*y").isMix());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, targetFromSpec("expr:x*"));
        for (const char* bad : {"weighted:", "weighted:0,25", "weighted:1.5", "weighted:nan", "weighted:0.2x"})
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument, targetFromSpec(bad));
        QVERIFY(!singlePanelNameOfLayout("side-by-side"));
        QCOMPARE(*singlePanelNameOfLayout("single:bracket"), std::string("bracket"));
    }

    void targetsAreNamedOneWay()
    {
        // The P map's title in the window and in `render` (one function): subscripts as in the
        // paper, the second weight 1 − w1 to 3 significant digits, an expression as typed.
        QCOMPARE(targetDisplayLabel("mean"), std::string("mean"));
        QCOMPARE(targetDisplayLabel("l1"), std::string("L\u2081"));
        QCOMPARE(targetDisplayLabel("l2"), std::string("L\u2082"));
        QCOMPARE(targetDisplayLabel("weighted:0.3"), std::string("0.3 L\u2081 + 0.7 L\u2082"));
        QCOMPARE(targetDisplayLabel("weighted:0.12345"), std::string("0.123 L\u2081 + 0.877 L\u2082"));
        QCOMPARE(targetDisplayLabel("expr:0.7*L1 + 0.3*L2"), std::string("0.7*L1 + 0.3*L2"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, targetDisplayLabel("weighted:2"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, targetDisplayLabel("median"));
    }

    // One test per class of what tools/fuzz/fuzz_session.cpp looks for (docs/workspace.md, "Limits").
    void hostileFilesAreRefusedWithALocation()
    {
        // A range whose width overflows a double: every sampled point would be NaN.
        QVERIFY(errorOf(json("{'version': 1, 'l1': 'x', 'l2': 'y', 'grid': {'xmin': -1e308, 'xmax': 1e308, "
                             "'ymin': -1, 'ymax': 1, 'n': 20}}"))
                    .endsWith("field 'grid.xmax': the x range is too wide (xmax - xmin overflows)"));
        // Numbers beyond a double, and non-finite literals, are not numbers of a session.
        QVERIFY(errorOf(json("{'version': 1, 'l1': 'x', 'l2': 'y', 'points': [{'x': 1e999, 'y': 0}]}"))
                    .startsWith("s.json:1:"));
        QVERIFY(errorOf(json("{'version': 1, 'l1': 'x', 'l2': 'y', 'points': [{'x': NaN, 'y': 0}]}"))
                    .startsWith("s.json:1:"));
        // Deep nesting stops at the JSON reader's documented depth, not the stack.
        std::string deep = json("{'version': 1, 'l1': 'x', 'l2': 'y', 'grid': ");
        deep += std::string(100000, '[') + std::string(100000, ']') + "}";
        QVERIFY(errorOf(deep).startsWith("s.json:1:"));
        // More clicked points than a workspace can flow: refused before any is kept.
        std::string many = json("{'version': 1, 'l1': 'x', 'l2': 'y', 'points': [");
        for (std::size_t i = 0; i <= LandscapeSession::maxPoints; ++i) many += (i ? "," : "") + json("{'x':0,'y':0}");
        QVERIFY(errorOf(many + "]}").endsWith("field 'points': more than 10000 points"));
        // A target naming L1 twenty thousand times, with a long L1: L1 is parsed once, not per use
        // (re-parsing took about 16 ms per use of a 4 KB L1, so this file took minutes).
        std::string l1 = "x";
        for (int i = 0; i < 4000; ++i) l1 += "+x*y";
        std::string target = "expr:L1";
        for (int i = 1; i < 20000; ++i) target += "+L1";
        const LandscapeSession named = parseSession(
            "{\"version\": 1, \"l1\": \"" + l1 + "\", \"l2\": \"y\", \"target\": \"" + target + "\"}", "named.json");
        const Target t = targetFromSpec(named.target, named.l1, named.l2);
        QVERIFY(t.custom);
        const Vector theta = (Vector(2) << 0.5, 0.25).finished();
        QCOMPARE(t.custom->value(theta), 20000 * (0.5 + 4000 * 0.125));
        // Binary, invalid UTF-8 and oversized files are refused up front by the text reader.
        QTemporaryDir dir;
        QVERIFY(QString::fromStdString([&] {
                    try {
                        loadSession(writeText(dir, "bin.json", QByteArray("{\"version\"\0\1", 12)));
                    } catch (const SessionError& e) {
                        return std::string(e.what());
                    }
                    return std::string("no error");
                }())
                    .startsWith(dir.filePath("bin.json")));
        QVERIFY(errorOf("{\"version\": 1, \"l1\": \"x\xff\", \"l2\": \"y\"}").startsWith("s.json:1:"));
        const std::string big = writeText(dir, "big.json", QByteArray(int(LandscapeSession::maxFileBytes) + 1, ' '));
        QVERIFY_THROWS_EXCEPTION(SessionError, loadSession(big));
        QVERIFY_THROWS_EXCEPTION(SessionError, loadSession(dir.filePath("missing.json").toStdString()));
    }

    void saveIsAtomic()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("locked");
        QVERIFY(QDir().mkpath(folder));
        const std::string path = (folder + "/session.json").toStdString();
        const LandscapeSession old = everyFieldChanged();
        saveSession(old, path);
        const std::string before = readAll(path);

        // Read-only folder: mode bits, and for root (who ignores them) the immutable attribute.
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner);
        bool immutable = false;
        if (::geteuid() == 0) immutable = QProcess::execute("chattr", {"+i", folder}) == 0;
        const bool writable = QFile(folder + "/probe").open(QIODevice::WriteOnly);
        if (writable) {
            QFile::remove(folder + "/probe");
            QSKIP("cannot make a read-only folder here (root without chattr)");
        }

        LandscapeSession changed = old;
        changed.l1 = "x^4";
        std::string message;
        try {
            saveSession(changed, path);
        } catch (const SessionError& e) {
            message = e.what();
        }
        if (immutable) QProcess::execute("chattr", {"-i", folder});
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        QVERIFY2(message.rfind(path + ": cannot write: ", 0) == 0, message.c_str());
        QCOMPARE(readAll(path), before);
        QVERIFY(loadSession(path) == old);
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{"session.json"});  // no temporary left
    }
};

QTEST_MAIN(TestLandscapeSession)
#include "test_landscape_session.moc"
