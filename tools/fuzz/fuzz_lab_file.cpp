// The Schedule lab file reader on arbitrary text, from bytes and from a file (binary and size
// checks), plus a property: a lab file that is accepted writes and reads back equal. Anything but
// a located LabFileError escaping the reader is a finding.

#include "FuzzInput.h"

#include "core/experiments/LabFile.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const cl::LabFile lab = cl::parseLabFile(text, "fuzz.json");
        if (!(cl::parseLabFile(cl::labFileToJson(lab), "written.json") == lab)) std::abort();
    } catch (const cl::LabFileError& e) {
        if (e.file().empty()) std::abort();  // every refusal names its file
    }
    try {
        cl::loadLabFile(fuzz::inputFile(".lab.json", data, size));
    } catch (const cl::LabFileError&) {
    }
    return 0;
}
