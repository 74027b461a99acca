// TensorBoard event files written by the test-only writer (tests/support/TfEventsWriter.h: hand
// protobuf encoding, bitwise CRC-32C) and read back by cl::logs::readTensorBoard: all scalar
// encodings bit-exact, CRC errors located, a cut last record at every byte offset kept as a
// truncated tail, folders grouped into runs. Malformed input: test_tensorboard_malformed.cpp.

#include "TensorBoardTestLogs.h"
#include "core/logs/Crc32c.h"
#include "core/logs/LogSources.h"
#include "core/logs/TensorBoardReader.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <random>

using namespace cl::logs;
using namespace cl::testing::tflogs;

class TestTensorBoard : public QObject {
    Q_OBJECT

private slots:
    void crc32cCheckValue()
    {
        // The CRC-32C catalogue's check value, and agreement with a bitwise implementation.
        QCOMPARE(crc32c("123456789", 9), 0xE3069283u);
        QCOMPARE(tw::bitwiseCrc32c("123456789"), 0xE3069283u);
        std::mt19937 gen(7);
        for (int n : {0, 1, 7, 8, 63, 1000}) {
            std::string data(n, '\0');
            for (auto& c : data) c = static_cast<char>(gen() & 0xFF);
            QCOMPARE(crc32c(data.data(), data.size()), tw::bitwiseCrc32c(data));
            QCOMPARE(maskedCrc32c(data.data(), data.size()), tw::masked(tw::bitwiseCrc32c(data)));
        }
        // Four interleaved CRCs of different lengths (0 included) equal four separate ones.
        std::string bytes(300, '\0');
        for (auto& c : bytes) c = static_cast<char>(gen() & 0xFF);
        const auto* base = reinterpret_cast<const unsigned char*>(bytes.data());
        const unsigned char* data[4] = {base, base + 10, base + 100, base + 7};
        const std::size_t size[4] = {57, 0, 200, 58};
        std::uint32_t crc[4];
        crc32cOfFour(data, size, crc);
        for (int k = 0; k < 4; ++k) QCOMPARE(crc[k], tw::bitwiseCrc32c(bytes.substr(data[k] - base, size[k])));
    }

    void wallTimesKeepTheStatedPrecision()
    {
        // 30 days of points at irregular sub-second times, and a second file of the same run that
        // starts later (its times are re-based on the run's first): every wall time is within
        // 2^-24 of its offset from the first (float rounding) plus 2^-52 of the time itself.
        QTemporaryDir dir;
        std::vector<double> walls;
        for (int file = 0; file < 2; ++file) {
            Written w;
            for (int i = 0; i < 2000; ++i) {
                const double wall = 1.7e9 + 0.318309886 + file * 1.3e6 + i * 1296.000123456;
                walls.push_back(wall);
                w.add(tw::summaryEvent(wall, file * 2000 + i,
                                       {tw::scalarValue("loss", 1.0 / (i + 1), tw::Encoding::SimpleValue)}));
            }
            tw::writeFile(pathIn(dir, QString("run/events.out.tfevents.%1.host").arg(file + 1)), w.bytes);
        }
        const auto runs = loadRuns({dir.path().toStdString()});
        QCOMPARE(runs.size(), std::size_t(1));
        const ScalarSeries& s = runs[0].series->series.at(0);
        QCOMPARE(s.wallTimes.size(), walls.size());
        QCOMPARE(s.wallTimeOrigin, walls[0]);
        // The second file's offsets are rounded once from its own first time and again when
        // re-based on the run's: twice the bound there.
        double worst = 0, worstFirstFile = 0;
        for (std::size_t i = 0; i < walls.size(); ++i) {
            const double error = std::abs(s.wallTime(i) - walls[i]);
            const double roundings = i < 2000 ? 1 : 2;
            QVERIFY2(error <= roundings * std::ldexp(walls[i] - walls[0], -24) + std::ldexp(walls[i], -52),
                     qPrintable(QString("point %1: off by %2 s").arg(i).arg(error)));
            worst = std::max(worst, error);
            if (i < 2000) worstFirstFile = std::max(worstFirstFile, error);
        }
        // What that means here: within 30 days a float's spacing is at most 0.25 s, so one file's
        // times are at most 0.125 s off; the run's, over 45 days, at most 0.25 s.
        QVERIFY2(worstFirstFile <= 0.125 + 1e-6, qPrintable(QString::number(worstFirstFile)));
        QVERIFY2(worst <= 0.25 + 1e-6, qPrintable(QString::number(worst)));
        QVERIFY(worstFirstFile > 0);  // the offsets really are floats (else this test would see no change)
    }

    void roundTripAllEncodingsBitExact()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "run/events.out.tfevents.1.host");
        const std::vector<std::pair<std::string, tw::Encoding>> tags = {
            {"simple", tw::Encoding::SimpleValue},
            {"tensor/float_val", tw::Encoding::FloatVal},
            {"tensor/double_val", tw::Encoding::DoubleVal},
            {"tensor/float_content", tw::Encoding::FloatContent},
            {"tensor/double_content", tw::Encoding::DoubleContent}};
        const bool floatOnly[] = {true, true, false, true, false};
        std::mt19937_64 gen(11);
        std::vector<double> specials = {
            0.0,    -0.0, 1e-310, -1e300, std::numeric_limits<double>::infinity(), std::nan(""), 3.141592653589793,
            1.0 / 3};
        std::vector<std::int64_t> steps;
        std::vector<double> walls, values;
        Written w;
        w.add(tw::fileVersionEvent(1.6e9));
        for (int i = 0; i < 200; ++i) {
            const std::int64_t step = i % 17 == 0 ? (std::int64_t(1) << 50) + i : std::int64_t(gen() % 100000);
            const double wall = 1.6e9 + i * 0.123456789;
            const double value =
                i < int(specials.size()) ? specials[i] : std::ldexp(double(gen() % 1000000) - 5e5, -int(gen() % 40));
            steps.push_back(step), walls.push_back(wall), values.push_back(value);
            std::vector<std::string> summary;  // every tag in every event: several values per event
            for (const auto& [tag, encoding] : tags) summary.push_back(tw::scalarValue(tag, value, encoding));
            w.add(tw::summaryEvent(wall, step, summary));
        }
        tw::writeFile(path, w.bytes);
        const auto runs = readTensorBoard(path);
        QCOMPARE(runs.size(), std::size_t(1));
        const ScalarRun& run = runs[0];
        QCOMPARE(run.name, std::string("run"));
        QCOMPARE(run.format, std::string("tensorboard"));
        QCOMPARE(run.series.size(), tags.size());
        QCOMPARE(run.skippedRecords, std::size_t(0));
        QVERIFY(!run.truncatedTail);
        QCOMPARE(run.metadata.size(), std::size_t(1));
        QCOMPARE(run.metadata[0].second, std::string("brain.Event:2"));
        for (std::size_t t = 0; t < tags.size(); ++t) {
            const int k = run.seriesIndex(tags[t].first, "step");
            QVERIFY2(k >= 0, tags[t].first.c_str());
            const ScalarSeries& s = run.series[k];
            QCOMPARE(s.size(), steps.size());
            QCOMPARE(s.wallTimes.size(), steps.size());
            for (std::size_t i = 0; i < steps.size(); ++i) {
                const double expected = floatOnly[t] ? double(float(values[i])) : values[i];
                QVERIFY2(sameBits(s.values[i], expected) || (std::isnan(expected) && std::isnan(s.values[i])),
                         qPrintable(QString("%1 point %2: %3 vs %4")
                                        .arg(tags[t].first.c_str())
                                        .arg(i)
                                        .arg(s.values[i])
                                        .arg(expected)));
                QVERIFY(sameBits(s.steps[i], double(steps[i])));
                // A float offset from the first wall time: within 2^-24 of the offset (the float's
                // rounding), plus the double rounding of adding it back to the origin.
                QCOMPARE(s.wallTimeOrigin, walls[0]);
                const double offset = walls[i] - walls[0];
                QVERIFY(std::abs(s.wallTime(i) - walls[i]) <=
                        std::ldexp(std::abs(offset), -24) + std::ldexp(walls[i], -52));
            }
        }
        // NaN and infinity are kept, and said once per series.
        // (-1e300 overflows a float to -inf: three in the float encodings, two in the double ones.)
        QCOMPARE(run.warnings.size(), tags.size());
        for (std::size_t t = 0; t < tags.size(); ++t) {
            QCOMPARE(run.warnings[t].where.field, tags[t].first);
            const std::string expected = floatOnly[t] ? "3 NaN or infinite value(s) kept, the first at step "
                                                      : "2 NaN or infinite value(s) kept, the first at step ";
            QCOMPARE(run.warnings[t].message, expected + std::to_string(floatOnly[t] ? steps[3] : steps[4]));
        }
    }

    void halfAndBfloat16()
    {
        // Known bit patterns: IEEE half 0x3C00 = 1, 0xC000 = -2, 0x3555 = 0.333251953125,
        // 0x0001 = 2^-24 (smallest subnormal), 0x7BFF = 65504; bfloat16 0x3F80 = 1, 0x4049 = 3.140625.
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "events.out.tfevents.2");
        const std::vector<std::pair<std::uint16_t, double>> halves = {
            {0x3C00, 1.0}, {0xC000, -2.0}, {0x3555, 0.333251953125}, {0x0001, std::ldexp(1.0, -24)}, {0x7BFF, 65504.0}};
        const std::vector<std::pair<std::uint16_t, double>> bfloats = {
            {0x3F80, 1.0}, {0x4049, 3.140625}, {0xC2F7, -123.5}};
        Written w;
        for (std::size_t i = 0; i < halves.size(); ++i)
            w.add(tw::summaryEvent(1, i, {tw::scalarValue("half", 0, tw::Encoding::HalfContent, halves[i].first)}));
        for (std::size_t i = 0; i < bfloats.size(); ++i)
            w.add(
                tw::summaryEvent(1, i, {tw::scalarValue("bf16", 0, tw::Encoding::Bfloat16Content, bfloats[i].first)}));
        tw::writeFile(path, w.bytes);
        const ScalarRun run = readTensorBoard(path).at(0);
        const ScalarSeries& h = run.series.at(run.seriesIndex("half"));
        const ScalarSeries& b = run.series.at(run.seriesIndex("bf16"));
        for (std::size_t i = 0; i < halves.size(); ++i) QCOMPARE(h.values[i], halves[i].second);
        for (std::size_t i = 0; i < bfloats.size(); ++i) QCOMPARE(b.values[i], bfloats[i].second);
    }

    void nonScalarValuesAreSkippedAndCounted()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "events.out.tfevents.3");
        std::string histogram;  // tf.summary.histogram v2: a [2, 3] DT_DOUBLE tensor in tensor_content
        tw::putBytes(histogram, 1, "weights");
        tw::putBytes(histogram, 8, tw::tensor(2, {2, 3}, [] {
                         std::string r;
                         std::string content;
                         for (int i = 0; i < 6; ++i) content += tw::doubleBytes(i);
                         tw::putBytes(r, 4, content);
                         return r;
                     }()));
        std::string text;  // text plugin: a DT_STRING (7) tensor
        tw::putBytes(text, 1, "notes");
        tw::putBytes(text, 8, tw::tensor(7, {}, [] {
                         std::string r;
                         tw::putBytes(r, 8, "hello");
                         return r;
                     }()));
        std::string hparams;  // hparams plugin: metadata only, no value
        tw::putBytes(hparams, 1, "_hparams_/session_start_info");
        tw::putBytes(hparams, 9, std::string("\x0a\x09\x0a\x07hparams", 11));
        std::string filled;  // a [4] float tensor written as one repeated float_val: not a scalar
        tw::putBytes(filled, 1, "filled");
        tw::putBytes(filled, 8, tw::tensor(1, {4}, [] {
                         std::string r;
                         tw::putBytes(r, 5, tw::floatBytes(0.5f));
                         return r;
                     }()));
        std::string oneByOne;  // shape [1, 1]: one element, read as a scalar
        tw::putBytes(oneByOne, 1, "one_by_one");
        tw::putBytes(oneByOne, 8, tw::tensor(2, {1, 1}, [] {
                         std::string r;
                         tw::putBytes(r, 6, tw::doubleBytes(2.25));
                         return r;
                     }()));
        Written w;
        w.add(tw::summaryEvent(
            1, 5,
            {histogram, text, hparams, filled, oneByOne, tw::scalarValue("loss", 0.75, tw::Encoding::SimpleValue)}));
        tw::writeFile(path, w.bytes);
        const ScalarRun run = readTensorBoard(path).at(0);
        QCOMPARE(run.skippedRecords, std::size_t(4));
        QCOMPARE(run.series.size(), std::size_t(2));
        QCOMPARE(run.series[0].name, std::string("one_by_one"));
        QCOMPARE(run.series[0].values.toVector(), std::vector<double>{2.25});
        QCOMPARE(run.series[1].values.toVector(), std::vector<double>{0.75});
        QCOMPARE(run.series[1].steps.toVector(), std::vector<double>{5});
    }

    void crcMismatchInTheMiddleIsLocated_data()
    {
        QTest::addColumn<int>("byteInRecord");  // which byte of record 6 to flip
        QTest::addColumn<QString>("expected");
        QTest::newRow("length") << 2 << "length CRC mismatch";
        QTest::newRow("length crc") << 9 << "length CRC mismatch";
        QTest::newRow("data") << 20 << "data CRC mismatch";
        QTest::newRow("data crc") << -1 << "data CRC mismatch";  // last byte of the record
    }

    void crcMismatchInTheMiddleIsLocated()
    {
        QFETCH(int, byteInRecord);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "events.out.tfevents.4");
        Written w = simpleLog(10);
        const std::uint64_t start = w.offsets[5], end = w.offsets[6];
        w.bytes[byteInRecord >= 0 ? start + byteInRecord : end - 1] ^= 0x10;
        const EventFileError e = errorOf(path, w.bytes);
        QCOMPARE(e.record(), 6L);
        QCOMPARE(e.byteOffset(), start);
        QCOMPARE(e.file(), path);
        const std::string prefix = path + ": record 6 at byte offset " + std::to_string(start) + ": ";
        QVERIFY2(std::string(e.what()).rfind(prefix + expected.toStdString(), 0) == 0, e.what());
    }

    void cutLastRecordAtEveryOffsetKeepsTheRest()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "events.out.tfevents.5");
        const int n = 12;
        const Written w = simpleLog(n);
        const std::uint64_t last = w.offsets.back();
        const ScalarRun full = readTensorBoard((tw::writeFile(path, w.bytes), path)).at(0);
        QCOMPARE(full.series.at(0).size(), std::size_t(n));
        QVERIFY(!full.truncatedTail);
        for (std::uint64_t cut = last; cut < w.bytes.size(); ++cut) {
            tw::writeFile(path, w.bytes.substr(0, cut));
            const ScalarRun run = readTensorBoard(path).at(0);
            const ScalarSeries& s = run.series.at(0);
            QCOMPARE(s.size(), std::size_t(n - 1));
            for (int i = 0; i < n - 1; ++i) QVERIFY(sameBits(s.values[i], full.series[0].values[i]));
            if (cut == last) {  // the file ends between records: nothing is cut
                QVERIFY(!run.truncatedTail);
                QVERIFY(run.warnings.empty());
                continue;
            }
            QVERIFY2(run.truncatedTail, qPrintable(QString("cut at %1").arg(cut)));
            QCOMPARE(run.warnings.size(), std::size_t(1));
            const std::string expected = "record " + std::to_string(n + 1) + " at byte offset " + std::to_string(last) +
                                         " is cut short (" + std::to_string(cut - last) + " of ";
            QVERIFY2(run.warnings[0].message.rfind(expected, 0) == 0, run.warnings[0].message.c_str());
            QCOMPARE(run.warnings[0].where.file, path);
        }
    }

    void emptyFileIsAnEmptyRun()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "v0/events.out.tfevents.11");
        tw::writeFile(path, "");
        const auto runs = readTensorBoard(path);
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].name, std::string("v0"));
        QVERIFY(runs[0].series.empty());
        QVERIFY(runs[0].warnings.empty());
        QVERIFY(!runs[0].truncatedTail);
    }

    void folderGivesOneRunPerDirectory()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath("logs");
        auto write = [&](const QString& rel, int firstStep, int count, const std::string& tag) {
            Written w;
            w.add(tw::fileVersionEvent(100));
            for (int i = 0; i < count; ++i)
                w.add(tw::summaryEvent(100 + firstStep + i, firstStep + i,
                                       {tw::scalarValue(tag, firstStep + i, tw::Encoding::DoubleVal)}));
            tw::writeFile(pathIn(dir, "logs/" + rel), w.bytes);
        };
        // Written in the reverse of file-name order: the run must follow the names.
        write("runA/events.out.tfevents.200.host.2.0", 5, 5, "loss");
        write("runA/events.out.tfevents.100.host.1.0", 0, 5, "loss");
        write("runB/sub/events.out.tfevents.1.other", 0, 3, "acc");
        write("events.out.tfevents.50.root", 7, 2, "top");
        tw::writeFile(pathIn(dir, "logs/runA/notes.txt"), "not an event file");
        const auto runs = readTensorBoard(root.toStdString());
        QCOMPARE(runs.size(), std::size_t(3));
        QCOMPARE(runs[0].name, std::string("logs"));
        QCOMPARE(runs[1].name, std::string("runA"));
        QCOMPARE(runs[2].name, std::string("runB/sub"));
        QCOMPARE(runs[1].series.size(), std::size_t(1));
        const ScalarSeries& loss = runs[1].series[0];
        QCOMPARE(loss.steps.toVector(), (std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        QCOMPARE(loss.values.toVector(), loss.steps.toVector());
        QCOMPARE(runs[2].series.at(0).size(), std::size_t(3));
        QCOMPARE(runs[0].series.at(0).steps.toVector(), (std::vector<double>{7, 8}));
        QCOMPARE(QString::fromStdString(runs[1].source), QDir(root).filePath("runA"));
    }

    void folderWithoutEventFiles()
    {
        QTemporaryDir dir;
        tw::writeFile(pathIn(dir, "x/notes.txt"), "hello");
        QVERIFY_THROWS_EXCEPTION(cl::LogError, readTensorBoard(dir.filePath("x").toStdString()));
    }

    void recognisedByContentOrName()
    {
        const Written w = simpleLog(1);
        QVERIFY(looksLikeTensorBoard("anything.bin", w.bytes.substr(0, 64)));
        QVERIFY(looksLikeTensorBoard("dir/events.out.tfevents.1704692334.multicom.eecs.missouri.edu", ""));
        QVERIFY(!looksLikeTensorBoard("metrics.csv", "step,loss\n1,2\n"));
        QVERIFY(!looksLikeTensorBoard("short.bin", w.bytes.substr(0, 11)));
    }

    void cancelStopsTheRead()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "events.out.tfevents.12");
        tw::writeFile(path, simpleLog(100).bytes);
        cl::CancelFlag flag;
        flag.cancel();
        TensorBoardOptions options;
        options.progress = &flag;
        QVERIFY_THROWS_EXCEPTION(cl::Cancelled, readTensorBoard(path, options));
        cl::CancelFlag progress;
        options.progress = &progress;
        options.wallTimes = false;
        const ScalarRun run = readTensorBoard(path, options).at(0);
        QCOMPARE(progress.progress(), 1.0);
        QVERIFY(run.series.at(0).wallTimes.empty());
        QCOMPARE(run.series.at(0).size(), std::size_t(100));
    }
};

QTEST_GUILESS_MAIN(TestTensorBoard)
#include "test_tensorboard.moc"
