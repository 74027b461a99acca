#pragma once
// Event files for the TensorBoard reader's tests (test_tensorboard, test_tensorboard_malformed):
// a log built record by record with each record's offset, a simple one-tag log, a path in a
// temporary folder, the EventFileError a file gives, and the process's peak memory.

#include "../../tools/bench/PeakMemory.h"
#include "TfEventsWriter.h"
#include "core/logs/TensorBoardReader.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace cl::testing::tflogs {

namespace tw = cl::testing::tfwriter;
using cl::logs::EventFileError;

inline bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// The benchmarks' reader of the process's peak memory, so tests and benchmarks count it one way.
using bench::peakRssMb;

struct Written {
    std::string bytes;
    std::vector<std::uint64_t> offsets;  // of each record
    void add(const std::string& event)
    {
        offsets.push_back(bytes.size());
        bytes += tw::frame(event);
    }
};

// A log of `n` scalar events on tag "loss" (simple_value), after a file_version record.
inline Written simpleLog(int n)
{
    Written w;
    w.add(tw::fileVersionEvent(1.7e9));
    for (int i = 0; i < n; ++i)
        w.add(
            tw::summaryEvent(1.7e9 + i, 10 * i, {tw::scalarValue("loss", 3.0 - 0.01 * i, tw::Encoding::SimpleValue)}));
    return w;
}

inline std::string pathIn(const QTemporaryDir& dir, const QString& name)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    return path.toStdString();
}

// The EventFileError of reading `bytes` as an event file; fails the test when none is thrown.
inline EventFileError errorOf(const std::string& path, const std::string& bytes)
{
    tw::writeFile(path, bytes);
    try {
        cl::logs::readTensorBoard(path);
    } catch (const EventFileError& e) {
        return e;
    }
    return EventFileError(path, -1, 0, "no error was thrown");
}

}  // namespace cl::testing::tflogs
