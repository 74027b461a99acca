// `commutelab render --log FILE --view rms`: the log window's bracket-vs-gradient RMS figure from
// the command line. The CSV written with --data must hold exactly the log's RMS records at its
// latest step (the numbers are written here, so they are the independent truth), and nothing else.

#include "CommandRun.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <set>

namespace {

struct Record {
    double step;
    const char* a;
    const char* b;
    const char* tensor;
    double bracket, grad;
};

// Step 1000 must not appear (the view opens at the latest step); the zero gradient RMS has no
// place on log axes and is left out, as in the window.
const Record kRecords[] = {
    {1000, "ru", "en", "blocks.0.attn.weight", 0.5, 0.25},
    {2000, "ru", "en", "blocks.0.attn.weight", 0.0721, 0.0155},
    {2000, "ru", "en", "blocks.0.mlp.weight", 0.0123456789012345, 0.00311},
    {2000, "ru", "en", "head.weight", 1.5e-5, 2.25e-6},
    {2000, "en", "de", "blocks.0.attn.weight", 0.031, 0.0071},
    {2000, "en", "de", "head.weight", 0.002, 0},
};

QString binary()
{
    return qEnvironmentVariable("COMMUTELAB_BINARY");
}

}  // namespace

class TestRenderLogRms : public QObject {
    Q_OBJECT

private slots:
    void csvHoldsTheLogsRmsRecordsAtTheLatestStep()
    {
        if (binary().isEmpty()) QSKIP("COMMUTELAB_BINARY is not set (run through CTest)");
        QTemporaryDir dir;
        const QString log = dir.filePath("run.jsonl");
        {
            QFile f(log);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"type\": \"run\", \"domains\": [\"en\", \"ru\", \"de\"]}\n");
            f.write("{\"type\": \"checkpoint\", \"step\": 1000, \"loss\": [3.5, 3.6, 3.7]}\n");
            f.write("{\"type\": \"checkpoint\", \"step\": 2000, \"loss\": [3.4, 3.5, 3.6]}\n");
            for (const Record& r : kRecords)
                f.write(QString("{\"type\": \"rms\", \"step\": %1, \"pair\": [\"%2\", \"%3\"], \"tensor\": \"%4\", "
                                "\"bracket_rms\": %5, \"grad_rms\": %6}\n")
                            .arg(r.step)
                            .arg(r.a, r.b, r.tensor)
                            .arg(r.bracket, 0, 'g', 17)
                            .arg(r.grad, 0, 'g', 17)
                            .toUtf8());
        }
        const QString out = dir.filePath("rms.svg");
        const Run run = runProgram(binary(), {"render", "--log", log, "--view", "rms", "--out", out, "--data"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QFile(out).size() > 1000);

        QFile csv(dir.filePath("rms.csv"));
        QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(run.out));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QString("pair,step,grad_rms,bracket_rms"));
        // The expected rows: step 2000, positive RMS values, grouped by pair.
        std::map<QString, std::multiset<std::pair<double, double>>> expected, got;
        for (const Record& r : kRecords)
            if (r.step == 2000 && r.grad > 0 && r.bracket > 0)
                expected[QString("%1-%2").arg(r.a, r.b)].insert({r.grad, r.bracket});
        for (int i = 1; i < lines.size(); ++i) {
            // "R(L_ru, L_en)" is quoted (it holds a comma): take the two domain names out of it.
            QVERIFY2(lines[i].startsWith('"'), qPrintable(lines[i]));
            const QString label = lines[i].section('"', 1, 1);
            QVERIFY2(label.startsWith("R(L_"), qPrintable(lines[i]));
            const QStringList names = QString(label).remove("R(L_").remove(")").split(", L_");
            QCOMPARE(names.size(), 2);
            const QStringList numbers = lines[i].section('"', 2).split(',', Qt::SkipEmptyParts);
            QCOMPARE(numbers.size(), 3);
            QCOMPARE(numbers[0].toDouble(), 2000.0);
            got[names[0] + "-" + names[1]].insert({numbers[1].toDouble(), numbers[2].toDouble()});
        }
        QCOMPARE(got.size(), expected.size());
        for (const auto& [pair, points] : expected) {
            QVERIFY2(got.count(pair), qPrintable(pair));
            QVERIFY(got[pair] == points);  // every number read back exactly (17 significant digits)
        }
    }

    void logWithoutRmsRecordsIsRefused()
    {
        if (binary().isEmpty()) QSKIP("COMMUTELAB_BINARY is not set (run through CTest)");
        const QString log = qEnvironmentVariable("COMMUTELAB_SOURCE_DIR", ".") + "/resources/logs/paper-table2.json";
        QTemporaryDir dir;
        const Run run = runProgram(binary(), {"render", "--log", log, "--view", "rms", "--out", dir.filePath("x.png")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no rms records"), qPrintable(run.err));
    }
};

QTEST_MAIN(TestRenderLogRms)
#include "test_render_log_rms.moc"
