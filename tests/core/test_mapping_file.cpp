// Mapping files (issue 11, "Series -> domains"; docs/log-format.md, "Mapping files"): a hand-written
// file reads as the mapping it spells, the writer's text reads back the same, every refusal names
// file, line, column and field, and a sidecar beside a folder of runs maps every run that has its
// series (the others keep the guess) with the values of the CSV cells it names.

#include "core/logs/LogSources.h"
#include "core/logs/MappingFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace cl;
using namespace cl::logs;

namespace {

void writeText(const std::string& path, const std::string& text)
{
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

}  // namespace

class TestMappingFile : public QObject {
    Q_OBJECT

private slots:
    void handWrittenFileReadsAsSpelled()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("m.json").toStdString();
        writeText(path,
                  "{\"format\": \"commutelab-mapping\", \"version\": 1, \"axis\": \"step\",\n"
                  " \"domains\": {\"ru\": \"eval_g4_loss\", \"en\": \"loss/en\"}}\n");
        const DomainMapping m = readMappingFile(path);
        QCOMPARE(m.axis, std::string("step"));
        // Domain order is the file's order, not sorted.
        QVERIFY(m.domains == (Pairs{{"ru", "eval_g4_loss"}, {"en", "loss/en"}}));
        writeText(path, "{\"format\": \"commutelab-mapping\", \"domains\": {\"a\": \"x\", \"b\": \"y\"}}");
        QVERIFY(readMappingFile(path).axis.empty());  // axis and version are optional
    }

    void writerRoundTrips()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("commutelab-mapping.json").toStdString();
        DomainMapping m;
        m.axis = "global_step";
        m.domains = {{"en", "val/loss \"en\""}, {"ру", "loss\\ru\t2"}, {"code", "the_pile_github_val_loss"}};
        writeMappingFile(path, m);
        const DomainMapping back = readMappingFile(path);
        QCOMPARE(back.axis, m.axis);
        QVERIFY(back.domains == m.domains);
        QVERIFY(!std::filesystem::exists(path + ".part"));
        m.axis.clear();
        writeMappingFile(path, m);  // replaces the file; no axis is written as null
        QVERIFY(readMappingFile(path).axis.empty());
        QVERIFY(readMappingFile(path).domains == m.domains);
    }

    void badFilesAreLocated_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << "{\"format\": \"commutelab-mapping\",\n \"domains\": {\"a\": x}}"
                                  << "m.json:2:19: unexpected character 'x'";
        QTest::newRow("another format")
            << "{\"format\": \"commutelab-log\", \"domains\": {\"a\": \"x\", \"b\": \"y\"}}"
            << "m.json:1:12: field 'format': expected \"commutelab-mapping\", got \"commutelab-log\"";
        QTest::newRow("no format") << "{\"domains\": {\"a\": \"x\", \"b\": \"y\"}}"
                                   << "m.json:1:1: field 'format': missing required field";
        QTest::newRow("domains a list") << "{\"format\": \"commutelab-mapping\", \"domains\": [\"x\", \"y\"]}"
                                        << "m.json:1:45: field 'domains': expected an object, got an array";
        QTest::newRow("one domain") << "{\"format\": \"commutelab-mapping\",\n \"domains\": {\"a\": \"x\"}}"
                                    << "m.json:2:13: field 'domains': a plane needs two domains, the file maps 1";
        QTest::newRow("series not a string")
            << "{\"format\": \"commutelab-mapping\",\n \"domains\": {\"a\": \"x\",\n  \"b\": 3}}"
            << "m.json:3:8: field 'domains.b': expected the series name as a non-empty string";
        QTest::newRow("empty series")
            << "{\"format\": \"commutelab-mapping\", \"domains\": {\"a\": \"x\", \"b\": \"\"}}"
            << "m.json:1:61: field 'domains.b': expected the series name";
        QTest::newRow("domain with a space")
            << "{\"format\": \"commutelab-mapping\", \"domains\": {\"a\": \"x\", \"b c\": \"y\"}}"
            << "m.json:1:63: field 'domains.b c': domain name 'b c' contains ' '";
        QTest::newRow("repeated domain")
            << "{\"format\": \"commutelab-mapping\", \"domains\": {\"a\": \"x\", \"a\": \"y\"}}"
            << "m.json:1:";
        QTest::newRow("unknown field")
            << "{\"format\": \"commutelab-mapping\", \"domains\": {\"a\": \"x\", \"b\": \"y\"},\n \"axes\": \"step\"}"
            << "m.json:2:10: field 'axes': unknown field";
        QTest::newRow("axis a number")
            << "{\"format\": \"commutelab-mapping\", \"axis\": 1, \"domains\": {\"a\": \"x\", \"b\": \"y\"}}"
            << "m.json:1:42: field 'axis': expected a string or null";
        QTest::newRow("version 2")
            << "{\"format\": \"commutelab-mapping\", \"version\": 2, \"domains\": {\"a\": \"x\", \"b\": \"y\"}}"
            << "m.json:1:45: field 'version': only version 1 is known";
        QTest::newRow("empty file") << ""
                                    << "m.json:";
    }

    void badFilesAreLocated()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const std::string path = dir.filePath("m.json").toStdString();
        writeText(path, text.toStdString());
        try {
            readMappingFile(path);
            QFAIL("accepted a bad mapping file");
        } catch (const LogError& e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(what.contains(message), qPrintable(what));
            QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(path));
        }
    }

    void sidecarMapsEveryRunWithItsSeries()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        // Runs a and b log the same series; run c logs other names and keeps the guess.
        writeText(root + "/a/metrics.csv", "step,x_loss,y_loss,val_loss_en,val_loss_ru\n1,5,6,3.5,4.5\n2,4,5,3.25,4\n");
        writeText(root + "/b/metrics.csv", "step,x_loss,y_loss\n1,7,8\n2,6.5,7.5\n3,6,7\n");
        writeText(root + "/c/metrics.csv", "step,eval_en_loss,eval_ru_loss\n1,2,3\n");
        const auto guessed = loadRuns({root});
        QCOMPARE(guessed.size(), std::size_t(3));
        QVERIFY(guessed[0].report.guessed && guessed[0].report.file.empty());
        QCOMPARE(guessed[1].log.domains, (std::vector<std::string>{"x", "y"}));  // <d>_loss

        DomainMapping m;
        m.domains = {{"first", "x_loss"}, {"second", "y_loss"}};
        const std::string sidecar = sidecarPathFor(root);
        QCOMPARE(sidecar, (std::filesystem::path(root) / "commutelab-mapping.json").string());
        QCOMPARE(sidecarPathFor(root + "/a/metrics.csv"), root + "/a/commutelab-mapping.json");
        writeMappingFile(sidecar, m);
        const auto runs = loadRuns({root});
        QCOMPARE(runs.size(), std::size_t(3));  // the sidecar itself is not read as a log
        for (int i : {0, 1}) {
            QCOMPARE(runs[i].log.domains, (std::vector<std::string>{"first", "second"}));
            QCOMPARE(runs[i].report.file, sidecar);
            QVERIFY(!runs[i].report.guessed);
        }
        QCOMPARE(runs[1].log.checkpoints.step, (std::vector<double>{1, 2, 3}));
        QCOMPARE(runs[1].log.checkpoints.loss[0], (std::vector<double>{7, 6.5, 6}));
        QCOMPARE(runs[1].log.checkpoints.loss[1], (std::vector<double>{8, 7.5, 7}));
        QCOMPARE(runs[0].log.checkpoints.loss[1], (std::vector<double>{6, 5}));
        QVERIFY(runs[2].report.guessed && runs[2].report.file.empty());
        QCOMPARE(runs[2].log.domains, (std::vector<std::string>{"en", "ru"}));
        QVERIFY(mappingFits(*runs[0].series, m) && !mappingFits(*runs[2].series, m));
        DomainMapping otherAxis = m;
        otherAxis.axis = "epoch";
        QVERIFY(!mappingFits(*runs[0].series, otherAxis));

        // A file given by name finds the sidecar beside it only (here: none), and findSidecar
        // can be turned off.
        QVERIFY(loadRuns({root + "/b/metrics.csv"}).front().report.guessed);
        LoadOptions off;
        off.findSidecar = false;
        QVERIFY(loadRuns({root}, off)[0].report.guessed);
        // --domain wins over the sidecar.
        LoadOptions hand;
        hand.mapping.domains = {{"p", "y_loss"}, {"q", "x_loss"}};
        QCOMPARE(loadRuns({root + "/b/metrics.csv"}, hand).front().log.checkpoints.loss[0],
                 (std::vector<double>{8, 7.5, 7}));

        // A broken sidecar stops the load with its place; given by name it is refused as a log.
        writeText(sidecar, "{\"format\": \"commutelab-mapping\", \"domains\": {\"a\": 1, \"b\": \"y\"}}");
        try {
            loadRuns({root});
            QFAIL("a broken sidecar was accepted");
        } catch (const LogError& e) {
            QCOMPARE(e.file(), sidecar);
            QCOMPARE(e.field(), std::string("domains.a"));
            QCOMPARE(e.line(), 1L);
        }
        try {
            detectSourceFormat(sidecar);
            QFAIL("a mapping file passed for a log");
        } catch (const LogError& e) {
            QVERIFY2(std::string(e.what()).find("mapping file") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestMappingFile)
#include "test_mapping_file.moc"
