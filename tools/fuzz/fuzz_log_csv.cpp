// The wide and long CSV readers (and format detection) on an arbitrary file.

#include "FuzzInput.h"
#include "core/logs/LogError.h"
#include "core/logs/LogFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::inputFile(".csv", data, size);
    for (cl::logs::LogFormat format : {cl::logs::LogFormat::CsvWide, cl::logs::LogFormat::CsvLong}) {
        try {
            cl::logs::readLog(path, format);
        } catch (const cl::LogError&) {
        }
    }
    try {
        cl::logs::detectLogFormat(path);
    } catch (const cl::LogError&) {
    }
    return 0;
}
