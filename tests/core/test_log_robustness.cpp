// Hostile and edge-case logs (issue #16), one test per class of defect, on inputs written here:
// domain counts beyond 16-bit indices, RFC 4180 quoting in the fast and slow CSV paths, one step
// rule in every format, repeated metadata keys, read -> write -> read round trips of every
// sample and fixture, line and file limits, and near-linear reading of 10^5 keys / names.

#include "core/logs/ColumnNames.h"
#include "core/logs/CsvText.h"
#include "core/logs/Json.h"
#include "core/logs/JsonLogs.h"
#include "core/logs/LogFile.h"
#include "core/logs/LogText.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace cl::logs;

namespace {

std::string write(const QTemporaryDir& dir, const std::string& name, const std::string& content)
{
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

// The located message after the file name, or "" when the file is accepted.
std::string refusal(const std::string& path)
{
    try {
        readLog(path);
    } catch (const cl::LogError& e) {
        const std::string what = e.what();
        return what.substr(std::min(what.size(), path.size()));
    }
    return {};
}

// The message alone (no location or field), "" when accepted.
std::string refusalMessage(const std::string& path)
{
    try {
        readLog(path);
    } catch (const cl::LogError& e) {
        return e.message();
    }
    return {};
}

// The log as JSON Lines with its record lines sorted: equal for the same run, whatever order the
// records come in (the wide CSV writer writes rows in step order).
std::string canonical(const RunLog& log)
{
    std::ostringstream out;
    writeJsonLines(log, out);
    std::istringstream in(out.str());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    if (lines.size() > 1) std::sort(lines.begin() + 1, lines.end());
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    return text;
}

std::string samplesDir()
{
    return QFileInfo(QStringLiteral(COMMUTELAB_SOURCE_ROOT "/tests/core/this.cpp"))
        .dir()
        .absoluteFilePath(QStringLiteral("../../resources/logs"))
        .toStdString();
}

const char* kSuffix[] = {".json", ".jsonl", ".csv", ".csv"};
const LogFormat kFormats[] = {LogFormat::Json, LogFormat::JsonLines, LogFormat::CsvWide, LogFormat::CsvLong};

}  // namespace

class TestLogRobustness : public QObject {
    Q_OBJECT

private slots:
    // Class 1: more domains than an int16 holds. Values of the last domains must land on the
    // right index in every reader and survive every writer.
    void domainsBeyond32767()
    {
        QTemporaryDir dir;
        const int K = 40000;
        std::string names, lossCells, header = "step";
        for (int d = 0; d < K; ++d) {
            names += (d ? "," : "") + ("d" + std::to_string(d));
            header += ",L_d" + std::to_string(d);
            lossCells += "," + std::to_string(d) + ".5";
        }
        // Wide CSV with a P-value between the last two domains (indices 39998, 39999 > 32767).
        const std::string wide =
            write(dir, "wide.csv",
                  "# domains: " + names + "\n" + header + ",P_d39999>d39998;d39999\n10" + lossCells + ",0.25\n");
        const RunLog w = readLog(wide);
        QCOMPARE(w.domainCount(), K);
        QCOMPARE(w.checkpoints.loss[39999][0], 39999.5);
        QCOMPARE(w.checkpoints.loss[32768][0], 32768.5);
        QCOMPARE(w.pValues.size(), std::size_t(1));
        QCOMPARE(w.pValues.pair(0).first, 39999);
        QCOMPARE(w.pValues.target[0], 39999);
        // Long CSV: the reader that crashed with wrapped indices.
        std::string longText = "# domains: " + names + "\nstep,kind,domain,order,value\n";
        for (int d = K - 1; d >= 0; --d) longText += "5,loss,d" + std::to_string(d) + ",," + std::to_string(d) + ".5\n";
        longText += "5,excess,d39999,d39999>d0,-0.125\n";
        const RunLog l = readLog(write(dir, "long.csv", longText));
        QCOMPARE(l.domainCount(), K);
        QCOMPARE(l.checkpoints.loss[39999][0], 39999.5);
        QCOMPARE(l.checkpoints.loss[0][0], 0.5);
        QCOMPARE(l.interventions.order(0).first, 39999);
        QCOMPARE(l.interventions.excess[39999][0], -0.125);
        // Every writer writes it and every reader reads back the same log.
        for (int f = 0; f < 4; ++f) {
            if (kFormats[f] == LogFormat::CsvWide) continue;  // wide cannot hold an intervention-only row shape here
            const std::string path = dir.filePath(QString("rt%1%2").arg(f).arg(kSuffix[f])).toStdString();
            saveLog(l, path, kFormats[f]);
            QCOMPARE(canonical(readLog(path, kFormats[f])), canonical(l));
        }
        // Above the documented limit: refused by readers and writers alike, with a message.
        std::vector<std::string> many(static_cast<std::size_t>(kMaxDomains) + 1);
        for (std::size_t d = 0; d < many.size(); ++d) many[d] = "d" + std::to_string(d);
        QVERIFY(checkDomainNames(many).find("more than the limit of 1048576") != std::string::npos);
        RunLog tooMany;
        tooMany.setDomains(many);
        std::ostringstream sink;
        QVERIFY_THROWS_EXCEPTION(cl::LogError, writeLog(tooMany, sink, LogFormat::Json));
    }

    // Class 2: RFC 4180 quoting, the same answer from the fast (plain row) and slow paths.
    void csvQuoting_data()
    {
        QTest::addColumn<QByteArray>("cell");   // the L_en cell of row "2,<cell>,2.5"
        QTest::addColumn<QString>("expected");  // wide-CSV message after the path; "" = accepted
        auto row = [&](const char* tag, const std::string& cell, const char* expected) {
            QTest::newRow(tag) << QByteArray(cell.data(), int(cell.size())) << expected;
        };
        row("quoted cell spans lines", "\"3.\n5\"",
            ":3:3: unterminated quote: a quoted cell must close on its line (cells cannot span lines)");
        row("unterminated quote", "\"3.5",
            ":3:3: unterminated quote: a quoted cell must close on its line (cells cannot span lines)");
        row("text after closing quote", "\"3.5\"x", ":3:8: text after the closing quote of a cell");
        row("quote inside unquoted cell", "3\"5",
            ":3:4: a quote inside an unquoted cell (quote the whole cell and double the quote)");
        row("plus minus", "+-5", ":3:3: field 'L_en': not a number: '+-5'");
        row("double plus", "++5", ":3:3: field 'L_en': not a number: '++5'");
        row("quoted number", " \"3.5\" ", "");
        row("plus", "+3.5", "");
    }
    void csvQuoting()
    {
        QFETCH(QByteArray, cell);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        // Row 2 is plain (the wide reader's fast path); row 3 holds the cell (its slow path).
        const std::string wide = write(dir, "q.csv", "step,L_en,L_ru\n1,3.5,2.5\n2," + cell.toStdString() + ",2.5\n");
        QCOMPARE(QString::fromStdString(refusal(wide)), expected);
        // The long reader splits every row the same way: the same message for the same cell.
        const std::string longCsv =
            write(dir, "q-long.csv", "step,metric,value\n1,L_en,3.5\n1,L_ru," + cell.toStdString() + "\n");
        QCOMPARE(refusalMessage(longCsv), refusalMessage(wide));
    }
    void csvQuotedCellsUnescape()
    {
        std::vector<CsvCell> cells;
        std::string scratch;
        CsvSyntaxError error;
        QVERIFY(splitCsvLine(R"(a, "b,c" ,"say ""x""","")", cells, scratch, error));
        QCOMPARE(cells.size(), std::size_t(4));
        QCOMPARE(std::string(cells[1].text), std::string("b,c"));
        QCOMPARE(std::string(cells[2].text), std::string("say \"x\""));
        QCOMPARE(std::string(cells[3].text), std::string());
        QCOMPARE(cells[2].column, 11L);
    }

    // Class 3: one step rule. -0 and 0 are one checkpoint in every format; a non-finite step
    // is refused with its location in every format.
    void stepRule()
    {
        QTemporaryDir dir;
        const std::string json = R"({"domains": ["en", "ru"], "checkpoints": [)";
        QCOMPARE(refusal(write(dir, "z.csv", "step,L_en,L_ru\n0,1,2\n-0,1,2\n")),
                 std::string(":3:1: field 'step': duplicate checkpoint: step 0 already at line 2"));
        QVERIFY(refusal(write(dir, "z-long.csv", "step,kind,domain,value\n0,loss,en,1\n-0,loss,en,1\n-0,loss,ru,2\n"))
                    .find("duplicate checkpoint") != std::string::npos);
        QVERIFY(refusal(write(dir, "z.json", json + R"({"step": 0, "loss": [1, 2]}, {"step": -0, "loss": [1, 2]}]})"))
                    .find("duplicate checkpoint") != std::string::npos);
        QVERIFY(refusal(write(dir, "z.jsonl",
                              "{\"type\": \"run\", \"domains\": [\"en\", \"ru\"]}\n"
                              "{\"type\": \"checkpoint\", \"step\": -0.0, \"loss\": [1, 2]}\n"
                              "{\"type\": \"checkpoint\", \"step\": 0, \"loss\": [1, 2]}\n"))
                    .find("duplicate checkpoint") != std::string::npos);
        // A lone -0 reads as +0 everywhere.
        const RunLog one = readLog(write(dir, "one.csv", "step,kind,domain,value\n-0,loss,en,1\n-0,loss,ru,2\n"));
        QCOMPARE(one.checkpoints.size(), std::size_t(1));
        QVERIFY(!std::signbit(one.checkpoints.step[0]));
        // Non-finite steps.
        QCOMPARE(refusal(write(dir, "nan.json", json + "{\"step\": \"NaN\", \"loss\": [1, 2]}]}")),
                 std::string(":1:52: field 'checkpoints[0].step': the step must be a finite number"));
        QVERIFY(
            refusal(
                write(
                    dir, "inf.json",
                    R"({"domains": ["en", "ru"], "p_values": [{"step": "Infinity", "pair": "12", "target": 1, "value": 1}]})"))
                .find("the step must be a finite number") != std::string::npos);
        QCOMPARE(refusal(write(dir, "nan.csv", "step,L_en,L_ru\nnan,1,2\n")),
                 std::string(":2:1: field 'step': the step must be a finite number"));
        QCOMPARE(refusal(write(dir, "nan-long.csv", "# domains: en, ru\nstep,kind,domain,value\ninf,loss,en,1\n")),
                 std::string(":3:1: field 'step': the step must be a finite number"));
    }

    // Class 7: a repeated metadata key is refused with both places; what is accepted writes and
    // reads back unchanged in every format.
    void repeatedMetadataKey()
    {
        QTemporaryDir dir;
        QCOMPARE(refusal(write(dir, "m.csv", "# model: a\n# model: b\nstep,L_en,L_ru\n1,2,3\n")),
                 std::string(":2:1: field 'model': metadata key repeated (first at line 1)"));
        QCOMPARE(refusal(write(dir, "lr.csv", "# lr: 1e-3\n# learning_rate: 1e-3\nstep,L_en,L_ru\n1,2,3\n")),
                 std::string(":2:1: field 'learning_rate': metadata key repeated (first at line 1)"));
        QVERIFY(refusal(write(dir, "m.json", R"({"domains": ["en", "ru"], "metadata": {"a": "1", "a": "2"}})"))
                    .find("key repeated in one object") != std::string::npos);
        // Keys the CSV form cannot hold are refused at read time, not lost at write time.
        QVERIFY(refusal(write(dir, "k.json", R"({"domains": ["en", "ru"], "metadata": {"two words": "1"}})"))
                    .find("cannot contain spaces") != std::string::npos);
        QVERIFY(refusal(write(dir, "r.json", R"({"domains": ["en", "ru"], "metadata": {"domains": "x"}})"))
                    .find("is a field of the run") != std::string::npos);
        QVERIFY(refusal(write(dir, "n.json", R"({"domains": ["en", "ru"], "metadata": {"note": "a\nb"}})"))
                    .find("line break") != std::string::npos);
        // A CSV comment whose "key" holds a control character is text, like one with a space: the JSON
        // forms could not hold it as a key (found by fuzz_log_roundtrip).
        QVERIFY(readLog(write(dir, "c.csv", "# \x03model: a\n# batch: 2\nstep,L_en,L_ru\n1,2,3\n")).metadata ==
                (std::vector<std::pair<std::string, std::string>>{{"batch", "2"}}));
    }

    void roundTripEverySampleAndFixture()
    {
        QTemporaryDir dir;
        std::vector<std::string> inputs;
        for (const QString& name : QDir(QString::fromStdString(samplesDir())).entryList(QDir::Files))
            inputs.push_back(samplesDir() + "/" + name.toStdString());
        QVERIFY(inputs.size() >= 5);
        // Fixtures: the shapes the readers accept beyond the samples.
        inputs.push_back(write(dir, "f1.csv",
                               "\xef\xbb\xbf# domains: en, ru\r\n# model: gpt\r\n# lr: "
                               "0.5\r\nt,L_en,L_ru,target_loss,\"P_2,1;1\",P_21;1:se\r\n"
                               "1,3,4,3.5,0.25,\r\n-0,nan,inf,,,\r\n"));
        inputs.push_back(write(dir, "f2.csv",
                               "# domains: a, b, c\n# delta_t: 10\nstep,kind,domain,order,dw,value\n"
                               "1,loss,a,,,1\n1,loss,b,,,2\n1,loss,c,,,3\n1,excess,b,c>a,0.1,-0.5\n"
                               "1,p,c,a>b,,1e-300\n"));
        inputs.push_back(
            write(dir, "f3.json", R"({"domains": ["x", "y"], "metadata": {"n": 512, "ok": true, "s": "  v  "},
            "checkpoints": [{"step": 1e3, "loss": {"y": 2, "x": 1}}, {"step": 2000, "target_loss": 1.5}],
            "interventions": [{"start": 1000, "order": "2,1", "loss": [1, 2], "base_loss": [0.5, null]}]})"));
        for (const std::string& input : inputs) {
            const RunLog first = readLog(input);
            for (int f = 0; f < 4; ++f) {
                const std::string out = dir.filePath(QString("out%1%2").arg(f).arg(kSuffix[f])).toStdString();
                try {
                    saveLog(first, out, kFormats[f]);
                } catch (const cl::LogError& e) {
                    // Only the wide CSV may decline (two checkpoints at one step, documented).
                    QVERIFY2(kFormats[f] == LogFormat::CsvWide, (input + ": " + e.what()).c_str());
                    continue;
                }
                RunLog again;
                try {
                    again = readLog(out, kFormats[f]);
                } catch (const cl::LogError& e) {
                    QFAIL((input + " written as " + formatName(kFormats[f]) + " is refused: " + e.what()).c_str());
                }
                // The CSV forms have no RMS records (docs/log-format.md): compare without them.
                RunLog expected = first;
                if (kFormats[f] == LogFormat::CsvWide || kFormats[f] == LogFormat::CsvLong) expected.rms = {};
                QVERIFY2(canonical(again) == canonical(expected), (input + " via " + formatName(kFormats[f])).c_str());
            }
        }
    }

    // Class 5 (reader side): a line longer than the documented limit is refused at once, and a
    // file read whole above its limit is refused before it is read.
    void lineAndFileLimits()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("long-line.csv").toStdString();
        {
            std::ofstream out(path, std::ios::binary);
            out << "step,L_en,L_ru\n";
            const std::string block(1 << 20, '7');
            for (std::size_t k = 0; k < (kMaxLineBytes >> 20) + 2; ++k) out << block;  // no newline
        }
        QCOMPARE(refusal(path), std::string(":2:1: line longer than 16 MiB (the limit for one line)"));
        const std::string big = write(dir, "big.json", std::string(4096, ' ') + "{}");
        QVERIFY_THROWS_EXCEPTION(cl::LogError, readTextFile(big, 1024));
    }

    // Class 4: many keys and many domain names are read, and read right. How the time grows from
    // 10^4 to 10^6 (near-linear: about x10 per decade) is a speed target, measured by the
    // benchmark tools/bench/bench_log_limits, not asserted here: timings on a shared machine flake.
    void manyKeysAndNames()
    {
        QTemporaryDir dir;
        const int n = 100000;
        std::string keys = "{", names, loss, header = "step", row = "1";
        for (int k = 0; k < n; ++k) {
            keys += (k ? ",\"k" : "\"k") + std::to_string(k) + "\":" + std::to_string(k);
            names += (k ? ",\"n" : "\"n") + std::to_string(k) + "\"";
            loss += (k ? ",\"n" : "\"n") + std::to_string(k) + "\":" + std::to_string(k);
            header += ",L_n" + std::to_string(k);
            row += "," + std::to_string(k);
        }
        const JsonValue object = parseJson(keys + "}", "k");
        QCOMPARE(object.members.size(), std::size_t(n));
        QCOMPARE(object.find("k99999")->number, 99999.0);
        QCOMPARE(object.find("k31337")->number, 31337.0);
        const RunLog fromJson = readLog(
            write(dir, "d.json", "{\"domains\":[" + names + "],\"checkpoints\":[{\"step\":1,\"loss\":{" + loss + "}}]}"));
        const RunLog fromCsv = readLog(write(dir, "d.csv", header + "\n" + row + "\n"));
        for (const RunLog* log : {&fromJson, &fromCsv}) {
            QCOMPARE(log->domains.size(), std::size_t(n));
            QCOMPARE(log->domains[77777], std::string("n77777"));
            QCOMPARE(log->checkpoints.loss[77777][0], 77777.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestLogRobustness)
#include "test_log_robustness.moc"
