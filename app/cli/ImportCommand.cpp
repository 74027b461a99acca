// commutelab import PATH...: reads experiment logs of any supported format (CommuteLab's own
// JSON, JSON Lines, wide or long CSV; TensorBoard, Hugging Face trainer_state.json, metrics
// CSV, W&B exports, per-run tables), files or folders, and summarises each run: its domains
// (guessed from the series names, or given with --domain NAME=SERIES and --x AXIS), how much it
// holds, whether logged P-values predicted the observed excess losses, the win-win checkpoints
// and, for series from other tools, the Pareto front of the first two domains. --list shows
// every series; --write converts one run to CommuteLab's canonical JSON / JSONL / CSV.
// Bad input prints one located line ("run.csv:17:5: field 'L_en': not a number: 'abc'"), exit 1.

#include "cli/CommandRegistry.h"
#include "cli/Report.h"
#include "core/logs/LogFile.h"
#include "core/logs/LogSources.h"
#include "core/logs/MappingFile.h"
#include "core/logs/OrderAdvice.h"
#include "core/logs/ParetoFront.h"
#include "core/logs/PredictionAgreement.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <ostream>
#include <set>
#include <sstream>

namespace cl::cli {

namespace {

std::string jsonList(const std::vector<std::string>& items, bool quote = true)
{
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + (quote ? jsonString(items[i]) : items[i]);
    return out + "]";
}

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out.empty() ? "none" : out;
}

void addList(Report& report, const std::string& key, const std::vector<std::string>& items, bool json)
{
    if (json)
        report.addRaw(key, jsonList(items));
    else
        report.add(key, joined(items));
}

logs::LoadOptions optionsFrom(const ParsedArgs& args)
{
    logs::LoadOptions options;
    for (const std::string& item : args.all("domain")) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
            throw UsageError("--domain: expected NAME=SERIES, got '" + item + "'");
        options.mapping.domains.emplace_back(item.substr(0, eq), item.substr(eq + 1));
    }
    if (args.has("x")) options.mapping.axis = args.text("x");
    if (args.has("mapping")) {
        if (!options.mapping.domains.empty())
            throw UsageError("--mapping and --domain both say which series are the domains: give one of them");
        options.fileMapping = logs::readMappingFile(args.text("mapping"));  // LogError: located, exit 1
        options.mappingFile = args.text("mapping");
        if (!options.mapping.axis.empty()) options.fileMapping.axis = options.mapping.axis;
        options.mapping.axis.clear();
    }
    if (args.has("no-sidecar")) options.findSidecar = false;
    return options;
}

// What the PyTorch probe adds (issue 12, docs/probe.md): its metadata, how many P-values carry a
// standard error, and the bracket-vs-gradient RMS records. Printed only when the log has them, so
// other logs report exactly as before.
void addProbeFacts(Report& report, const logs::RunLog& log)
{
    const bool fromProbe = log.metadataValue("writer") != nullptr;
    for (const char* key : {"writer", "torch", "python", "p_estimator"})
        if (const std::string* value = log.metadataValue(key)) report.add(key, *value);
    if (fromProbe) {
        report.add("p_units", log.pScaledByLr2 ? "lr2" : "raw");
        if (logs::isRecorded(log.learningRate)) report.add("learning_rate", log.learningRate);
    }
    if (!log.pValues.stdError.empty()) {
        long long withStdError = 0;
        for (double se : log.pValues.stdError) withStdError += logs::isRecorded(se) && std::isfinite(se);
        report.add("p_values_with_stderr", withStdError);
    }
    if (log.rms.size() == 0) return;
    report.add("rms_records", static_cast<long long>(log.rms.size()));
    report.add("rms_tensors",
               static_cast<long long>(std::set<std::string>(log.rms.tensor.begin(), log.rms.tensor.end()).size()));
    report.add("rms_steps", static_cast<long long>(std::set<double>(log.rms.step.begin(), log.rms.step.end()).size()));
}

// For runs read from other tools: what the mapping did, and the non-dominated checkpoints of
// the first two domains (the (L_1, L_2) plane of paper Figs. 2-3; across runs for a run table).
void addSeriesFacts(Report& report, const logs::LoadedRun& run, bool json)
{
    const logs::ScalarRun& series = *run.series;
    report.add("run", run.name);
    report.add("series", static_cast<long long>(series.series.size()));
    report.add("mapping", !run.report.file.empty() ? "file" : run.report.guessed ? "guessed" : "given");
    if (!run.report.file.empty()) report.add("mapping_file", run.report.file);
    report.add("axis", run.report.axis.empty() ? "none" : run.report.axis);
    addList(report, "mapped", run.report.mapped, json);
    report.add("ignored_series", static_cast<long long>(run.report.ignored.size()));
    report.add("skipped_values", static_cast<long long>(series.skippedRecords));
    report.add("truncated_tail", series.truncatedTail ? "yes" : "no");
    if (run.log.domainCount() < 2) return;
    std::vector<logs::Point2> points;
    std::vector<double> steps;
    for (std::size_t r = 0; r < run.log.checkpoints.size(); ++r) {
        const double x = run.log.checkpoints.loss[0][r], y = run.log.checkpoints.loss[1][r];
        if (!logs::isRecorded(x) || !logs::isRecorded(y)) continue;
        points.push_back({x, y});
        steps.push_back(run.log.checkpoints.step[r]);
    }
    std::vector<std::string> front;
    for (std::size_t i : logs::paretoFront(points)) front.push_back(formatNumber(steps[i]));
    report.add("front_domains", run.log.domains[0] + ", " + run.log.domains[1]);
    report.add("front_candidates", static_cast<long long>(points.size()));
    if (json)
        report.addRaw("front_steps", jsonList(front, false));
    else
        report.add("front_steps", joined(front));
}

Report runReport(const logs::LoadedRun& run, bool json)
{
    const logs::RunLog& log = run.log;
    const logs::AgreementReport agreement = logs::comparePredictions(log);
    std::vector<std::string> disagreeing;
    for (const auto& c : agreement.checkpoints)
        if (!c.full()) disagreeing.push_back(formatNumber(c.step));
    const auto winWin = logs::winWinCheckpoints(log);
    std::string winWinJson = "[";
    std::vector<std::string> winWinText;
    for (std::size_t i = 0; i < winWin.size(); ++i) {
        const auto& w = winWin[i];
        const std::string order = log.domains[w.winWin.first] + ">" + log.domains[w.winWin.second];
        winWinJson += (i ? ", " : "") + std::string("{\"step\": ") + jsonNumber(w.step) +
                      ", \"order\": " + jsonString(order) +
                      ", \"end_with\": " + jsonString(log.domains[w.winWin.second]) + "}";
        winWinText.push_back(formatNumber(w.step) + " (" + order + ": more " + log.domains[w.winWin.second] +
                             " at the end)");
    }
    winWinJson += "]";

    Report report;
    report.add("file", run.source);
    report.add("format", run.format);
    if (run.series) addSeriesFacts(report, run, json);
    addList(report, "domains", log.domains, json);
    report.add("checkpoints", static_cast<long long>(log.checkpoints.size()));
    report.add("p_values", static_cast<long long>(log.pValues.size()));
    report.add("interventions", static_cast<long long>(log.interventions.size()));
    addProbeFacts(report, log);
    report.add("warnings", static_cast<long long>(log.warningCount));
    report.add("cells_compared", static_cast<long long>(agreement.cells.size()));
    report.add("cells_agreeing", static_cast<long long>(agreement.cellsAgreeing));
    report.add("checkpoints_compared", static_cast<long long>(agreement.checkpoints.size()));
    report.add("checkpoints_in_full_agreement", static_cast<long long>(agreement.checkpointsInFullAgreement));
    if (json)
        report.addRaw("checkpoints_not_in_full_agreement", jsonList(disagreeing, false));
    else
        report.add("checkpoints_not_in_full_agreement", joined(disagreeing));
    report.add("correlation", agreement.correlation);
    report.add("cells_without_prediction", static_cast<long long>(agreement.cellsWithoutPrediction));
    if (json)
        report.addRaw("win_win", winWinJson);
    else
        report.add("win_win", joined(winWinText));
    if (!winWin.empty()) report.add("caveat", logs::kOrderAdviceCaveat);
    return report;
}

// --list: every series of every run with its count and step range. CommuteLab's own logs list
// their checkpoint losses as the series L_<domain> on axis "step".
void printSeriesList(const std::vector<logs::LoadedRun>& runs, std::ostream& out, bool json)
{
    struct Row {
        std::string run, name, axis;
        std::size_t count = 0;
        double first = 0, last = 0;
    };
    std::vector<Row> rows;
    auto add = [&](const std::string& run, const std::string& name, const std::string& axis,
                   const std::vector<double>& steps, const std::vector<double>* values) {
        Row row{run, name, axis, 0, 0, 0};
        bool any = false;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            if (values && !logs::isRecorded((*values)[i])) continue;
            row.first = any ? std::min(row.first, steps[i]) : steps[i];
            row.last = any ? std::max(row.last, steps[i]) : steps[i];
            any = true;
            ++row.count;
        }
        rows.push_back(row);
    };
    for (const auto& run : runs) {
        if (run.series)
            for (const auto& s : run.series->series) add(run.name, s.name, s.axis, s.steps.toVector(), nullptr);
        else
            for (int d = 0; d < run.log.domainCount(); ++d)
                add(run.name, "L_" + run.log.domains[static_cast<std::size_t>(d)], "step", run.log.checkpoints.step,
                    &run.log.checkpoints.loss[static_cast<std::size_t>(d)]);
    }
    if (!json) {
        out << "run\tseries\taxis\tcount\tmin_step\tmax_step\n";
        for (const auto& r : rows)
            out << r.run << '\t' << r.name << '\t' << r.axis << '\t' << r.count << '\t'
                << (r.count ? formatNumber(r.first) : "-") << '\t' << (r.count ? formatNumber(r.last) : "-") << '\n';
        return;
    }
    out << "{\"series\": [";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        out << (i ? ", " : "") << "{\"run\": " << jsonString(r.run) << ", \"name\": " << jsonString(r.name)
            << ", \"axis\": " << jsonString(r.axis) << ", \"count\": " << r.count
            << ", \"min_step\": " << (r.count ? jsonNumber(r.first) : "null")
            << ", \"max_step\": " << (r.count ? jsonNumber(r.last) : "null") << '}';
    }
    out << "]}\n";
}

logs::LogFormat writeFormatFor(const std::string& path)
{
    std::string suffix = std::filesystem::path(path).extension().string();
    std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (suffix == ".json") return logs::LogFormat::Json;
    if (suffix == ".jsonl" || suffix == ".ndjson") return logs::LogFormat::JsonLines;
    if (suffix == ".csv") return logs::LogFormat::CsvWide;
    throw UsageError("--write: the suffix says the form: .json, .jsonl (or .ndjson) or .csv, got '" + path + "'");
}

int runImport(const ParsedArgs& args, std::ostream& out, std::ostream& err)
{
    const bool json = args.has("json");
    logs::LoadOptions options;
    try {
        options = optionsFrom(args);
    } catch (const LogError& e) {
        err << e.what() << '\n';
        return 1;
    }
    std::optional<logs::LogFormat> writeFormat;
    if (args.has("write")) {
        writeFormat = writeFormatFor(args.text("write"));
        std::error_code ec;
        for (const auto& p : args.positional)
            if (std::filesystem::equivalent(p, args.text("write"), ec))
                throw UsageError("--write: '" + args.text("write") +
                                 "' is an input; the user's logs are never overwritten");
    }
    std::vector<logs::LoadedRun> runs;
    std::vector<LogWarning> skipped;
    try {
        runs = logs::loadRuns(args.positional, options, &skipped);
    } catch (const LogError& e) {
        err << e.what() << '\n';  // file:line:column first, so editors can jump to it
        return 1;
    }
    for (const auto& s : skipped) err << "note: " << s.text() << '\n';
    if (runs.empty()) {
        err << "no logs found in " << joined(args.positional) << '\n';
        return 1;
    }
    for (const auto& run : runs) {
        for (const auto& w : run.log.warnings) err << "warning: " << w.text() << '\n';
        if (run.log.warningCount > run.log.warnings.size())
            err << "warning: " << (run.log.warningCount - run.log.warnings.size()) << " more warnings not shown\n";
    }
    if (writeFormat && runs.size() != 1)
        throw UsageError("--write needs exactly one run, the paths hold " + std::to_string(runs.size()));

    if (args.has("list")) {
        printSeriesList(runs, out, json);
    } else if (runs.size() == 1) {
        runReport(runs.front(), json).print(out, json);
    } else if (json) {
        out << "{\"runs\": [";
        for (std::size_t i = 0; i < runs.size(); ++i) {
            std::ostringstream one;
            runReport(runs[i], json).print(one, true);
            std::string text = one.str();
            while (!text.empty() && text.back() == '\n') text.pop_back();
            out << (i ? ", " : "") << text;
        }
        out << "]}\n";
    } else {
        for (std::size_t i = 0; i < runs.size(); ++i) {
            if (i) out << '\n';
            runReport(runs[i], json).print(out, false);
        }
    }
    if (writeFormat) {
        try {
            logs::saveLog(runs.front().log, args.text("write"), *writeFormat);
        } catch (const LogError& e) {
            err << e.what() << '\n';
            return 1;
        }
    }
    return 0;
}

const CommandRegistration registration{CommandSpec{
    "import",
    "Read experiment logs (CommuteLab JSON/JSONL/CSV, TensorBoard, Hugging Face trainer_state.json, metrics CSV, "
    "W&B exports, per-run tables; files or folders) and summarise each run",
    {{"json", "", "print one JSON object instead of key: value lines", "", false},
     {"list", "", "list every series (run, name, axis, count, step range) instead of the summary", "", false},
     {"domain", "NAME=SERIES", "map a series to a domain (repeat for each domain); replaces the guess", "", false,
      true},
     {"mapping", "FILE",
      "map series to domains as a mapping file says (JSON, docs/log-format.md); applied to every run that has "
      "those series. Without it and --domain, commutelab-mapping.json next to the logs is used when present",
      "", false},
     {"no-sidecar", "", "ignore commutelab-mapping.json next to the logs (guess instead)", "", false},
     {"x", "AXIS", "the step axis to read the series on (when a name exists on several)", "", false},
     {"write", "OUT", "write the (one) run as CommuteLab's log; the suffix .json, .jsonl or .csv says the form", "",
      false}},
    "PATH...",
    runImport}};

}  // namespace

}  // namespace cl::cli
