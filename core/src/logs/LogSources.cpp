// The one entry point for "open these logs" (issue 11): files or folders, the format of each
// file judged from its content, CommuteLab's own logs through LogFile.h and every other
// format through its reader into ScalarRuns, then mapped to domains (DomainMapping.h).

#include "core/logs/LogSources.h"

#include "core/logs/ColumnNames.h"
#include "core/logs/CsvLogs.h"
#include "core/logs/ExternalLogReaders.h"
#include "core/logs/LogFile.h"
#include "core/logs/LogText.h"
#include "core/logs/MappingFile.h"
#include "core/logs/TensorBoardReader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace cl::logs {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kHeadBytes = 4096;

std::string lowerExtension(const fs::path& p)
{
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
}

bool isTensorBoardName(const fs::path& p)
{
    return p.filename().string().rfind("events.out.tfevents.", 0) == 0;
}

// Files a folder search looks at; anything else (LICENSE, README.md, images) is not a log.
bool mayHoldLog(const fs::path& p)
{
    const std::string e = lowerExtension(p);
    if (p.filename() == kMappingFileName) return false;  // the user's mapping, not a log
    return isTensorBoardName(p) || e == ".json" || e == ".jsonl" || e == ".ndjson" || e == ".csv";
}

std::string readHead(const std::string& path, std::uintmax_t& size)
{
    std::error_code ec;
    size = fs::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (!in || ec) throw LogError({path, 0, 0, {}}, "cannot open: no such file or not readable");
    std::string head(kHeadBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

std::string_view firstNonSpace(std::string_view text)
{
    if (text.substr(0, 3) == "\xef\xbb\xbf") text.remove_prefix(3);
    const auto lead = text.find_first_not_of(" \t\r\n");
    return lead == std::string_view::npos ? std::string_view() : text.substr(lead);
}

std::string jsonFormat(const std::string& path, std::string_view head)
{
    const std::string e = lowerExtension(path);
    const std::string_view firstLine = head.substr(0, head.find('\n'));
    if (e == ".jsonl" || e == ".ndjson" || firstLine.find("\"type\"") != std::string_view::npos) return "jsonl";
    const std::string text = readTextFile(path);
    if (text.find("\"log_history\"") != std::string::npos) return "hf-trainer-state";
    if (text.find("\"commutelab-mapping\"") != std::string::npos)
        throw LogError({path, 0, 0, {}},
                       "a CommuteLab mapping file (series -> domains), not a log: "
                       "give it with --mapping FILE");
    if (text.find("\"domains\"") == std::string::npos && text.find("\"results\"") != std::string::npos &&
        (text.find("\"config\"") != std::string::npos || text.find("\"versions\"") != std::string::npos))
        throw LogError({path, 0, 0, {}},
                       "lm-eval-harness results (a 'results' object per task): one evaluation without a step "
                       "series, not a training log; not supported");
    if (text.find("\"domains\"") == std::string::npos)
        throw LogError({path, 0, 0, "domains"},
                       "missing required field: neither a CommuteLab log (which names its "
                       "'domains') nor a Hugging Face trainer_state.json ('log_history')");
    return "json";
}

// CSV shapes by their header row: CommuteLab's own (a preamble, a long-form column, or a step
// column with at least two L_<domain> columns), a W&B export, a per-run table keyed by
// `index`, or a metrics CSV.
std::string csvFormat(const std::string& path)
{
    LineReader reader(path);
    const CsvPreamble preamble = readPreamble(reader);
    if (preamble.headerLine == 0) throw LogError({path, 0, 0, {}}, "no header row: not a CSV log");
    if (!preamble.metadata.empty()) return isLongCsvHeader(preamble.header) ? "csv-long" : "csv-wide";
    if (isWandbCsvHeader(preamble.header)) return "wandb-csv";
    if (isLongCsvHeader(preamble.header)) return "csv-long";
    std::vector<CsvCell> cells;
    std::string scratch;
    splitCsvLine(preamble.header, cells, scratch);
    std::vector<std::string> names, domains;
    std::size_t lColumns = 0;
    for (const auto& c : cells) {
        names.emplace_back(c.text);
        if (auto d = lossColumnDomain(c.text)) domains.push_back(*d);
        lColumns += c.text.rfind("L_", 0) == 0;
    }
    // loss/<d> and loss_<d> are also trackers' spellings: only a header that is all CommuteLab
    // grammar makes them a CommuteLab table; L_<d> columns always do.
    if (domains.size() >= 2 && checkDomainNames(domains).empty()) {
        bool hasStep = false, allOurs = true;
        for (const auto& n : names) {
            const ColumnParse parse = interpretColumnName(n, domains);
            hasStep = hasStep || (parse.status == ColumnParse::Ok && parse.meaning.quantity == Quantity::Step);
            allOurs = allOurs && parse.status == ColumnParse::Ok;
        }
        if (hasStep && (allOurs || lColumns >= 2)) return "csv-wide";
    }
    for (const auto& axis : metricsCsvAxisNames())
        if (std::find(names.begin(), names.end(), axis) != names.end())
            return axis == "index" ? "run-table" : "metrics-csv";
    return "metrics-csv";
}

std::string runNameFor(const fs::path& file, const fs::path& root, bool inFolder)
{
    fs::path p = file;
    if (inFolder) {
        p = file.lexically_relative(root);
        if (p.empty() || p == ".") p = root.filename();
    } else if (file.has_parent_path() && file.parent_path().has_filename()) {
        p = file.parent_path().filename() / file.filename();
    }
    if (!isTensorBoardName(p)) p.replace_extension();
    return p.generic_string();
}

std::vector<ScalarRun> readExternalFile(const std::string& path, const std::string& format)
{
    if (format == "tensorboard") return readTensorBoard(path);
    if (format == "wandb-csv") return readWandbCsv(path);
    // Moved into the vector: a braced list would copy every point of the run.
    std::vector<ScalarRun> runs;
    runs.push_back(format == "hf-trainer-state" ? readHfTrainerState(path)
                   : format == "run-table"      ? readRunTable(path)
                                                : readMetricsCsv(path));
    return runs;
}

bool isOwnFormat(const std::string& format)
{
    return formatFromName(format).has_value();
}

struct FoundFile {
    fs::path path;
    fs::path root;
    bool inFolder = false;
};

std::vector<FoundFile> filesUnder(const std::string& path)
{
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return {{fs::path(path), fs::path(path), false}};
    std::vector<FoundFile> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) && mayHoldLog(it->path())) files.push_back({it->path(), fs::path(path), true});
    if (ec) throw LogError({path, 0, 0, {}}, "cannot read the folder: " + ec.message());
    std::sort(files.begin(), files.end(), [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
    return files;
}

// TensorBoard groups the event files of one folder into one run: their series are appended.
void addTensorBoardRun(std::vector<ScalarRun>& runs, ScalarRun run, const std::string& name)
{
    for (auto& r : runs) {
        if (r.format != "tensorboard" || r.name != name) continue;
        for (auto& s : run.series) {
            const int at = r.seriesIndex(s.name, s.axis);
            if (at < 0) {
                r.series.push_back(std::move(s));
                continue;
            }
            auto& into = r.series[static_cast<std::size_t>(at)];
            into.steps.append(s.steps);
            into.values.append(s.values);
            for (std::size_t i = 0; i < s.wallTimes.size(); ++i) into.addWallTime(s.wallTime(i));
        }
        r.skippedRecords += run.skippedRecords;
        r.truncatedTail = r.truncatedTail || run.truncatedTail;
        r.warnings.insert(r.warnings.end(), run.warnings.begin(), run.warnings.end());
        return;
    }
    run.name = name;
    runs.push_back(std::move(run));
}

// Mixture-weight tables go into the per-run table with the same keys (RegMix's losses and
// weights of one sweep); a weights table without a partner stays a run of its own.
void joinWeightTables(std::vector<ScalarRun>& runs)
{
    std::vector<bool> joined(runs.size(), false);
    for (std::size_t w = 0; w < runs.size(); ++w) {
        if (!isMixtureTable(runs[w])) continue;
        for (std::size_t t = 0; t < runs.size(); ++t) {
            if (t == w || joined[t] || runs[t].format != "run-table" || isMixtureTable(runs[t]) ||
                !sameRunKeys(runs[t], runs[w]))
                continue;
            joinMixtureWeights(runs[t], runs[w]);
            joined[w] = true;
            break;
        }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (!joined[i]) {
            if (kept != i) runs[kept] = std::move(runs[i]);  // never move an element onto itself
            ++kept;
        }
    runs.resize(kept);
}

// One pass over every file of a path: own-format logs and external runs, each in file order.
void collect(const std::string& path, bool wantOwn, std::vector<LoadedRun>& own, std::vector<ScalarRun>& external,
             std::vector<LogWarning>* skipped)
{
    for (const FoundFile& f : filesUnder(path)) {
        const std::string file = f.path.string();
        std::string format;
        try {
            format = detectSourceFormat(file);
        } catch (const LogError& e) {
            if (!f.inFolder) throw;
            if (skipped) skipped->push_back({e.location(), "skipped: " + e.message()});
            continue;
        }
        const std::string name = runNameFor(f.path, f.root, f.inFolder);
        if (isOwnFormat(format)) {
            if (!wantOwn) continue;
            LoadedRun run;
            run.name = name;
            run.source = file;
            run.format = format;
            run.log = readLog(file, *formatFromName(format));
            own.push_back(std::move(run));
            continue;
        }
        for (ScalarRun& run : readExternalFile(file, format)) {
            if (run.source.empty()) run.source = file;
            if (format == "tensorboard") {
                const std::string folder = runNameFor(f.path.parent_path(), f.root, f.inFolder);
                addTensorBoardRun(external, std::move(run),
                                  f.inFolder ? folder : f.path.parent_path().filename().string());
                continue;
            }
            run.name = format == "wandb-csv" ? run.name : name;
            external.push_back(std::move(run));
        }
    }
}

void makeNamesUnique(std::vector<LoadedRun>& runs)
{
    std::set<std::string> used;
    for (auto& r : runs) {
        std::string name = r.name;
        for (int k = 2; !used.insert(name).second; ++k) name = r.name + "#" + std::to_string(k);
        r.name = name;
        if (r.series) r.series->name = name;
    }
}

ScalarRun onAxis(const ScalarRun& run, const std::string& axis)
{
    ScalarRun only = run;
    only.series.clear();
    for (const auto& s : run.series)
        if (s.axis == axis) only.series.push_back(s);
    return only;
}

}  // namespace

std::string detectSourceFormat(const std::string& path)
{
    std::uintmax_t size = 0;
    const std::string head = readHead(path, size);
    // Before the TensorBoard check, so that a pointer in a folder is skipped like any non-log.
    if (head.rfind("version https://git-lfs", 0) == 0)
        throw LogError({path, 1, 1, {}},
                       "a Git LFS pointer, not the file itself: fetch the real file with "
                       "`git lfs pull` (or `git lfs fetch && git lfs checkout`) in its repository");
    if (looksLikeTensorBoard(path, head)) return "tensorboard";
    if (size == 0) throw LogError({path, 0, 0, {}}, "empty file (0 bytes): no log in it");
    refuseBinary(head.substr(head.compare(0, 3, "\xef\xbb\xbf") == 0 ? 3 : 0), path);
    const std::string_view start = firstNonSpace(head);
    if (start.empty()) throw LogError({path, 0, 0, {}}, "only white space: no log in it");
    if (start.front() == '{' || start.front() == '[') return jsonFormat(path, start);
    return csvFormat(path);
}

std::vector<ScalarRun> readScalarRuns(const std::string& path, std::vector<LogWarning>* skipped)
{
    std::vector<LoadedRun> own;
    std::vector<ScalarRun> external;
    collect(path, false, own, external, skipped);
    joinWeightTables(external);
    return external;
}

LoadOptions withSidecarMapping(LoadOptions options, const std::vector<std::string>& paths)
{
    if (!options.findSidecar || !options.mapping.empty() || !options.fileMapping.empty()) return options;
    for (const auto& path : paths)
        if (const auto sidecar = findSidecar(path)) {
            options.fileMapping = readMappingFile(*sidecar);
            options.mappingFile = *sidecar;
            break;
        }
    return options;
}

LoadedRun mapScalarRun(ScalarRun series, const LoadOptions& options)
{
    LoadedRun run;
    run.name = series.name;
    run.source = series.source;
    run.format = series.format;
    const bool fromFile = options.mapping.empty() && mappingFits(series, options.fileMapping);
    const DomainMapping& given = fromFile ? options.fileMapping : options.mapping;
    if (given.domains.empty()) {
        run.mapping = guessDomainMapping(given.axis.empty() ? series : onAxis(series, given.axis));
        if (run.mapping.domains.empty()) run.mapping.axis = given.axis;
    } else {
        run.mapping = given;
    }
    if (given.domains.empty() && run.mapping.domains.size() == 1) {
        // One recognised loss makes no plane: keep the guess for the mapping dialog, map nothing.
        DomainMapping none;
        none.axis = run.mapping.axis;
        run.log = runLogFromSeries(series, none, &run.report);
        run.log.warn({series.source, 0, 0, run.mapping.domains.front().second},
                     "only one domain loss recognised ('" + run.mapping.domains.front().first +
                         "'); a plane needs two: map them with --domain NAME=SERIES (see --list)");
    } else {
        run.log = runLogFromSeries(series, run.mapping, &run.report);
    }
    run.report.guessed = given.domains.empty();
    if (fromFile) run.report.file = options.mappingFile;
    if (series.truncatedTail) run.log.metadata.emplace_back("truncated_tail", "true");
    run.series = std::move(series);
    return run;
}

std::vector<LoadedRun> loadRuns(const std::vector<std::string>& paths, const LoadOptions& options,
                                std::vector<LogWarning>* skipped)
{
    std::vector<LoadedRun> own;
    std::vector<ScalarRun> external;
    for (const auto& path : paths) collect(path, true, own, external, skipped);
    joinWeightTables(external);

    const LoadOptions resolved = withSidecarMapping(options, paths);
    std::vector<LoadedRun> runs = std::move(own);
    for (ScalarRun& series : external) runs.push_back(mapScalarRun(std::move(series), resolved));
    makeNamesUnique(runs);
    return runs;
}

}  // namespace cl::logs
