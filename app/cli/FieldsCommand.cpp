// commutelab fields: sample L1, L2, R, P and the regions on a grid and print a summary.

#include "cli/CommandRegistry.h"
#include "cli/Report.h"
#include "core/FieldSampler.h"
#include "core/expr/ExpressionError.h"
#include "core/expr/ExpressionLoss.h"

#include <chrono>
#include <ostream>
#include <stdexcept>

namespace cl::cli {

namespace {

// Parse errors name the option they came from: "--l2: unexpected ')' at column 14".
LossPtr parseLossOption(const ParsedArgs& args, const std::string& option)
{
    try {
        return ExpressionLoss::fromText(args.text(option));
    } catch (const ExpressionError& e) {
        throw std::invalid_argument("--" + option + ": " + e.what());
    }
}

Target parseTarget(const ParsedArgs& args)
{
    const std::string text = args.text("target");
    if (text == "mean") return Target::mean(2);
    if (text == "l1" || text == "L1") return Target::domain(0, 2);
    if (text == "l2" || text == "L2") return Target::domain(1, 2);
    try {  // a typed target may name the two losses: "0.7*L1 + 0.3*L2", "max(L1, L2)"
        const Expression e = Expression::parse(text, {{"L1", args.text("l1")}, {"L2", args.text("l2")}});
        return Target::loss(std::make_shared<ExpressionLoss>(e), text);
    } catch (const ExpressionError& e) {
        throw std::invalid_argument("--target: " + std::string(e.what()));
    }
}

int runFields(const ParsedArgs& args, std::ostream& out, std::ostream&)
{
    FieldRequest request;
    request.l1 = parseLossOption(args, "l1");
    request.l2 = parseLossOption(args, "l2");
    request.target = parseTarget(args);
    const std::vector<double> range = args.numberList("range", 4);
    request.grid = GridSpec{range[0], range[1], range[2], range[3], args.integer("grid")};

    FieldGrid grid;
    const auto start = std::chrono::steady_clock::now();
    sampleFields(request, grid);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const FieldSummary s = summarize(grid);

    Report report;
    report.add("green_fraction", s.greenFraction);
    report.add("purple_fraction", s.purpleFraction);
    report.add("neutral_fraction", s.neutralFraction);
    report.add("p_min", s.pMin);
    report.add("p_mean", s.pMean);
    report.add("p_max", s.pMax);
    report.add("undefined_fraction", s.undefinedFraction);
    report.add("seconds", seconds);
    report.print(out, args.has("json"));
    return 0;
}

const CommandRegistration registration{CommandSpec{
    "fields",
    "Sample two 2-D losses on a grid: region fractions (green: reordering helps both, purple: hurts both) and "
    "statistics of P(L1, L2; target).",
    {
        {"l1", "EXPR", "first loss, an expression in x and y", "", true},
        {"l2", "EXPR", "second loss, an expression in x and y", "", true},
        {"target", "mean|l1|l2|EXPR", "loss that P is measured against (EXPR may use L1, L2)", "mean", false},
        {"range", "XMIN,XMAX,YMIN,YMAX", "rectangle of parameter space", "-3,3,-3,3", false},
        {"grid", "N", "points per axis (N x N, both ends included)", "256", false},
        {"json", "", "print one JSON object instead of key: value lines", "", false},
    },
    "",
    runFields,
}};

}  // namespace

}  // namespace cl::cli
