// Property: whatever a reader accepts, every writer writes (or, for the wide CSV only, declines
// with LogError) and the matching reader reads back to the same log, compared through the
// canonical JSON text. The first byte picks the input format. The CSV forms carry no RMS records
// (docs/log-format.md), so for them the log is compared without its RMS records.

#include "FuzzInput.h"
#include "core/logs/JsonLogs.h"
#include "core/logs/LogError.h"
#include "core/logs/LogFile.h"

#include <algorithm>
#include <sstream>
#include <vector>

using cl::logs::LogFormat;

namespace {
// JSON Lines with the record lines sorted: the same run whatever the order of its records (the
// wide CSV writer writes rows in step order).
std::string canonical(const cl::logs::RunLog& log)
{
    std::ostringstream out;
    cl::logs::writeJsonLines(log, out);
    std::istringstream in(out.str());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    if (lines.size() > 1) std::sort(lines.begin() + 1, lines.end());
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    return text;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1) return 0;
    static const LogFormat formats[] = {LogFormat::Json, LogFormat::JsonLines, LogFormat::CsvWide, LogFormat::CsvLong};
    static const char* const suffixes[] = {".json", ".jsonl", ".csv", ".csv"};
    const int in = data[0] % 4;
    cl::logs::RunLog first;
    try {
        first = cl::logs::readLog(fuzz::inputFile(suffixes[in], data + 1, size - 1), formats[in]);
    } catch (const cl::LogError&) {
        return 0;
    }
    const std::string expected = canonical(first);
    cl::logs::RunLog withoutRms = first;
    withoutRms.rms = {};
    const std::string expectedInCsv = canonical(withoutRms);
    for (int out = 0; out < 4; ++out) {
        std::ostringstream text;
        try {
            cl::logs::writeLog(first, text, formats[out]);
        } catch (const cl::LogError&) {
            if (formats[out] != LogFormat::CsvWide) __builtin_trap();  // only the wide form may decline
            continue;
        }
        const std::string written = text.str();
        const std::string path = fuzz::inputFile(std::string(".out") + suffixes[out],
                                                 reinterpret_cast<const std::uint8_t*>(written.data()), written.size());
        try {
            const bool csv = formats[out] == LogFormat::CsvWide || formats[out] == LogFormat::CsvLong;
            if (canonical(cl::logs::readLog(path, formats[out])) != (csv ? expectedInCsv : expected)) __builtin_trap();
        } catch (const cl::LogError&) {
            __builtin_trap();  // written but not read back
        }
    }
    return 0;
}
