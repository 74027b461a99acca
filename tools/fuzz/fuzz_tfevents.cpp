// The TensorBoard reader (issue 11): TFRecord framing, both CRCs and Event/Summary decoding on an
// arbitrary event file. The file is named as TensorBoard names them, so the reader never refuses it
// by name; the CRCs make most random inputs stop at the first record, so the seeds are real files.

#include "FuzzInput.h"
#include "core/logs/LogError.h"
#include "core/logs/TensorBoardReader.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const char* dir = std::getenv("TMPDIR");
    const std::string folder = std::string(dir ? dir : "/tmp") + "/commutelab-fuzz-tb-" + std::to_string(::getpid());
    ::mkdir(folder.c_str(), 0700);
    const std::string path = folder + "/events.out.tfevents.1.fuzz";
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    try {
        cl::logs::readTensorBoard(path);
    } catch (const cl::LogError&) {
    }
    return 0;
}
