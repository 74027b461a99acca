// Malformed logs: each is written to a temporary directory and must fail with one exact,
// located message ("file:line:column: field 'x': message"), or be accepted with a warning.

#include "core/logs/LogFile.h"
#include "core/logs/LogSources.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace cl::logs;

namespace {
std::string write(const QTemporaryDir& dir, const QString& name, const std::string& content)
{
    const std::string path = dir.filePath(name).toStdString();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t openDescriptors()
{
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator("/proc/self/fd"),
                                                  std::filesystem::directory_iterator()));
}

const std::string kJsonHead = R"({"domains": ["en", "ru"], )";
}  // namespace

class TestLogErrors : public QObject {
    Q_OBJECT

private slots:
    void refusesBadInput_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");  // exact bytes; "" with file nowhere.csv: not written
        QTest::addColumn<QString>("expected");  // the message after "<path>"
        auto row = [](const char* tag, const char* file, const std::string& content, const char* expected) {
            QTest::newRow(tag) << file << QByteArray(content.data(), int(content.size())) << expected;
        };
        // Wide CSV
        row("no step column", "a.csv", "L_en,L_ru\n3,4\n", ":1:1: missing required column 'step' (or 't')");
        row("no domains", "a.csv", "step,EL_1^12\n1,2\n",
            ":1:1: missing required columns: need L_<domain> columns for at least 2 domains, or a '# domains:' line");
        row("one loss column missing", "a.csv", "# domains: en, ru\nstep,L_en\n1,2\n",
            ":2:1: missing required column 'L_ru' (the other domains have loss columns)");
        row("unknown domain", "a.csv", "# domains: en, ru\nstep,L_en,L_ru,L_fr\n1,2,3,4\n",
            ":2:16: field 'L_fr': unknown domain 'fr' (domains: en, ru)");
        row("unknown domain in order", "a.csv", "step,L_en,L_ru,EL_en^13\n1,2,3,4\n",
            ":1:16: field 'EL_en^13': order '13' names a domain beyond the 2 of this run");
        row("repeated column", "a.csv", "step,L_en,L_ru,loss_en\n1,2,3,4\n", ":1:16: field 'loss_en': repeats column 2 ('L_en')");
        row("not a number", "run.csv", "step,L_en,L_ru\n1,3.5,2.5\n2,abc,2.4\n", ":3:3: field 'L_en': not a number: 'abc'");
        row("number with junk", "a.csv", "step,L_en,L_ru\n1,3.5x,2.5\n", ":2:3: field 'L_en': not a number: '3.5x'");
        row("duplicate checkpoint", "a.csv", "t,L_en,L_ru\n1,3,2\n2,3,2\n1,3,2\n",
            ":4:1: field 't': duplicate checkpoint: step 1 already at line 2");
        row("inconsistent domain count", "a.csv", "step,L_en,L_ru\n1,3,\n",
            ":2:5: field 'L_ru': inconsistent domain count: checkpoint has losses for 1 of 2 domains");
        row("too many fields", "a.csv", "step,L_en,L_ru\n1,3,2,7\n", ":2:1: expected 3 fields, found 4");
        row("truncated last line", "a.csv", "step,L_en,L_ru\n1,3,2\n2,3", ":3:4: truncated file: the last line stops after 2 of 3 fields");
        row("empty step", "a.csv", "step,L_en,L_ru\n,3,2\n", ":2:1: field 'step': empty step");
        row("base weights count", "a.csv", "# base_weights: 0.5, 0.3, 0.2\nstep,L_en,L_ru\n",
            ":1:1: field 'base_weights': inconsistent domain count: 3 weights for 2 domains");
        row("bad preamble number", "a.csv", "# learning_rate: fast\nstep,L_en,L_ru\n", ":1:1: field 'learning_rate': not a number: 'fast'");
        row("empty file", "a.csv", "", ": missing required columns: the file has no header row");
        // Long CSV
        row("long: unknown kind", "l.csv", "# domains: en, ru\nstep,kind,domain,order,value\n1,loss,en,,3\n1,lost,ru,,2\n",
            ":4:3: field 'kind': unknown kind 'lost' (expected loss, target_loss, excess, loss_reached, base_loss or p)");
        row("long: duplicate checkpoint", "l.csv", "step,kind,domain,order,value\n1,loss,en,,3\n1,loss,ru,,2\n1,loss,en,,3\n",
            ":4:3: field 'kind': duplicate checkpoint: 'L_en' at step 1 already at line 2");
        row("long: inconsistent domains", "l.csv", "# domains: en, ru\nstep,kind,domain,order,value\n1,loss,en,,3\n",
            ":3:1: inconsistent domain count: checkpoint at step 1 has losses for 1 of 2 domains");
        row("long: unknown domain", "l.csv", "# domains: en, ru\nstep,kind,domain,order,value\n1,loss,de,,3\n",
            ":3:8: field 'domain': unknown domain 'de' (domains: en, ru)");
        row("long: not a number", "l.csv", "step,metric,value\n1,L_en,3\n1,L_ru,x\n", ":3:8: field 'value': not a number: 'x'");
        row("long: no value column", "l.csv", "step,kind,domain\n", ":1:1: missing required column 'value'");
        // JSON
        row("json: no domains", "r.json", "{\"checkpoints\": []}", ":1:1: field 'domains': missing required field");
        row("json: one domain", "r.json", "{\"domains\": [\"en\"]}", ":1:13: field 'domains': a run needs at least 2 domains, found 1");
        row("json: not a number", "r.json", kJsonHead + "\"checkpoints\": [\n  {\"step\": 1, \"loss\": [1, \"abc\"]}]}",
            ":2:27: field 'checkpoints[0].loss[1]': not a number: 'abc'");
        row("json: domain count", "r.json", kJsonHead + "\"checkpoints\": [{\"step\": 1, \"loss\": [1, 2, 3]}]}",
            ":1:63: field 'checkpoints[0].loss': inconsistent domain count: 3 values for 2 domains");
        row("json: duplicate checkpoint", "r.json",
            kJsonHead + "\"checkpoints\": [\n{\"step\": 1, \"loss\": [1, 2]},\n{\"step\": 1, \"loss\": [1, 2]}]}",
            ":3:10: field 'checkpoints[1].step': duplicate checkpoint: step 1 already at line 2");
        // The long CSV cannot hold two values of one P-value or one intervention: refused in JSON too.
        row("json: repeated P-value", "r.json",
            kJsonHead + "\"p_values\": [\n{\"step\": 6, \"pair\": [\"en\", \"ru\"], \"target\": \"ru\", \"value\": 7},\n"
                        "{\"step\": 6, \"pair\": [\"en\", \"ru\"], \"target\": \"ru\", \"value\": 1}]}",
            ":3:10: field 'p_values[1].step': duplicate measurement: P-value of this pair and target at step 6 already at line 2");
        row("jsonl: repeated intervention", "r.jsonl",
            "{\"type\": \"run\", \"domains\": [\"en\", \"ru\"]}\n"
            "{\"type\": \"intervention\", \"start\": 2, \"order\": \"12\", \"delta_w\": 0.1, \"excess\": [1, 2]}\n"
            "{\"type\": \"intervention\", \"start\": 2, \"order\": \"12\", \"delta_w\": 0.1, \"excess\": [3, 4]}\n",
            ":3:35: field 'start': duplicate measurement: an intervention with this order, length and delta_w at start 2 "
            "already at line 2");
        row("json: unknown domain", "r.json",
            kJsonHead + "\"p_values\": [{\"step\": 1, \"pair\": [\"ru\", \"fr\"], \"target\": \"en\", \"value\": 1}]}",
            ":1:67: field 'p_values[0].pair': unknown domain 'fr' (domains: en, ru)");
        row("json: truncated", "r.json", kJsonHead + "\"checkpoints\": [\n  {\"step\": 1, \"loss\": [1, 2]}",
            ":2:30: unexpected end of file: unterminated array (opened at line 1, column 42)");
        row("json: truncated string", "r.json", "{\"domains\": [\"en", ":1:17: unexpected end of file: unterminated string (opened at line 1, column 14)");
        row("json: missing field", "r.json", kJsonHead + "\"interventions\": [{\"start\": 1, \"excess\": [1, 2]}]}",
            ":1:45: field 'interventions[0].order': missing required field");
        // JSON Lines
        // A cut last line is a log still being written (kept up to it: test_log_cut_tail); a cut
        // line followed by another one is an error.
        row("jsonl: cut line before the last", "r.jsonl",
            "{\"type\": \"run\", \"domains\": [\"en\", \"ru\"]}\n{\"type\": \"checkpoint\", \"step\": 1, \"loss\": [1,\n"
            "{\"type\": \"checkpoint\", \"step\": 2, \"loss\": [1, 2]}\n",
            ":2:46: unexpected end of file: unterminated array (opened at line 2, column 43)");
        row("jsonl: run first", "r.jsonl", "{\"type\": \"checkpoint\", \"step\": 1}\n",
            ":1:10: field 'type': the first line must be the \"run\" object");
        // Binary
        row("NUL bytes", "a.csv", std::string("step,L_en\n12\0\0\x01\x02", 16), ":2:3: binary data (NUL byte); not a text log");
        row("invalid UTF-8", "a.json", "{\"domains\": \"\xff\xfe\"}", ":1:14: binary data (invalid UTF-8); not a text log");
        row("missing file", "nowhere.csv", "", ": cannot open: No such file or directory");
    }

    void refusesBadInput()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const std::string path = file == "nowhere.csv" ? dir.filePath(file).toStdString()
                                                       : write(dir, file, std::string(content.constData(), content.size()));
        try {
            readLog(path);
            QFAIL("accepted a bad log");
        } catch (const cl::LogError& e) {
            QCOMPARE(QString::fromStdString(e.what()), QString::fromStdString(path) + expected);
            QCOMPARE(e.file(), path);
        }
    }

    // A reader that refuses a file in its constructor (binary data, a cut TensorBoard frame) must
    // still close it: a session that opens many bad files would otherwise run out of descriptors.
    void refusedFilesAreClosed()
    {
        QTemporaryDir dir;
        const std::vector<std::string> paths = {
            write(dir, "nul.csv", std::string("step,L_en\n1\0\0\x01", 15)),
            write(dir, "utf8.csv", "step,L_\xff\xfe\n1,2\n"),
            write(dir, "bad.jsonl", std::string("{\"type\": \0}", 12)),
            write(dir, "events.out.tfevents.1.host", std::string("\x20\0\0\0\0\0\0\0\x01\x02\x03\x04xyz", 15)),
        };
        const std::size_t before = openDescriptors();
        for (int round = 0; round < 50; ++round)
            for (const std::string& path : paths) {
                for (LogFormat format : {LogFormat::CsvWide, LogFormat::CsvLong, LogFormat::Json, LogFormat::JsonLines})
                    try {
                        readLog(path, format);
                    } catch (const cl::LogError&) {
                    }
                try {
                    loadRuns({path});
                } catch (const cl::LogError&) {
                }
            }
        QCOMPARE(openDescriptors(), before);
    }

    void nonFiniteValuesAreKeptAndFlagged()
    {
        QTemporaryDir dir;
        const std::string text = "step,L_en,L_ru\n1,nan,2\n2,3,-inf\n";
        const std::string path = write(dir, "w.csv", text);
        const RunLog log = readLog(path);
        QCOMPARE(log.checkpoints.size(), std::size_t(2));
        QVERIFY(std::isnan(log.checkpoints.loss[0][0]) && !isMissing(log.checkpoints.loss[0][0]));
        QVERIFY(std::isinf(log.checkpoints.loss[1][1]));
        QCOMPARE(log.warningCount, std::size_t(2));
        QCOMPARE(log.warnings[0].text(), path + ":2:3: field 'L_en': non-finite value 'nan' kept");
        QCOMPARE(log.warnings[1].text(), path + ":3:5: field 'L_ru': non-finite value '-inf' kept");
        QCOMPARE(slurp(path), text);  // opened read-only, never modified
    }

    void errorCarriesItsParts()
    {
        QTemporaryDir dir;
        const std::string path = write(dir, "run.csv", "step,L_en,L_ru\n1,3.5,2.5\n2,abc,2.4\n");
        try {
            readLog(path);
            QFAIL("accepted a bad log");
        } catch (const cl::LogError& e) {
            QCOMPARE(e.line(), 3L);
            QCOMPARE(e.column(), 3L);
            QCOMPARE(e.field(), std::string("L_en"));
            QCOMPARE(e.message(), std::string("not a number: 'abc'"));
        }
    }

    void wideCsvHoldsSeveralInterventionsPerStart()
    {
        // Several Δw from one start become extra rows of that step (rows without losses may
        // share a step); a second checkpoint at one step is what no wide table can hold.
        QTemporaryDir dir;
        RunLog log;
        log.setDomains({"en", "ru"});
        const double e[] = {0.1, 0.2}, l[] = {3.0, 2.0};
        log.checkpoints.add(100, l, missing());
        log.interventions.add(100, 10, 0.1, {0, 1}, e, nullptr, nullptr);
        log.interventions.add(100, 10, 0.2, {0, 1}, e, nullptr, nullptr);
        log.interventions.add(100, 10, 0.2, {1, 0}, e, nullptr, nullptr);
        const std::string path = dir.filePath("several.csv").toStdString();
        saveLog(log, path, LogFormat::CsvWide);
        const RunLog back = readLog(path);
        QCOMPARE(back.checkpoints.size(), std::size_t(1));
        QCOMPARE(back.interventions.size(), std::size_t(3));
        QCOMPARE(back.interventions.deltaW, (std::vector<double>{0.1, 0.2, 0.2}));
        log.checkpoints.add(100, l, missing());
        std::ostringstream out;
        QVERIFY_THROWS_EXCEPTION(cl::LogError, writeLog(log, out, LogFormat::CsvWide));
        writeLog(log, out, LogFormat::CsvLong);  // the long form holds it
    }
};

QTEST_APPLESS_MAIN(TestLogErrors)
#include "test_log_errors.moc"
