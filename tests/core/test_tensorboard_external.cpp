// Real TensorBoard event files from public repositories (../shared/external-logs/tensorboard/,
// read in place, never copied): the series counts, step ranges and refusals stated in that
// folder's README, and every point of one file compared with an independent stdlib-only Python
// reader (tests/support/tfevents_stdlib_reader.py). Skipped when ../shared is absent.

#include "core/logs/TensorBoardReader.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace cl::logs;

namespace {
const QString kTensorBoard = QStringLiteral(COMMUTELAB_SHARED_DIR "/external-logs/tensorboard");

std::string sample(const char* relative)
{
    return QDir(kTensorBoard).filePath(relative).toStdString();
}

const char* kCarl =
    "CarlSchader--labeled-contrastive-framework/version_0/"
    "events.out.tfevents.1713773043.carls-gaming-linux.286970.0";
const char* kAtom = "AtomScott--FractalDB/version_0/events.out.tfevents.1609169139.e8fc262d1b07.21087.0";
const char* kMintomics = "BioinfoMachineLearning--mintomics";
const char* kWhisper =
    "P4P4N1CK--whisper-large-v2-japanese-5k-steps/runs/Jan28_23-42-14_gpu07.cyverse.org/"
    "events.out.tfevents.1674974582.gpu07.cyverse.org.94170.0";

const ScalarSeries& series(const ScalarRun& run, const std::string& name)
{
    const int k = run.seriesIndex(name, "step");
    if (k < 0) throw std::runtime_error("no series " + name);
    return run.series[k];
}

// Points, first step and last step of a series, as the README states them.
void checkSeries(const ScalarRun& run, const std::string& name, std::size_t points, double first, double last)
{
    const ScalarSeries& s = series(run, name);
    QVERIFY2(s.size() == points, qPrintable(QString("%1: %2 points").arg(name.c_str()).arg(s.size())));
    QCOMPARE(s.values.size(), points);
    QCOMPARE(s.wallTimes.size(), points);
    QCOMPARE(s.steps.front(), first);
    QCOMPARE(s.steps.back(), last);
}

std::set<std::string> names(const ScalarRun& run)
{
    std::set<std::string> result;
    for (const auto& s : run.series) result.insert(s.name);
    return result;
}
}  // namespace

class TestTensorBoardExternal : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        if (!QFileInfo(kTensorBoard).isDir())
            QSKIP(qPrintable("../shared/external-logs/tensorboard not found at " + kTensorBoard +
                             ": the real-file acceptance tests need the shared folder next to the source tree"));
    }

    void carlSchader()
    {
        const auto runs = readTensorBoard(sample(kCarl));
        QCOMPARE(runs.size(), std::size_t(1));
        const ScalarRun& run = runs[0];
        QCOMPARE(run.name, std::string("version_0"));
        QCOMPARE(names(run), (std::set<std::string>{"train_loss", "val_loss", "epoch", "hp_metric"}));
        checkSeries(run, "train_loss", 7738, 49, 386899);
        checkSeries(run, "val_loss", 100, 3868, 386899);
        checkSeries(run, "epoch", 7838, 49, 386899);
        checkSeries(run, "hp_metric", 1, 0, 0);
        QCOMPARE(run.skippedRecords, std::size_t(3));  // _hparams_/{experiment,session_start_info,session_end_info}
        QVERIFY(!run.truncatedTail);
        QVERIFY(run.warnings.empty());
        QCOMPARE(run.metadata.at(0).second, std::string("brain.Event:2"));
        // `epoch` is logged twice at the same step twice (193 449 and 386 899, same value): both kept.
        const ScalarSeries& epoch = series(run, "epoch");
        std::vector<double> repeated;
        for (std::size_t i = 1; i < epoch.size(); ++i)
            if (epoch.steps[i] == epoch.steps[i - 1]) {
                repeated.push_back(epoch.steps[i]);
                QCOMPARE(epoch.values[i], epoch.values[i - 1]);
            }
        QCOMPARE(repeated, (std::vector<double>{193449, 386899}));
        // About 27.6 hours between the first and the last point.
        double first = 1e300, last = -1e300;
        for (const auto& s : run.series)
            for (std::size_t i = 0; i < s.wallTimes.size(); ++i)
                first = std::min(first, s.wallTime(i)), last = std::max(last, s.wallTime(i));
        QVERIFY2(std::abs((last - first) / 3600 - 27.6) < 0.05, qPrintable(QString::number((last - first) / 3600)));
    }

    void atomScottRestartingStepAxes()
    {
        const ScalarRun run = readTensorBoard(sample(kAtom)).at(0);
        checkSeries(run, "train_loss_step", 78, 49, 3899);
        checkSeries(run, "train_loss_epoch", 2, 1718, 3437);
        checkSeries(run, "valid_loss_epoch", 2, 1718, 3437);
        checkSeries(run, "hp_metric", 2, 0, 0);
        checkSeries(run, "epoch", 4, 1718, 3437);
        // valid_loss_step/epoch_N: batch index 0..156 in each epoch, two series never mixed.
        for (const char* name : {"valid_loss_step/epoch_0", "valid_loss_step/epoch_1"}) {
            const ScalarSeries& s = series(run, name);
            QCOMPARE(s.size(), std::size_t(157));
            for (std::size_t i = 0; i < s.size(); ++i) QCOMPARE(s.steps[i], double(i));
        }
        QCOMPARE(run.series.size(), std::size_t(7));
        QCOMPARE(run.skippedRecords, std::size_t(6));  // the hparams triple, written twice
    }

    void mintomicsTruncatedTail()
    {
        const std::string path = sample(
            "BioinfoMachineLearning--mintomics/version_32/events.out.tfevents.1704692334.multicom.eecs.missouri.edu");
        const ScalarRun run = readTensorBoard(path).at(0);
        QVERIFY(run.truncatedTail);
        QCOMPARE(run.warnings.size(), std::size_t(1));
        // 71 complete records, then a 12-byte header of a 27-byte record (43 bytes framed) at 4 066.
        QCOMPARE(run.warnings[0].message,
                 std::string("record 72 at byte offset 4066 is cut short (12 of 43 bytes): the file is still being "
                             "written, or its writer stopped; the 71 complete records before it are kept"));
        for (const char* name : {"train_loss_step", "train_BinaryAccuracy", "train_BinaryPrecision",
                                 "train_BinaryRecall", "train_BinaryF1Score"})
            checkSeries(run, name, 11, 0, 10);
        QCOMPARE(series(run, "epoch").size(), std::size_t(10));
        QCOMPARE(series(run, "lr-Adam").size(), std::size_t(1));
        std::size_t points = 0;
        for (const auto& s : run.series) points += s.size();
        QCOMPARE(points + run.skippedRecords + 1, std::size_t(71));  // + the file_version record
    }

    void mintomicsEmptyAndLossless()
    {
        const auto runs = readTensorBoard(sample(kMintomics));
        QCOMPARE(runs.size(), std::size_t(3));
        QCOMPARE(runs[0].name, std::string("version_20"));
        QCOMPARE(runs[1].name, std::string("version_29"));
        QCOMPARE(runs[2].name, std::string("version_32"));
        // version_20: hp_metric (-1), lr-Adam and the hparams triple; no loss at all.
        QCOMPARE(names(runs[0]), (std::set<std::string>{"hp_metric", "lr-Adam"}));
        QCOMPARE(series(runs[0], "hp_metric").values.toVector(), std::vector<double>{-1});
        QCOMPARE(runs[0].skippedRecords, std::size_t(3));
        // version_29: a 0-byte file is an empty run, not an error.
        QVERIFY(runs[1].series.empty());
        QVERIFY(runs[1].warnings.empty());
        QVERIFY(!runs[1].truncatedTail);
        QVERIFY(runs[2].truncatedTail);
    }

    void gitLfsPointerRefused()
    {
        const std::string path = sample(kWhisper);
        try {
            readTensorBoard(path);
            QFAIL("the LFS pointer was read");
        } catch (const EventFileError& e) {
            QCOMPARE(e.file(), path);
            QVERIFY2(e.message().find("Git LFS pointer") != std::string::npos, e.what());
            QVERIFY2(e.message().find("git lfs pull") != std::string::npos, e.what());
        }
        // A folder holding the pointer is refused as a whole, naming the pointer.
        try {
            readTensorBoard(kTensorBoard.toStdString());
            QFAIL("the folder with an LFS pointer was read");
        } catch (const EventFileError& e) {
            QCOMPARE(e.file(), path);
        }
    }

    void everyPointAgreesWithAnIndependentReader()
    {
        const QString python = QStandardPaths::findExecutable("python3");
        if (python.isEmpty()) QSKIP("python3 not found: the independent reader cannot run");
        for (const char* relative : {kCarl, kAtom}) {
            const std::string path = sample(relative);
            QProcess process;
            process.start(python,
                          {COMMUTELAB_TEST_SUPPORT_DIR "/tfevents_stdlib_reader.py", QString::fromStdString(path)});
            QVERIFY(process.waitForFinished(120000));
            QCOMPARE(process.exitCode(), 0);
            const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
            const ScalarRun run = readTensorBoard(path).at(0);
            std::map<std::string, std::size_t> next;  // points of each tag seen so far
            for (const QByteArray& line : lines) {
                const QList<QByteArray> cells = line.split('\t');
                QCOMPARE(cells.size(), 4);
                const std::string tag = cells[0].toStdString();
                const ScalarSeries& s = series(run, tag);
                const std::size_t i = next[tag]++;
                QVERIFY(i < s.size());
                QCOMPARE(s.steps[i], cells[1].toDouble());
                QCOMPARE(s.values[i], std::strtod(cells[2].constData(), nullptr));  // repr: exact
                // Wall times keep a float offset from the series' first (ScalarSeries::wallTimes).
                const double wall = std::strtod(cells[3].constData(), nullptr);
                QVERIFY(std::abs(s.wallTime(i) - wall) <= std::ldexp(wall - s.wallTimeOrigin, -24) + 1e-6);
            }
            std::size_t points = 0;
            for (const auto& s : run.series) points += s.size();
            QCOMPARE(std::size_t(lines.size()), points);
        }
    }
};

QTEST_GUILESS_MAIN(TestTensorBoardExternal)
#include "test_tensorboard_external.moc"
