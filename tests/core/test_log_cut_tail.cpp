// A JSON Lines log still being written (the probe flushes one record per line) is read up to its
// last complete record: the cut last line is a warning, not an error (issue 12). A complete last
// line without a newline is a record like any other.

#include "core/logs/LogFile.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <string>

using namespace cl::logs;

namespace {
const std::string kHead = "{\"type\": \"run\", \"domains\": [\"en\", \"ru\"]}\n"
                          "{\"type\": \"checkpoint\", \"step\": 1, \"loss\": [3.5, 2.25]}\n";
const std::string kSecond = "{\"type\": \"checkpoint\", \"step\": 2, \"loss\": [3.25, 2.0]}";

std::string write(const QTemporaryDir& dir, const std::string& content)
{
    const std::string path = dir.filePath("run.jsonl").toStdString();
    std::ofstream(path, std::ios::binary) << content;
    return path;
}
}  // namespace

class TestLogCutTail : public QObject {
    Q_OBJECT

private slots:
    void everyCutOfTheLastRecordKeepsTheRecordsBefore()
    {
        QTemporaryDir dir;
        // Every proper prefix of the last record that does not parse on its own.
        for (std::size_t cut = 1; cut < kSecond.size(); ++cut) {
            const std::string path = write(dir, kHead + kSecond.substr(0, cut));
            const RunLog log = readLog(path);
            QCOMPARE(log.checkpoints.size(), std::size_t(1));
            QCOMPARE(log.checkpoints.step[0], 1.0);
            QCOMPARE(log.checkpoints.loss[1][0], 2.25);
            QCOMPARE(log.warningCount, std::size_t(1));
            QCOMPARE(log.warnings[0].where.line, 3L);
            QVERIFY(log.warnings[0].message.find("last line cut") != std::string::npos);
        }
    }

    void completeLastLineWithoutNewlineIsARecord()
    {
        QTemporaryDir dir;
        const RunLog log = readLog(write(dir, kHead + kSecond));
        QCOMPARE(log.checkpoints.size(), std::size_t(2));
        QCOMPARE(log.checkpoints.loss[0][1], 3.25);
        QCOMPARE(log.warningCount, std::size_t(0));
    }

    void aCutRunLineIsStillAnError()
    {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(cl::LogError, readLog(write(dir, "{\"type\": \"run\", \"domains\": [\"en\"")));
    }
};

QTEST_MAIN(TestLogCutTail)
#include "test_log_cut_tail.moc"
