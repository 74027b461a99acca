// The one entry point for other tools' logs (issue 11): content-based detection and every reader
// behind it (Hugging Face trainer_state.json, metrics CSV, W&B exports, per-run tables, CommuteLab's
// own formats), then the series -> domains mapping, on an arbitrary file.

#include "FuzzInput.h"
#include "core/logs/LogError.h"
#include "core/logs/LogSources.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::inputFile(".log", data, size);
    try {
        cl::logs::loadRuns({path});
    } catch (const cl::LogError&) {
    }
    return 0;
}
