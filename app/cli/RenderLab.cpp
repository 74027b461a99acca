#include "cli/RenderLab.h"

#include "core/planner/TournamentPlanner.h"

#include <algorithm>
#include <filesystem>

namespace cl::cli {

namespace {

/// The figure a lab file opens on when --view is not given: its tab's chart.
std::string defaultView(const LabFile& lab)
{
    switch (lab.views.tab) {
        case 1:
            return lab.runs.empty() ? "schedule" : "pmatrix";
        case 2:
            return lab.table1.computed ? "histogram" : "schedule";
        default:
            return lab.runs.empty() ? "schedule" : "loss";
    }
}

/// `--lab pmatrix` without such a file: a random model from --domains/--dim/--seed, at θ0.
LabRender commandLineModel(const ParsedArgs& args)
{
    RandomQuadraticSpec spec;
    spec.domains = args.has("domains") ? args.integer("domains") : 3;
    spec.dimension = args.has("dim") ? args.integer("dim") : 20;
    spec.seed = args.has("seed") ? std::uint64_t(args.integer("seed")) : 1;
    if (spec.domains < 2 || spec.domains > 12) throw UsageError("--domains: K must be between 2 and 12");
    if (spec.dimension < 2 || spec.dimension > 4000) throw UsageError("--dim: N must be between 2 and 4000");
    const auto model = ui::schedule::buildLabModel(spec);
    const Matrix matrix = pairwiseOrderMatrix(model->losses, *model->target, model->model.theta0);
    return {"pmatrix", ui::schedule::pmatrixFigure(matrix, 1, 0.0)};
}

}  // namespace

LabRender labRenderFigure(const ParsedArgs& args)
{
    const std::string file = args.text("lab");
    if (file == "pmatrix" && !std::filesystem::exists(file)) return commandLineModel(args);
    for (const char* option : {"domains", "dim", "seed"})
        if (args.has(option))
            throw UsageError(std::string("--") + option + ": only with --lab pmatrix; a lab file holds its model");
    const LabFile lab = loadLabFile(file);  // located errors
    const std::string view = args.has("view") ? args.text("view") : defaultView(lab);
    const auto& views = ui::schedule::labFigureViews();
    if (std::find(views.begin(), views.end(), view) == views.end())
        throw UsageError("--view: unknown lab view '" + view + "' (use loss, plane, pmatrix, histogram or schedule)");
    // Only what the view needs is computed: Table 1 for the histogram alone, no runs for it.
    ui::schedule::LabResults results;
    if (view == "histogram") {
        if (!lab.table1.computed)
            throw std::invalid_argument(file + ": field 'table1.computed': Table 1 was not run in this lab");
        results.table1 = runTable1(ui::schedule::table1SpecOf(lab.table1));
    } else if (view != "schedule") {
        results.model = ui::schedule::buildLabModel(lab.model);
        results.runs = ui::schedule::computeLabRuns(*results.model, lab);
    }
    if ((view == "loss" || view == "plane" || view == "pmatrix") && lab.runs.empty())
        throw std::invalid_argument(file + ": field 'runs': the lab has no runs to draw");
    return {view, ui::schedule::labFigure(results, lab, view)};
}

}  // namespace cl::cli
