// commutelab import FILE: validates an experiment log (any supported form) and summarises it:
// domains, how much it holds, whether logged P-values predicted the observed excess losses
// (sign agreement per cell and per checkpoint), and the win-win checkpoints. Bad input prints
// one located line ("run.csv:17:5: field 'L_en': not a number: 'abc'") and exits 1.

#include "cli/CommandRegistry.h"
#include "cli/Report.h"
#include "core/logs/LogFile.h"
#include "core/logs/OrderAdvice.h"
#include "core/logs/PredictionAgreement.h"

#include <ostream>

namespace cl::cli {

namespace {

std::string jsonList(const std::vector<std::string>& items)
{
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + jsonString(items[i]);
    return out + "]";
}

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out.empty() ? "none" : out;
}

int runImport(const ParsedArgs& args, std::ostream& out, std::ostream& err)
{
    if (args.positional.size() != 1) throw UsageError("expected one log file");
    const std::string& path = args.positional.front();
    const bool json = args.has("json");
    logs::RunLog log;
    logs::LogFormat format;
    try {
        format = logs::detectLogFormat(path);
        log = logs::readLog(path, format);
    } catch (const LogError& e) {
        err << e.what() << '\n';  // file:line:column first, so editors can jump to it
        return 1;
    }
    for (const auto& w : log.warnings) err << "warning: " << w.text() << '\n';
    if (log.warningCount > log.warnings.size())
        err << "warning: " << (log.warningCount - log.warnings.size()) << " more warnings not shown\n";

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
        winWinJson += (i ? ", " : "") + std::string("{\"step\": ") + jsonNumber(w.step) + ", \"order\": " +
                      jsonString(order) + ", \"end_with\": " + jsonString(log.domains[w.winWin.second]) + "}";
        winWinText.push_back(formatNumber(w.step) + " (" + order + ": more " + log.domains[w.winWin.second] + " at the end)");
    }
    winWinJson += "]";

    Report report;
    report.add("file", path);
    report.add("format", logs::formatName(format));
    if (json) report.addRaw("domains", jsonList(log.domains));
    else report.add("domains", joined(log.domains));
    report.add("checkpoints", static_cast<long long>(log.checkpoints.size()));
    report.add("p_values", static_cast<long long>(log.pValues.size()));
    report.add("interventions", static_cast<long long>(log.interventions.size()));
    report.add("warnings", static_cast<long long>(log.warningCount));
    report.add("cells_compared", static_cast<long long>(agreement.cells.size()));
    report.add("cells_agreeing", static_cast<long long>(agreement.cellsAgreeing));
    report.add("checkpoints_compared", static_cast<long long>(agreement.checkpoints.size()));
    report.add("checkpoints_in_full_agreement", static_cast<long long>(agreement.checkpointsInFullAgreement));
    if (json) {
        std::string list = "[";
        for (std::size_t i = 0; i < disagreeing.size(); ++i) list += (i ? ", " : "") + disagreeing[i];
        report.addRaw("checkpoints_not_in_full_agreement", list + "]");
    } else {
        report.add("checkpoints_not_in_full_agreement", joined(disagreeing));
    }
    report.add("correlation", agreement.correlation);
    report.add("cells_without_prediction", static_cast<long long>(agreement.cellsWithoutPrediction));
    if (json) report.addRaw("win_win", winWinJson);
    else report.add("win_win", joined(winWinText));
    if (!winWin.empty()) report.add("caveat", logs::kOrderAdviceCaveat);
    report.print(out, json);
    return 0;
}

const CommandRegistration registration{CommandSpec{
    "import",
    "Validate an experiment log (JSON, JSON Lines, wide or long CSV) and summarise prediction vs observation",
    {{"json", "", "print one JSON object instead of key: value lines", "", false}},
    "FILE",
    runImport}};

}  // namespace

}  // namespace cl::cli
