// Malformed TensorBoard event files (issue 11): truncated varints, absurd lengths (a 4 GB length
// field), nested garbage, files that are not event files, Git LFS pointers and random damage each
// give data or a located message (file, record, byte offset), never a crash, a hang or an
// allocation of the claimed size. Well-formed files: test_tensorboard.cpp.

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

class TestTensorBoardMalformed : public QObject {
    Q_OBJECT

private slots:
    void malformedRecordsAreLocated_data()
    {
        QTest::addColumn<QByteArray>("payload");  // the data of record 3, framed with correct CRCs
        QTest::addColumn<qulonglong>("offsetInPayload");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* tag, const std::string& payload, std::uint64_t at, const char* expected) {
            QTest::newRow(tag) << QByteArray(payload.data(), int(payload.size())) << qulonglong(at) << expected;
        };
        std::string stepCut;  // wall_time, then the step's varint cut after a continuation byte
        tw::putDouble(stepCut, 1, 1.0);
        stepCut += std::string("\x10\x80\x80", 3);
        row("truncated varint", stepCut, 9,
            "malformed Event protobuf in Event.step (field 2): truncated or overlong varint");
        std::string garbled;  // summary > value > tensor whose bytes are garbage
        tw::putBytes(garbled, 1, "loss");
        tw::putBytes(garbled, 8, std::string("\x0a\xff\xff\x01", 4));  // tensor: field 1 length 32767 of 2 bytes
        const std::string nested = tw::summaryField({garbled});
        row("nested garbage", nested, 12,
            "malformed Event protobuf in Event.summary (field 5) > Summary.value (field 1) > Value.tensor (field 8) > "
            "TensorProto.dtype (field 1): length 32767 runs past the end of the TensorProto message (0 bytes left)");
        std::string badLength;  // summary claims 100 bytes, 3 follow
        tw::putKey(badLength, 5, 2);
        tw::putVarint(badLength, 100);
        badLength += "abc";
        row("length past the end", badLength, 0,
            "malformed Event protobuf in Event.summary (field 5): length 100 runs past the end of the Event message "
            "(3 bytes left)");
        std::string rest;  // float_val packed with 6 bytes: not a multiple of 4
        tw::putBytes(rest, 5, "abcdef");
        std::string odd;
        tw::putBytes(odd, 1, "x");
        tw::putBytes(odd, 8, tw::tensor(1, {}, rest));
        const std::string packed = tw::summaryField({odd});
        row("packed floats", packed, 11,
            "malformed Event protobuf in Event.summary (field 5) > Summary.value (field 1) > Value.tensor (field 8) > "
            "TensorProto.float_val (field 5): packed length 6 is not a multiple of 4");
        row("wire type 7", std::string("\x0f", 1), 0,
            "malformed Event protobuf in Event.wall_time (field 1): invalid wire type 7");
    }

    void malformedRecordsAreLocated()
    {
        QFETCH(QByteArray, payload);
        QFETCH(qulonglong, offsetInPayload);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "events.out.tfevents.6");
        Written w = simpleLog(4);
        const std::uint64_t start = w.offsets[3];
        w.bytes.insert(start, tw::frame(payload.toStdString()));
        const EventFileError e = errorOf(path, w.bytes);
        QCOMPARE(e.record(), 4L);
        QCOMPARE(e.byteOffset(), start + 12 + offsetInPayload);
        const std::string prefix =
            path + ": record 4 at byte offset " + std::to_string(start + 12 + offsetInPayload) + ": ";
        QVERIFY2(std::string(e.what()).rfind(prefix + expected.toStdString(), 0) == 0, e.what());
    }

    void absurdLengthsAreRefusedWithoutAllocating_data()
    {
        QTest::addColumn<qulonglong>("length");
        QTest::addColumn<bool>("validCrc");
        QTest::addColumn<QString>("expected");
        QTest::newRow("4 GB") << qulonglong(4ull << 30) << true << "record length 4294967296 bytes is absurd";
        QTest::newRow("2^63") << qulonglong(1ull << 63) << true << "record length 9223372036854775808 bytes is absurd";
        QTest::newRow("4 GB, bad CRC") << qulonglong(4ull << 30) << false << "length CRC mismatch";
    }

    void absurdLengthsAreRefusedWithoutAllocating()
    {
        QFETCH(qulonglong, length);
        QFETCH(bool, validCrc);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "events.out.tfevents.7");
        Written w = simpleLog(3);
        std::string header = tw::headerOnly(length);
        if (!validCrc) header[9] ^= 1;
        const std::uint64_t start = w.bytes.size();
        w.bytes += header + std::string(100, 'x');  // bytes follow, far fewer than claimed
        const double before = peakRssMb();
        const EventFileError e = errorOf(path, w.bytes);
        QVERIFY2(peakRssMb() - before < 64, "the claimed size was allocated");
        QCOMPARE(e.record(), 5L);
        QCOMPARE(e.byteOffset(), start);
        QVERIFY2(e.message().find(expected.toStdString()) != std::string::npos, e.what());
    }

    void longLengthAtTheEndIsATruncatedTail()
    {
        // 1 GB claimed by the last header (valid CRC): a record still being written, never allocated.
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "events.out.tfevents.8");
        Written w = simpleLog(3);
        tw::writeFile(path, w.bytes + tw::headerOnly(1ull << 30) + "partial");
        const double before = peakRssMb();
        const ScalarRun run = readTensorBoard(path).at(0);
        QVERIFY(peakRssMb() - before < 64);
        QVERIFY(run.truncatedTail);
        QCOMPARE(run.series.at(0).size(), std::size_t(3));
        QVERIFY2(run.warnings.at(0).message.find("(19 of 1073741840 bytes)") != std::string::npos,
                 run.warnings[0].message.c_str());
    }

    void notAnEventFile()
    {
        QTemporaryDir dir;
        const EventFileError e = errorOf(pathIn(dir, "events.out.tfevents.9"), "step,loss\n1,2.5\n3,2.0\n");
        QCOMPARE(e.record(), 1L);
        QCOMPARE(e.byteOffset(), std::uint64_t(0));
        QVERIFY2(e.message().find("not a TensorBoard event file") != std::string::npos, e.what());
    }

    void gitLfsPointerIsRefused()
    {
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "events.out.tfevents.10");
        const EventFileError e =
            errorOf(path,
                    "version https://git-lfs.github.com/spec/v1\noid sha256:"
                    "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 37748\n");
        QVERIFY2(e.message().find("Git LFS pointer") != std::string::npos, e.what());
        QVERIFY2(e.message().find("git lfs pull") != std::string::npos, e.what());
        QCOMPARE(e.file(), path);
    }

    void randomDamageGivesDataOrALocatedError()
    {
        // Payload bytes changed at random and framed again with correct CRCs, so that the
        // protobuf decoding (not the CRC) meets the damage: every outcome is either a run or an
        // EventFileError inside the file, never a crash or a hang.
        QTemporaryDir dir;
        const std::string path = pathIn(dir, "events.out.tfevents.13");
        std::vector<std::string> payloads = {tw::fileVersionEvent(5)};
        for (int i = 0; i < 6; ++i)
            payloads.push_back(tw::summaryEvent(5 + i, i,
                                                {tw::scalarValue("a", i, tw::Encoding::FloatVal),
                                                 tw::scalarValue("b", -i, tw::Encoding::DoubleContent)}));
        std::mt19937 gen(2024);
        int errors = 0, reads = 0;
        for (int trial = 0; trial < 600; ++trial) {
            std::string bytes;
            for (std::size_t r = 0; r < payloads.size(); ++r) {
                std::string p = payloads[r];
                if (gen() % 3 == 0 && !p.empty()) {
                    for (int k = 0, n = 1 + gen() % 3; k < n; ++k)
                        p[gen() % p.size()] = static_cast<char>(gen() & 0xFF);
                    if (gen() % 4 == 0) p.resize(gen() % p.size());
                }
                bytes += tw::frame(p);
            }
            tw::writeFile(path, bytes);
            try {
                readTensorBoard(path);
                ++reads;
            } catch (const EventFileError& e) {
                ++errors;
                QVERIFY2(e.record() >= 1 && e.byteOffset() < bytes.size(), e.what());
            }
        }
        QVERIFY(errors > 40);
        QVERIFY(reads > 40);
    }
};

QTEST_GUILESS_MAIN(TestTensorBoardMalformed)
#include "test_tensorboard_malformed.moc"
