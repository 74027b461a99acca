// commutelab simulate: writes a toy experiment log from the App. D quadratic model (a base run
// with checkpoints, P-values and eq. 9 interventions) for trying the log views without a GPU.

#include "cli/CommandRegistry.h"
#include "cli/Report.h"
#include "core/logs/LogFile.h"
#include "core/logs/ToyRunSimulation.h"

#include <algorithm>
#include <cctype>
#include <ostream>
#include <stdexcept>

namespace cl::cli {

namespace {

logs::LogFormat formatFor(const ParsedArgs& args, const std::string& path)
{
    if (args.has("format")) {
        const auto format = logs::formatFromName(args.text("format"));
        if (!format) throw UsageError("--format must be json, jsonl, csv-wide or csv-long");
        return *format;
    }
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    auto endsWith = [&](const std::string& suffix) {
        return lower.size() >= suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (endsWith(".jsonl") || endsWith(".ndjson")) return logs::LogFormat::JsonLines;
    if (endsWith(".csv")) return logs::LogFormat::CsvWide;
    return logs::LogFormat::Json;
}

int runSimulate(const ParsedArgs& args, std::ostream& out, std::ostream&)
{
    logs::ToyRunSpec spec;
    spec.dimension = args.integer("dim");
    spec.seed = static_cast<std::uint64_t>(args.integer("seed"));
    spec.checkpoints = args.integer("checkpoints");
    spec.deltaWs = args.numberList("dw");
    spec.dt = args.number("dt");
    spec.duration = args.number("duration");
    spec.warmup = args.number("warmup");
    spec.learningRate = args.number("lr");
    spec.interventionStarts = args.integer("starts");
    const std::string path = args.text("out");
    const logs::LogFormat format = formatFor(args, path);

    logs::RunLog log;
    try {
        log = logs::simulateToyRun(spec);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());  // every spec problem is a bad option value
    }
    logs::saveLog(log, path, format);

    Report report;
    report.add("out", path);
    report.add("format", logs::formatName(format));
    report.add("checkpoints", static_cast<long long>(log.checkpoints.size()));
    report.add("p_values", static_cast<long long>(log.pValues.size()));
    report.add("interventions", static_cast<long long>(log.interventions.size()));
    report.print(out, args.has("json"));
    return 0;
}

const CommandRegistration registration{CommandSpec{
    "simulate",
    "Write a toy experiment log from CommuteLab's quadratic model (paper App. D, two domains): a base run "
    "with weights (0.5, 0.5), P(L2, L1; L_k) at every checkpoint and eq. 9 interventions. Labelled as a toy "
    "in its metadata; open it with the log window.",
    {
        {"out", "FILE", "log to write (.json, .jsonl or .csv by suffix)", "", true},
        {"format", "F", "json, jsonl, csv-wide or csv-long (default: from the suffix)", "", false},
        {"dim", "N", "parameter dimension", "50", false},
        {"seed", "S", "seed of the random model", "1", false},
        {"checkpoints", "N", "base-run checkpoints after the first", "20", false},
        {"dw", "LIST", "intervention sizes delta w, comma separated, each in (0, 0.5]", "0.1,0.2,0.3", false},
        {"dt", "T", "intervention window in flow time (steps = T / lr)", "2", false},
        {"duration", "T", "flow time of the base run", "10", false},
        {"warmup", "T", "flow time before the first logged checkpoint", "3", false},
        {"lr", "G", "learning rate: step = t / G, P-values scaled by G^2", "0.001", false},
        {"starts", "N", "number of intervention starts t0", "4", false},
        {"json", "", "print one JSON object", "", false},
    },
    "",
    runSimulate,
}};

}  // namespace

}  // namespace cl::cli
