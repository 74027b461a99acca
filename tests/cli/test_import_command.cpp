// `commutelab import PATH...` as a user meets it with logs of other tools and with --write:
// the real binary, its JSON output checked against core read in this process.

#include "core/logs/LogFile.h"
#include "core/logs/LogSources.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include "CommandRun.h"

#include <QtTest>

#include <cstring>

using namespace cl;
using namespace cl::logs;

namespace {

Run runCommutelab(const QStringList& args)
{
    return runProgram(qEnvironmentVariable("COMMUTELAB_BINARY"), args);
}

QString sourceDir()
{
    return qEnvironmentVariable("COMMUTELAB_SOURCE_DIR");
}
QString sharedLogs()
{
    return QDir(sourceDir() + "/../shared/external-logs").absolutePath();
}

QJsonObject jsonOf(const Run& run)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    return error.error == QJsonParseError::NoError ? o : QJsonObject();
}

// Bit for bit: a recorded NaN and a missing cell stay apart.
bool same(const std::vector<double>& a, const std::vector<double>& b)
{
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

void compareLogs(const RunLog& a, const RunLog& b)
{
    QCOMPARE(a.domains, b.domains);
    QVERIFY(same(a.baseWeights, b.baseWeights));
    QVERIFY(same({a.learningRate}, {b.learningRate}));
    QCOMPARE(a.pScaledByLr2, b.pScaledByLr2);
    QCOMPARE(a.target, b.target);
    QCOMPARE(a.metadata, b.metadata);
    QVERIFY(same(a.checkpoints.step, b.checkpoints.step));
    for (int d = 0; d < a.domainCount(); ++d) QVERIFY(same(a.checkpoints.loss[d], b.checkpoints.loss[d]));
    QVERIFY(same(a.checkpoints.targetLoss, b.checkpoints.targetLoss));
    QVERIFY(same(a.pValues.step, b.pValues.step));
    QVERIFY(same(a.pValues.value, b.pValues.value));
    QVERIFY(same(a.pValues.stdError, b.pValues.stdError));
    QCOMPARE(a.pValues.first, b.pValues.first);
    QCOMPARE(a.pValues.target, b.pValues.target);
    QVERIFY(same(a.interventions.start, b.interventions.start));
    QVERIFY(same(a.interventions.deltaW, b.interventions.deltaW));
    QCOMPARE(a.interventions.first, b.interventions.first);
    QCOMPARE(a.interventions.excess.size(), b.interventions.excess.size());
    for (std::size_t d = 0; d < a.interventions.excess.size(); ++d)
        QVERIFY(same(a.interventions.excess[d], b.interventions.excess[d]));
}

}  // namespace

class TestImportCommand : public QObject {
    Q_OBJECT

private slots:
    void writeRoundTripsEverySample_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("suffix");
        const QDir logs(sourceDir() + "/resources/logs");
        for (const QString& name : logs.entryList(QDir::Files, QDir::Name))
            for (const char* suffix : {"json", "jsonl", "csv"})
                QTest::newRow(qPrintable(name + " -> " + suffix)) << logs.filePath(name) << suffix;
    }

    void writeRoundTripsEverySample()
    {
        QFETCH(QString, sample);
        QFETCH(QString, suffix);
        QTemporaryDir dir;
        const QString out = dir.filePath("converted." + suffix);
        const Run run = runCommutelab({"import", sample, "--write", out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        compareLogs(readLog(sample.toStdString()), readLog(out.toStdString()));
    }

    void externalLogListGuessAndHandMapping()
    {
        const QString file = sharedLogs() + "/hf-trainer-state/aigoncharov--trainer_state_viz/trainer_state.json";
        if (!QFileInfo::exists(file)) QSKIP("../shared/external-logs is absent: real-log tests skipped");
        const Run list = runCommutelab({"import", file, "--list", "--json"});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray series = jsonOf(list)["series"].toArray();
        QCOMPARE(series.size(), 34);
        bool seen = false;
        for (const auto& s : series) {
            const QJsonObject o = s.toObject();
            if (o["name"].toString() != "eval_g0_loss") continue;
            seen = true;
            QCOMPARE(o["axis"].toString(), QString("step"));
            QCOMPARE(o["count"].toInt(), 31);
            QCOMPARE(o["min_step"].toDouble(), 0.0);
            QCOMPARE(o["max_step"].toDouble(), 12030.0);
        }
        QVERIFY(seen);

        const QJsonObject guessed = jsonOf(runCommutelab({"import", file, "--json"}));
        QCOMPARE(guessed["format"].toString(), QString("hf-trainer-state"));
        QCOMPARE(guessed["mapping"].toString(), QString("guessed"));
        QCOMPARE(guessed["domains"].toArray().size(), 6);
        QCOMPARE(guessed["checkpoints"].toInt(), 31);

        const Run hand = runCommutelab(
            {"import", file, "--domain", "en=eval_g1_loss", "--domain", "ru=eval_g4_loss", "--x", "step", "--json"});
        QCOMPARE(hand.exitCode, 0);
        const QJsonObject o = jsonOf(hand);
        QCOMPARE(o["mapping"].toString(), QString("given"));
        QCOMPARE(o["domains"].toArray(), QJsonArray({"en", "ru"}));
        // The front of the (en, ru) plane, against core's own reading of the same file.
        LoadOptions options;
        options.mapping.domains = {{"en", "eval_g1_loss"}, {"ru", "eval_g4_loss"}};
        const auto runs = loadRuns({file.toStdString()}, options);
        QCOMPARE(o["checkpoints"].toInt(), int(runs.front().log.checkpoints.size()));
        QCOMPARE(o["front_candidates"].toInt(), 31);
        QVERIFY(!o["front_steps"].toArray().isEmpty());

        // --write of an external run: the mapped checkpoints, read back the same.
        QTemporaryDir dir;
        const QString out = dir.filePath("aigoncharov.json");
        QCOMPARE(runCommutelab(
                     {"import", file, "--domain", "en=eval_g1_loss", "--domain", "ru=eval_g4_loss", "--write", out})
                     .exitCode,
                 0);
        compareLogs(runs.front().log, readLog(out.toStdString()));
    }

    void foldersGiveOneReportPerRun()
    {
        QTemporaryDir dir;
        for (const char* name : {"a", "b", "c"}) {
            QDir().mkpath(dir.filePath(name));
            QFile f(dir.filePath(QString(name) + "/metrics.csv"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("step,train_loss,val_loss\n100,3.0,3.2\n200,2.5,2.9\n");
        }
        const Run run = runCommutelab({"import", dir.path(), "--json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray runs = jsonOf(run)["runs"].toArray();
        QCOMPARE(runs.size(), 3);
        QCOMPARE(runs[1].toObject()["run"].toString(), QString("b/metrics"));
        QCOMPARE(runs[1].toObject()["domains"].toArray(), QJsonArray({"train", "val"}));
        QCOMPARE(runs[1].toObject()["front_steps"].toArray(), QJsonArray({200}));
    }

    void mappingFileAndSidecar()
    {
        QTemporaryDir dir;
        for (const char* name : {"a", "b"}) {
            QDir().mkpath(dir.filePath(name));
            QFile f(dir.filePath(QString(name) + "/metrics.csv"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("step,head_x,head_y,train_loss,val_loss\n100,3.0,3.5,1,2\n200,2.5,3.25,1,2\n");
        }
        const QString mapping = dir.filePath("mine.json");
        {
            QFile f(mapping);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"format\": \"commutelab-mapping\", \"domains\": {\"en\": \"head_x\", \"ru\": \"head_y\"}}\n");
        }
        auto check = [](const Run& run, const QString& how) {
            QCOMPARE(run.exitCode, 0);
            const QJsonArray runs = jsonOf(run)["runs"].toArray();
            QCOMPARE(runs.size(), 2);
            for (const auto& r : runs) {
                const QJsonObject o = r.toObject();
                QCOMPARE(o["mapping"].toString(), how);
                QCOMPARE(o["domains"].toArray(),
                         how == "guessed" ? QJsonArray({"train", "val"}) : QJsonArray({"en", "ru"}));
                // (3.0, 3.5) is dominated by (2.5, 3.25): step 200 alone is the front.
                if (how != "guessed") QCOMPARE(o["front_steps"].toArray(), QJsonArray({200}));
            }
        };
        check(runCommutelab({"import", dir.path(), "--json"}), "guessed");
        check(runCommutelab({"import", dir.path(), "--mapping", mapping, "--json"}), "file");
        // The same file as the folder's sidecar is found without being named.
        QVERIFY(QFile::copy(mapping, dir.filePath("commutelab-mapping.json")));
        const Run sidecar = runCommutelab({"import", dir.path(), "--json"});
        check(sidecar, "file");
        QCOMPARE(jsonOf(sidecar)["runs"].toArray()[0].toObject()["mapping_file"].toString(),
                 dir.filePath("commutelab-mapping.json"));
        check(runCommutelab({"import", dir.path(), "--no-sidecar", "--json"}), "guessed");
        // --domain overrides it; both at once is a usage error.
        const Run hand =
            runCommutelab({"import", dir.path(), "--domain", "p=head_y", "--domain", "q=head_x", "--json"});
        QCOMPARE(jsonOf(hand)["runs"].toArray()[0].toObject()["domains"].toArray(), QJsonArray({"p", "q"}));
        QCOMPARE(runCommutelab({"import", dir.path(), "--mapping", mapping, "--domain", "p=head_y"}).exitCode, 2);
        // A bad mapping file: exit 1 with its place.
        QFile bad(dir.filePath("commutelab-mapping.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly | QIODevice::Truncate));
        bad.write("{\"format\": \"commutelab-mapping\",\n \"domains\": {\"en\": \"head_x\"}}\n");
        bad.close();
        const Run broken = runCommutelab({"import", dir.path()});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.err.startsWith(dir.filePath("commutelab-mapping.json") +
                                       ":2:13: field 'domains': a plane needs two domains"),
                 qPrintable(broken.err));
        const Run named = runCommutelab({"import", dir.path(), "--mapping", dir.filePath("commutelab-mapping.json")});
        QCOMPARE(named.exitCode, 1);
        QVERIFY2(named.err.contains(":2:13: field 'domains'"), qPrintable(named.err));
    }

    void badCommandLinesAndInputs_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString sample = sourceDir() + "/resources/logs/paper-table2.json";
        QTest::newRow("domain without =") << QStringList{"import", sample, "--domain", "en"} << 2
                                          << "commutelab import: --domain: expected NAME=SERIES, got 'en'";
        QTest::newRow("write suffix") << QStringList{"import", sample, "--write", "/tmp/x.txt"} << 2
                                      << "commutelab import: --write: the suffix says the form";
        QTest::newRow("write over input") << QStringList{"import", sample, "--write", sample} << 2
                                          << "commutelab import: --write: '" + sample + "' is an input";
        QTest::newRow("no path") << QStringList{"import"} << 2 << "commutelab import: expected at least one PATH...";
        QTest::newRow("missing file") << QStringList{"import", "/nonexistent/run.csv"} << 1
                                      << "/nonexistent/run.csv: cannot open";
    }

    void badCommandLinesAndInputs()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run run = runCommutelab(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.trimmed().startsWith(message), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void unknownSeriesAndRefusedFilesAreNamed()
    {
        const QString hf =
            sharedLogs() + "/hf-trainer-state/P4P4N1CK--whisper-large-v2-japanese-5k-steps/trainer_state.json";
        if (!QFileInfo::exists(hf)) QSKIP("../shared/external-logs is absent: real-log tests skipped");
        const Run unknown = runCommutelab({"import", hf, "--domain", "en=eval_en_loss"});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("no series 'eval_en_loss' for domain 'en'"), qPrintable(unknown.err));
        const Run pythia = runCommutelab(
            {"import",
             sharedLogs() +
                 "/multi-domain/EleutherAI--pythia/evals/pythia-v1/pythia-160m/zero-shot/160m_step1000.json"});
        QCOMPARE(pythia.exitCode, 1);
        QVERIFY2(pythia.err.contains("lm-eval-harness results"), qPrintable(pythia.err));
        QTemporaryDir dir;
        QFile bad(dir.filePath("metrics.csv"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("step,train_loss,val_loss\n1,3,4\n2,2.5,abc\n");
        bad.close();
        const Run located = runCommutelab({"import", bad.fileName()});
        QCOMPARE(located.exitCode, 1);
        QCOMPARE(located.err.trimmed(), bad.fileName() + ":3:7: field 'val_loss': not a number: 'abc'");
    }
};

QTEST_APPLESS_MAIN(TestImportCommand)
#include "test_import_command.moc"
