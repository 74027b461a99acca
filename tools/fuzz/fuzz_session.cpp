// The landscape session reader on arbitrary text, from bytes and from a file (BOM, binary and size
// checks), plus a property: a session that is accepted writes and reads back equal. Anything but a
// located SessionError escaping the reader is a finding.

#include "FuzzInput.h"

#include "core/landscape/LandscapeSession.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const cl::LandscapeSession session = cl::parseSession(text, "fuzz.json");
        if (!(cl::parseSession(cl::sessionToJson(session), "written.json") == session)) std::abort();
    } catch (const cl::SessionError& e) {
        if (e.file().empty()) std::abort();  // every refusal names its file
    }
    try {
        cl::loadSession(fuzz::inputFile(".session.json", data, size));
    } catch (const cl::SessionError&) {
    }
    return 0;
}
