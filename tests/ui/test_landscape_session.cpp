// Landscape sessions: every field survives save and open; malformed files give located messages
// (line and column for bad JSON, the field's path otherwise); saving is atomic.

#include "ui/LandscapeSession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace cl;
using namespace cl::ui;

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

QString writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(text);
    return path;
}

/// JSON written with single quotes, for readability in C++ strings.
QByteArray json(const char* text)
{
    return QByteArray(text).replace('\'', '"');
}

QString errorOf(const QString& path)
{
    try {
        loadSession(path);
    } catch (const SessionError& e) {
        return QString::fromUtf8(e.what());
    }
    return "no error";
}

}  // namespace

class TestLandscapeSession : public QObject {
    Q_OBJECT

private slots:
    void roundTripsEveryField()
    {
        QTemporaryDir dir;
        const LandscapeSession s = everyFieldChanged();
        const QString path = dir.filePath("session.json");
        saveSession(s, path);
        const LandscapeSession back = loadSession(path);
        QVERIFY(back == s);
        QCOMPARE(back.grid.ymax, s.grid.ymax);  // shortest round-trip digits, bit for bit
        QCOMPARE(back.points[1].x, 1.0 / 3.0);
        // Human-readable: indented, one field per line.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains("\n    \"layout\": \"single:pmap\""));
        // And the defaults round-trip too.
        LandscapeSession d;
        d.l1 = "x^2";
        d.l2 = "y^2";
        saveSession(d, path);
        QVERIFY(loadSession(path) == d);
    }

    void omittedFieldsTakeDefaults()
    {
        const LandscapeSession s = parseSession(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2'}"), "s.json");
        QCOMPARE(s.target, std::string("mean"));
        QCOMPARE(s.grid.n, 200);
        QCOMPARE(s.layout, std::string("side-by-side"));
        QVERIFY(s.points.empty());
    }

    void truncatedFileGivesLineAndColumn()
    {
        QTemporaryDir dir;
        const QByteArray full = sessionToJson(everyFieldChanged());
        const QByteArray cut = full.left(full.indexOf("\"xmax\"") + 4);
        const QString path = writeText(dir, "session.json", cut);
        const int line = 1 + int(cut.count('\n'));
        try {
            loadSession(path);
            QFAIL("a truncated file loaded");
        } catch (const SessionError& e) {
            QCOMPARE(e.line(), line);
            QVERIFY(e.column() > 1);
            QCOMPARE(QString::fromUtf8(e.what()),
                     QString("%1:%2:%3: %4").arg(path).arg(line).arg(e.column()).arg(e.detail()));
        }
        // A syntax error in the middle: line 3, column 11 (where the parser stopped, just after the stray x).
        const QString bad = writeText(dir, "bad.json", "{\n  \"version\": 1,\n  \"l1\": 1x\n}\n");
        QVERIFY2(errorOf(bad).startsWith(bad + ":3:11: unterminated object"), qPrintable(errorOf(bad)));
    }

    void wrongTypeNamesTheField()
    {
        QTemporaryDir dir;
        const QString path = writeText(
            dir, "session.json", json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'grid': {'xmin': -1, 'xmax': 1, 'ymin': -1, 'ymax': 1, 'n': 'many'}}"));
        QCOMPARE(errorOf(path), path + ": field 'grid.n': must be an integer between 2 and 2048");
        const QString descent = writeText(dir, "d.json", json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'descentL1': 1}"));
        QCOMPARE(errorOf(descent), descent + ": field 'descentL1': must be true or false");
        const QString point = writeText(dir, "p.json",
                                        json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'points': [{'x': 0, 'y': 0}, {'x': 0, 'y': 'a'}]}"));
        QCOMPARE(errorOf(point), point + ": field 'points[1].y': must be a finite number");
    }

    void outOfRangeNamesTheField()
    {
        QTemporaryDir dir;
        const QString path = writeText(
            dir, "session.json", json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'grid': {'xmin': -1, 'xmax': 1, 'ymin': -1, 'ymax': 1, 'n': 4096}}"));
        QCOMPARE(errorOf(path), path + ": field 'grid.n': must be an integer between 2 and 2048");
        const QString rect = writeText(dir, "r.json", json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'grid': {'xmin': 1, 'xmax': 1, 'ymin': -1, 'ymax': 1, 'n': 20}}"));
        QCOMPARE(errorOf(rect), rect + ": field 'grid.xmax': must be greater than xmin");
        const QString dt = writeText(dir, "t.json",
                                     json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'points': [{'x': 0, 'y': 0, 'dt': 0}]}"));
        QCOMPARE(errorOf(dt), dt + ": field 'points[0].dt': must be positive");
        const QString version = writeText(dir, "v.json", json("{'version': 2, 'l1': 'x^2', 'l2': 'y^2'}"));
        QCOMPARE(errorOf(version), version + ": field 'version': unsupported version 2 (this CommuteLab reads version 1)");
    }

    void semanticErrorsInStrings()
    {
        auto error = [](const QByteArray& json) {
            try {
                parseSession(json, "s.json");
            } catch (const SessionError& e) {
                return QString::fromUtf8(e.what());
            }
            return QString("no error");
        };
        QCOMPARE(error(json("{'version': 1, 'l1': 'x^2 +)', 'l2': 'y^2'}")),
                 QString("s.json: field 'l1': expected an operand at column 6 but found ')'"));
        QCOMPARE(error(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'target': 'both'}")),
                 QString("s.json: field 'target': must be mean, l1, l2, weighted:<w1> or expr:<expression>"));
        QCOMPARE(error(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'layout': 'single:map'}")),
                 QString("s.json: field 'layout': must be side-by-side or single:l1|l2|bracket|pmap"));
        QCOMPARE(error(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'grdi': {}}")),
                 QString("s.json: field 'grdi': unknown field"));
        QCOMPARE(error(json("{'version': 1, 'l2': 'y^2'}")), QString("s.json: field 'l1': missing"));
        QCOMPARE(error(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'options': {'pLimits': 'auto'}}")),
                 QString("s.json: field 'options.pLimits': must be robust or manual"));
        QCOMPARE(error(json("{'version': 1, 'l1': 'x^2', 'l2': 'y^2', 'options': {'arrowScaling': 'cubic'}}")),
                 QString("s.json: field 'options.arrowScaling': must be one of linear, sqrt, log, normalised"));
    }

    void targetsParse()
    {
        QCOMPARE(targetFromSpec("l2").mix, (std::vector<double>{0, 1}));
        QCOMPARE(targetFromSpec("weighted:0.25").mix, (std::vector<double>{0.25, 0.75}));
        QVERIFY(!targetFromSpec("expr:x*y").isMix());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, targetFromSpec("expr:x*"));
        QVERIFY(!singlePanelOfLayout("side-by-side"));
        QCOMPARE(*singlePanelOfLayout("single:bracket"), LandscapePanel::Bracket);
    }

    void saveIsAtomic()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("locked");
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + "/session.json";
        const LandscapeSession old = everyFieldChanged();
        saveSession(old, path);
        const QByteArray before = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();

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
        QString message;
        try {
            saveSession(changed, path);
        } catch (const SessionError& e) {
            message = QString::fromUtf8(e.what());
        }
        if (immutable) QProcess::execute("chattr", {"-i", folder});
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        QVERIFY2(message.startsWith(path + ": cannot write: "), qPrintable(message));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QVERIFY(loadSession(path) == old);
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{"session.json"});  // no temporary left
    }
};

QTEST_MAIN(TestLandscapeSession)
#include "test_landscape_session.moc"
