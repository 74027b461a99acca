// The command line as a user meets it: the real binary, its output formats, exit codes and
// error messages. Numbers are checked against core computed in this process.

#include "Approx.h"
#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include "CommandRun.h"

#include <QtTest>

using namespace cl;

namespace {

Run runCommutelab(const QStringList& args)
{
    return runProgram(qEnvironmentVariable("COMMUTELAB_BINARY"), args);
}

const QString kL1 = "0.5*(x-1)^2 + 2*(y-0.5)^2 + 0.3*x*y";
const QString kL2 = "log(1 + (x+1)^2 + 3*(y+0.5)^2) + 0.2*cos(2*x)*sin(y)";

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void helpListsEveryCommandWithItsOptions()
    {
        const Run run = runCommutelab({"--help"});
        QCOMPARE(run.exitCode, 0);
        for (const char* word : {"fields", "table1", "plan", "import", "simulate", "--l1", "--target", "--range",
                                 "--grid", "--json", "--trials", "--dim", "--domains"})
            QVERIFY2(run.out.contains(word), word);
        const Run one = runCommutelab({"fields", "--help"});
        QCOMPARE(one.exitCode, 0);
        QVERIFY(one.out.startsWith("usage: commutelab fields --l1 EXPR --l2 EXPR"));
    }

    void versionPrintsTheVersion()
    {
        const Run run = runCommutelab({"--version"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QString("commutelab ") + COMMUTELAB_VERSION);
    }

    void fieldsJsonMatchesCore()
    {
        const Run run = runCommutelab({"fields", "--l1", kL1, "--l2", kL2, "--target", "mean", "--range",
                                       "-3,3,-2,2.5", "--grid", "65", "--json"});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);

        FieldRequest request;
        request.l1 = ExpressionLoss::fromText(kL1.toStdString());
        request.l2 = ExpressionLoss::fromText(kL2.toStdString());
        request.grid = GridSpec{-3, 3, -2, 2.5, 65};
        FieldGrid grid;
        sampleFields(request, grid);
        const FieldSummary s = summarize(grid);
        // Shortest round-trip printing: the numbers come back exactly.
        QCOMPARE(o["green_fraction"].toDouble(), s.greenFraction);
        QCOMPARE(o["purple_fraction"].toDouble(), s.purpleFraction);
        QCOMPARE(o["neutral_fraction"].toDouble(), s.neutralFraction);
        QCOMPARE(o["undefined_fraction"].toDouble(), s.undefinedFraction);
        QCOMPARE(o["p_min"].toDouble(), s.pMin);
        QCOMPARE(o["p_max"].toDouble(), s.pMax);
        CL_COMPARE_APPROX(o["p_mean"].toDouble(), s.pMean, 1e-12, 1e-12);
        QVERIFY(o["seconds"].toDouble() >= 0);
    }

    void fieldsTextFormatHasOneKeyPerLine()
    {
        const Run run = runCommutelab({"fields", "--l1", "x^2", "--l2", "log(y)", "--grid", "11"});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.trimmed().split('\n');
        QStringList keys;
        for (const QString& line : lines) keys << line.section(':', 0, 0);
        QCOMPARE(keys, QStringList({"green_fraction", "purple_fraction", "neutral_fraction", "p_min", "p_mean",
                                    "p_max", "undefined_fraction", "seconds"}));
        // log(y) is undefined for y <= 0: 6 of 11 rows on [-3, 3].
        QVERIFY(lines[6].startsWith("undefined_fraction: "));
        QCOMPARE(lines[6].section(": ", 1).toDouble(), 6.0 / 11.0);
    }

    void errorsGoToStderrWithTheirPlace_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax") << QStringList{"fields", "--l1", "(x+1))", "--l2", "y"} << 1
                                << "commutelab fields: error: --l1: unexpected ')' at column 6";
        QTest::newRow("unknown name") << QStringList{"fields", "--l1", "x", "--l2", "z*y"} << 1
                                      << "commutelab fields: error: --l2: unknown name: z (column 1)";
        QTest::newRow("missing option") << QStringList{"fields", "--l1", "x"} << 2
                                        << "commutelab fields: missing required option --l2";
        QTest::newRow("bad range") << QStringList{"fields", "--l1", "x", "--l2", "y", "--range", "1,2,3"} << 2
                                   << "commutelab fields: --range: expected 4 comma-separated numbers, got 3";
        QTest::newRow("empty range") << QStringList{"fields", "--l1", "x", "--l2", "y", "--range", "1,-1,0,1"} << 1
                                     << "commutelab fields: error: grid: xmax must be greater than xmin";
        QTest::newRow("not a number") << QStringList{"fields", "--l1", "x", "--l2", "y", "--grid", "ten"} << 2
                                      << "commutelab fields: --grid: 'ten' is not a whole number";
        QTest::newRow("unknown option") << QStringList{"fields", "--l1", "x", "--l2", "y", "--colour"} << 2
                                        << "commutelab fields: unknown option --colour (see --help)";
        QTest::newRow("unknown command") << QStringList{"feilds"} << 2
                                         << "commutelab: unknown command 'feilds' (commutelab --help lists them)";
    }

    void errorsGoToStderrWithTheirPlace()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run run = runCommutelab(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.trimmed().startsWith(message), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void table1JsonHasEveryCell()
    {
        const Run run = runCommutelab({"table1", "--dim", "20", "--trials", "8", "--seed", "3", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8());
        QVERIFY(doc.isObject());
        QVERIFY2(run.out.count("\"median\"") == 9, qPrintable(run.out));
    }

    void planReportsItsFigures()
    {
        const Run run = runCommutelab({"plan", "--domains", "3", "--dim", "20", "--trials", "10", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        for (const char* key : {"best_order_rate", "mean_percentile", "pairwise_accuracy", "seconds_per_plan"})
            QVERIFY2(o.contains(key), key);
        QVERIFY(o["best_order_rate"].toDouble() >= 0 && o["best_order_rate"].toDouble() <= 1);
    }

    void planComparesMethodsSideBySide()
    {
        // The chosen method on top, all three under "methods", scored on the same models: the exact
        // ordering's predicted gain τ²(J(worst) − J(best)) bounds every heuristic's, and it finds
        // the best curriculum at least as often as Borda on these 20 models.
        const Run run = runCommutelab(
            {"plan", "--domains", "4", "--dim", "20", "--trials", "20", "--seed", "7", "--method", "local", "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(o["method"].toString(), QString("local"));
        const QJsonObject methods = o["methods"].toObject();
        QCOMPARE(methods.keys(), (QStringList{"borda", "exact", "local"}));
        QCOMPARE(o["best_order_rate"].toDouble(), methods["local"].toObject()["best_order_rate"].toDouble());
        const QJsonObject exact = methods["exact"].toObject(), borda = methods["borda"].toObject();
        QVERIFY(exact["best_order_rate"].toDouble() >= borda["best_order_rate"].toDouble());
        for (const char* heuristic : {"borda", "local"})
            QVERIFY(exact["predicted_gain"].toDouble() >=
                    methods[heuristic].toObject()["predicted_gain"].toDouble() * (1 - 1e-12));
        const Run text = runCommutelab({"plan", "--domains", "3", "--dim", "10", "--trials", "3"});
        QVERIFY2(text.out.contains("method: exact") && text.out.contains("borda "), qPrintable(text.out));
        const Run bad = runCommutelab({"plan", "--method", "greedy"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--method") && bad.err.contains("greedy"), qPrintable(bad.err));
    }

    void importReadsThePaperSampleAndRefusesGarbage()
    {
        const QString sample = qEnvironmentVariable("COMMUTELAB_SOURCE_DIR") + "/resources/logs/paper-table2.json";
        const Run run = runCommutelab({"import", sample});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("3") && run.out.contains("4"), qPrintable(run.out));
        QTemporaryDir dir;
        QFile bad(dir.filePath("bad.csv"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("step,L_en,L_ru\n100,3.5,abc\n");
        bad.close();
        const Run failed = runCommutelab({"import", bad.fileName()});
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.contains("bad.csv:2:"), qPrintable(failed.err));
    }
};

QTEST_APPLESS_MAIN(TestCli)
#include "test_cli.moc"
