// Live reload of event files still being written (TensorBoardFollower): each poll reads only the
// records appended since the last one, a record cut at one poll is read whole at the next, new
// files and run folders join, a rewritten file is read again.

#include "TfEventsWriter.h"
#include "core/logs/TensorBoardFollower.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace cl::logs;
namespace tw = cl::testing::tfwriter;

namespace {
std::string scalarRecord(int step)
{
    return tw::frame(tw::summaryEvent(1e9 + step, step, {tw::scalarValue("loss", 0.5 * step, tw::Encoding::FloatVal)}));
}

std::string events(int from, int to)
{
    std::string bytes;
    for (int step = from; step < to; ++step) bytes += scalarRecord(step);
    return bytes;
}

void append(const std::string& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::app)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::vector<double> range(int from, int to)
{
    std::vector<double> v;
    for (int i = from; i < to; ++i) v.push_back(i);
    return v;
}

std::string pathIn(const QTemporaryDir& dir, const QString& name)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    return path.toStdString();
}
}  // namespace

class TestTensorBoardFollow : public QObject {
    Q_OBJECT

private slots:
    void readsOnlyAppendedRecords()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "run/events.out.tfevents.1");
        tw::writeFile(path, events(0, 5));
        TensorBoardFollower follower(path);
        QVERIFY(follower.poll());
        QCOMPARE(follower.runs().at(0).series.at(0).steps.toVector(), range(0, 5));
        const std::uint64_t firstRead = follower.bytesRead();
        QCOMPARE(firstRead, std::uint64_t(events(0, 5).size()));
        QVERIFY(!follower.poll());  // nothing new: nothing read
        QCOMPARE(follower.bytesRead(), firstRead);

        // Damage a record that was already read, then append: a follower that re-read the file
        // would hit the CRC error; one that reads from its saved offset does not.
        std::string bytes = events(0, 5);
        bytes[20] ^= 0x40;
        append(path, events(5, 8));
        {
            std::fstream f(path, std::ios::binary | std::ios::in | std::ios::out);
            f.seekp(20);
            f.put(bytes[20]);
        }
        QVERIFY_THROWS_EXCEPTION(EventFileError, readTensorBoard(path));
        QVERIFY(follower.poll());
        QCOMPARE(follower.runs().at(0).series.at(0).steps.toVector(), range(0, 8));
        QCOMPARE(follower.bytesRead(), std::uint64_t(events(0, 8).size()));
    }

    void cutRecordIsReadWholeNextTime()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "run/events.out.tfevents.1");
        const std::string last = scalarRecord(3);
        tw::writeFile(path, events(0, 3) + last.substr(0, 7));
        TensorBoardFollower follower(path);
        QVERIFY(follower.poll());
        QVERIFY(follower.runs()[0].truncatedTail);
        QCOMPARE(follower.runs()[0].warnings.size(), std::size_t(1));
        QCOMPARE(follower.runs()[0].series.at(0).size(), std::size_t(3));
        append(path, last.substr(7, 20));  // header complete now, data still cut
        QVERIFY(!follower.poll());
        QVERIFY(follower.runs()[0].truncatedTail);
        append(path, last.substr(27));
        QVERIFY(follower.poll());
        const ScalarRun& run = follower.runs()[0];
        QVERIFY(!run.truncatedTail);
        QVERIFY(run.warnings.empty());
        QCOMPARE(run.series.at(0).steps.toVector(), range(0, 4));
        QCOMPARE(run.series.at(0).values.back(), 1.5);
    }

    void newFilesAndRunFoldersJoin()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath("logs");
        tw::writeFile(pathIn(dir, "logs/b/events.out.tfevents.1"), events(0, 2));
        TensorBoardFollower follower(root.toStdString());
        QVERIFY(follower.poll());
        QCOMPARE(follower.runs().size(), std::size_t(1));
        // A new run folder that sorts first still comes after the runs already shown.
        tw::writeFile(pathIn(dir, "logs/a/events.out.tfevents.1"), events(0, 3));
        tw::writeFile(pathIn(dir, "logs/b/events.out.tfevents.2"), events(2, 4));  // the writer restarted
        QVERIFY(follower.poll());
        QCOMPARE(follower.runs().size(), std::size_t(2));
        QCOMPARE(follower.runs()[0].name, std::string("b"));
        QCOMPARE(follower.runs()[1].name, std::string("a"));
        QCOMPARE(follower.runs()[0].series.at(0).steps.toVector(), range(0, 4));
        QCOMPARE(follower.runs()[1].series.at(0).steps.toVector(), range(0, 3));
    }

    void rewrittenFileIsReadAgain()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "run/events.out.tfevents.1");
        tw::writeFile(path, events(0, 6));
        TensorBoardFollower follower(path);
        follower.poll();
        tw::writeFile(path, events(10, 12));  // shorter than what was read: a new file in its place
        QVERIFY(follower.poll());
        QCOMPARE(follower.runs()[0].series.at(0).steps.toVector(), range(10, 12));
    }

    void errorKeepsWhatWasReadAndRetriesThere()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "run/events.out.tfevents.1");
        std::string bad = scalarRecord(2);
        bad[bad.size() - 1] ^= 1;  // data CRC of record 3
        tw::writeFile(path, events(0, 2) + bad + scalarRecord(3));
        TensorBoardFollower follower(path);
        try {
            follower.poll();
            QFAIL("no error");
        } catch (const EventFileError& e) {
            QCOMPARE(e.record(), 3L);
        }
        QCOMPARE(follower.runs().at(0).series.at(0).steps.toVector(), range(0, 2));
        tw::writeFile(path, events(0, 2) + scalarRecord(2) + scalarRecord(3));  // repaired in place, same size
        append(path, scalarRecord(4));
        QVERIFY(follower.poll());
        QCOMPARE(follower.runs()[0].series.at(0).steps.toVector(), range(0, 5));
    }
};

QTEST_GUILESS_MAIN(TestTensorBoardFollow)
#include "test_tensorboard_follow.moc"
