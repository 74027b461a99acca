// The JSON reader on arbitrary bytes, in both modes: it either returns a value or throws
// LogError; anything else (a crash, a sanitizer report, a hang) is a finding.

#include "core/logs/Json.h"
#include "core/logs/LogError.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const bool python : {false, true}) {
        cl::logs::JsonOptions options;
        options.nonFiniteLiterals = python;
        options.refuseRepeatedKeys = !python;
        try {
            const cl::logs::JsonValue v = cl::logs::parseJson(text, "fuzz.json", 1, options);
            if (v.type == cl::logs::JsonValue::Type::Object && !v.members.empty() && !v.find(v.members.front().first))
                __builtin_trap();  // find() must see every key the object holds
        } catch (const cl::LogError&) {
        }
    }
    return 0;
}
