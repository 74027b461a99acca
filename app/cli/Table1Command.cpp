// commutelab table1: paper Table 1 on random quadratic models (§4.1, App. D). Rows t, columns Δt,
// cells "median ± half(p90 - p10)" of EL¹² / (½ Δt² P(L1, L2; L)); --json gives every cell's
// t, dt, median, p10 and p90.

#include "cli/CommandRegistry.h"
#include "cli/Report.h"
#include "core/experiments/Table1.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <limits>
#include <ostream>

namespace cl::cli {

namespace {

std::uint64_t parseSeed(const std::string& text)
{
    std::uint64_t value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || text.empty())
        throw UsageError("--seed: '" + text + "' is not a non-negative whole number");
    return value;
}

std::string fixed3(double v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", v);
    return buffer;
}

// The paper's layout: a header row of Δt, then one row per t. Columns are padded by characters,
// not bytes ("±" is two bytes in UTF-8), and rows carry no trailing blanks.
void printTable(const Table1Result& r, std::ostream& out)
{
    auto pad = [](std::string text, std::size_t width, std::size_t extraBytes = 0) {
        if (text.size() < width + extraBytes) text += std::string(width + extraBytes - text.size(), ' ');
        return text;
    };
    auto emit = [&out](std::string line) {
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << '\n';
    };
    std::string header = pad("t \\ dt", 8);
    for (double dt : r.spec.steps) header += "  " + pad(formatNumber(dt), 15);
    emit(header);
    for (std::size_t row = 0; row < r.spec.times.size(); ++row) {
        std::string line = pad(formatNumber(r.spec.times[row]), 8);
        for (std::size_t col = 0; col < r.spec.steps.size(); ++col) {
            const Table1Cell& c = r.cell(row, col);
            line += "  " + pad(fixed3(c.median) + " ± " + fixed3(0.5 * (c.p90 - c.p10)), 15, 1);
        }
        emit(line);
    }
}

std::string cellsJson(const Table1Result& r)
{
    std::string json = "[";
    for (std::size_t i = 0; i < r.cells.size(); ++i) {
        const Table1Cell& c = r.cells[i];
        json += std::string(i ? "," : "") + "{\"t\":" + jsonNumber(c.t) + ",\"dt\":" + jsonNumber(c.dt) +
                ",\"median\":" + jsonNumber(c.median) + ",\"p10\":" + jsonNumber(c.p10) +
                ",\"p90\":" + jsonNumber(c.p90) + "}";
    }
    return json + "]";
}

int runTable1Command(const ParsedArgs& args, std::ostream& out, std::ostream&)
{
    Table1Spec spec;
    spec.dimension = args.integer("dim");
    spec.trials = args.integer("trials");
    spec.seed = parseSeed(args.text("seed"));
    spec.times = args.numberList("t");
    spec.steps = args.numberList("dt");
    spec.threads = args.integer("threads");
    const std::string method = args.text("method");
    if (method == "exact") spec.method = FlowMethod::Exact;
    else if (method == "odeint") spec.method = FlowMethod::Odeint;
    else throw UsageError("--method must be exact or odeint, got '" + method + "'");
    const std::string sampling = args.text("sampling");
    if (sampling == "model") spec.sampling = Table1Sampling::ModelPerTrial;
    else if (sampling == "start") spec.sampling = Table1Sampling::StartPerTrial;
    else throw UsageError("--sampling must be model or start, got '" + sampling + "'");
    if (spec.dimension < 1) throw UsageError("--dim must be at least 1");
    if (spec.trials < 1) throw UsageError("--trials must be at least 1");
    if (spec.threads < 0) throw UsageError("--threads must be >= 0");
    for (double t : spec.times)
        if (!(t >= 0)) throw UsageError("--t: times must be >= 0");
    for (double dt : spec.steps)
        if (!(dt > 0)) throw UsageError("--dt: steps must be > 0");

    const auto start = std::chrono::steady_clock::now();
    const Table1Result result = runTable1(spec);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    const bool json = args.has("json");
    Report report;
    if (json) report.addRaw("cells", cellsJson(result));
    report.add("dim", static_cast<long long>(spec.dimension));
    report.add("trials", static_cast<long long>(spec.trials));
    // A number in JSON when it fits a signed 64-bit integer (any seed typed by hand does).
    if (spec.seed <= static_cast<std::uint64_t>(std::numeric_limits<long long>::max()))
        report.add("seed", static_cast<long long>(spec.seed));
    else
        report.add("seed", std::to_string(spec.seed));
    report.add("method", method);
    report.add("sampling", sampling);
    report.add("seconds", seconds);
    if (!json) printTable(result, out);
    report.print(out, json);
    return 0;
}

const CommandRegistration registration{CommandSpec{
    "table1",
    "Paper Table 1 on random quadratics: median ± half the 10-90 range of EL12 / (dt^2/2 P(L1,L2;L)) over "
    "trials, rows t, columns dt (L = (L1+L2)/2).",
    {
        {"dim", "N", "parameter dimension n", "100", false},
        {"trials", "T", "random models per cell (the same models fill every cell)", "100", false},
        {"seed", "S", "seed; trial i uses a seed derived from S and i", "1", false},
        {"t", "T1,T2,...", "rows: times t of the base flow on (L1+L2)/2", "0.1,0.3,1.0", false},
        {"dt", "DT1,DT2,...", "columns: swap step dt", "0.001,0.01,0.1", false},
        {"method", "exact|odeint", "closed-form flows or Boost.Odeint (dopri5, tolerances 1e-12)", "exact", false},
        {"sampling", "model|start",
         "what each trial draws: a whole new model (A_i, b_i, theta0), or only a new start theta0 for one model "
         "drawn from the seed (App. D's wording)",
         "model", false},
        {"threads", "N", "worker threads (0: one per core); results do not depend on it", "0", false},
        {"json", "", "print one JSON object with every cell's t, dt, median, p10, p90", "", false},
    },
    "",
    runTable1Command,
}};

}  // namespace

}  // namespace cl::cli
