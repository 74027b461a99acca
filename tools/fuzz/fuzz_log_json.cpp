// The JSON and JSON Lines log readers on arbitrary text.

#include "core/logs/JsonLogs.h"
#include "core/logs/LogError.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        cl::logs::readJsonLog(text, "fuzz.json");
    } catch (const cl::LogError&) {
    }
    try {
        cl::logs::readJsonLines(text, "fuzz.jsonl");
    } catch (const cl::LogError&) {
    }
    return 0;
}
