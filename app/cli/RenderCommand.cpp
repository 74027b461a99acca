// commutelab render: one landscape view (or Figure 1's three panels) of a preset or a saved
// session, sampled with core and written to PNG/SVG/PDF through the figure export, without a
// window. VTK draws with OpenGL, so an X display is needed (xvfb-run when there is none).

#include "cli/CommandRegistry.h"
#include "cli/Report.h"
#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"
#include "core/landscape/LandscapePreset.h"
#include "ui/FigureExport.h"
#include "ui/LandscapeColors.h"
#include "ui/LandscapeFigure.h"
#include "ui/LandscapeSession.h"

#include <QFileInfo>
#include <QString>

#include <chrono>
#include <cstdio>
#include <regex>
#include <cstdlib>
#include <dlfcn.h>
#include <thread>
#include <ostream>

namespace cl::cli {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// VTK's X11 render window aborts the process when it cannot open the display, so look first.
/// libX11 is opened at run time: the binary does not link it, and a missing library reads as
/// "no display" too.
std::string displayProblem()
{
    const char* name = std::getenv("DISPLAY");
    if (!name || !*name) return "no X display (DISPLAY is not set)";
    void* x11 = dlopen("libX11.so.6", RTLD_LAZY | RTLD_LOCAL);
    if (!x11) return "libX11 cannot be loaded";
    using Open = void* (*)(const char*);
    using Close = int (*)(void*);
    auto open = reinterpret_cast<Open>(dlsym(x11, "XOpenDisplay"));
    auto close = reinterpret_cast<Close>(dlsym(x11, "XCloseDisplay"));
    std::string problem;
    if (!open || !close) {
        problem = "libX11 has no XOpenDisplay";
    } else {
        // A busy Xvfb now and then refuses one connection: try a few times before giving up.
        problem = std::string("cannot open X display '") + name + "'";
        for (int attempt = 0; attempt < 10; ++attempt) {
            if (void* display = open(name)) {
                close(display);
                problem.clear();
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    dlclose(x11);
    return problem;
}

ui::LandscapeOptions::ArrowScaling arrowScaling(const std::string& name)
{
    using S = ui::LandscapeOptions::ArrowScaling;
    if (name == "linear") return S::Linear;
    if (name == "sqrt") return S::SquareRoot;
    if (name == "log") return S::Log;
    if (name == "normalised" || name == "normalized") return S::Normalised;
    throw UsageError("--arrow-scaling: unknown scaling '" + name + "' (use linear, sqrt, log or normalised)");
}

/// What to draw: the losses, target, grid and overlays, from a preset or a session file.
struct Scene {
    LossPtr l1, l2;
    Target target = Target::mean(2);
    std::string targetLabel = "mean";
    GridSpec grid;
    ui::LandscapeFigureSpec figure;
    std::vector<ui::ClickedPointSpec> points;
    bool descentL1 = false, descentL2 = false;
    std::string defaultView = "figure1";
};

/// The expression as shown in a subtitle: numbers with many digits (the quadratic presets print
/// 17 significant digits so they parse back exactly) shortened to 4 significant digits.
std::string shortExpression(const std::string& text)
{
    static const std::regex longNumber(R"(\d+\.\d{5,})");
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), longNumber);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        out += text.substr(last, std::size_t(it->position()) - last);
        char number[32];
        std::snprintf(number, sizeof number, "%.4g", std::stod(it->str()));
        out += number;
        last = std::size_t(it->position() + it->length());
    }
    return out + text.substr(last);
}

Scene fromPreset(const std::string& name)
{
    const LandscapePreset& preset = findLandscapePreset(name);  // throws, listing the known names
    Scene s;
    s.l1 = ExpressionLoss::fromText(preset.l1);
    s.l2 = ExpressionLoss::fromText(preset.l2);
    s.grid = preset.grid;
    s.figure.title = preset.title;
    s.figure.subtitle = "L\u2081 = " + shortExpression(preset.l1) + "      L\u2082 = " + shortExpression(preset.l2);
    return s;
}

Scene fromSession(const std::string& path)
{
    const ui::LandscapeSession session = ui::loadSession(QString::fromStdString(path));  // located errors
    Scene s;
    s.l1 = ExpressionLoss::fromText(session.l1);
    s.l2 = ExpressionLoss::fromText(session.l2);
    s.target = ui::targetFromSpec(session.target, session.l1, session.l2);
    s.targetLabel = session.target;
    s.grid = session.grid;
    s.figure.options = session.options;
    s.figure.title = "Session " + QFileInfo(QString::fromStdString(path)).completeBaseName().toStdString();
    s.figure.subtitle = "L\u2081 = " + shortExpression(session.l1) + "      L\u2082 = " + shortExpression(session.l2);
    s.points = session.points;
    s.descentL1 = session.descentL1;
    s.descentL2 = session.descentL2;
    if (const auto panel = ui::singlePanelOfLayout(session.layout)) s.defaultView = ui::landscapePanelName(*panel);
    return s;
}

/// The flows of the clicked points and the descent paths: a point whose flows fail keeps its
/// marker and shows the error cross, as in the workspace.
std::shared_ptr<const ui::LandscapeOverlays> overlays(const Scene& s)
{
    if (s.points.empty()) return nullptr;
    auto result = std::make_shared<ui::LandscapeOverlays>();
    for (const ui::ClickedPointSpec& p : s.points) {
        ui::LandscapeOverlays::Clicked clicked{p.x, p.y, p.dt, std::nullopt, {}};
        const Vector theta0 = (Vector(2) << p.x, p.y).finished();
        try {
            clicked.flows = computePointFlows(s.l1, s.l2, theta0, p.dt);
        } catch (const std::exception& e) {
            clicked.error = e.what();
        }
        result->points.push_back(std::move(clicked));
        if (s.descentL1) result->descentPaths.push_back(descentPath(s.l1, theta0));
        if (s.descentL2) result->descentPaths.push_back(descentPath(s.l2, theta0));
    }
    return result;
}

int runRender(const ParsedArgs& args, std::ostream& out, std::ostream&)
{
    if (args.has("preset") == args.has("session")) throw UsageError("give exactly one of --preset NAME or --session FILE");
    const std::string outPath = args.text("out");
    const QString outFile = QString::fromStdString(outPath);
    bool pdf = false;
    try {
        pdf = ui::figureFormatForPath(outFile) == ui::FigureFormat::Pdf;
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--out: ") + e.what());
    }

    Scene s = args.has("preset") ? fromPreset(args.text("preset")) : fromSession(args.text("session"));
    const std::string view = args.has("view") ? args.text("view") : s.defaultView;
    s.figure.panels = ui::landscapeViewPanels(view);
    if (s.figure.panels.empty())
        throw UsageError("--view: unknown view '" + view + "' (use l1, l2, bracket, pmap or figure1)");
    if (s.figure.panels.size() == 1) s.figure.title.clear();  // the panel's own title names it
    if (args.has("target")) {
        const std::string t = args.text("target");
        try {
            s.target = t == "mean" ? Target::mean(2)
                       : t == "l1" ? Target::domain(0, 2)
                       : t == "l2" ? Target::domain(1, 2)
                                   : Target::loss(ExpressionLoss::fromText(t), t);
        } catch (const std::exception& e) {  // a typed expression: say which option it came from
            throw UsageError("--target: " + std::string(e.what()));
        }
        s.targetLabel = t;
    }
    s.figure.targetLabel = s.targetLabel == "l1" ? "L\u2081" : s.targetLabel == "l2" ? "L\u2082" : s.targetLabel;
    if (args.has("grid")) s.grid.n = args.integer("grid");
    if (s.grid.n < 2 || s.grid.n > 4096) throw UsageError("--grid: N must be between 2 and 4096");
    ui::LandscapeOptions& o = s.figure.options;
    if (args.has("arrows")) o.arrowDensity = args.integer("arrows");
    if (args.has("arrow-scaling")) o.arrowScaling = arrowScaling(args.text("arrow-scaling"));
    if (args.has("contours")) o.contourCount = args.integer("contours");
    if (args.has("colormap")) o.colorMap = args.text("colormap");
    if (args.has("diverging-map")) o.divergingMap = args.text("diverging-map");
    if (args.has("title")) s.figure.title = args.text("title");
    s.figure.asciiText = pdf;
    try {  // name a bad colour map before any work is done
        ui::ColorMap::named(o.colorMap);
        ui::ColorMap::named(o.divergingMap);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }

    const bool wide = s.figure.panels.size() > 1;
    ui::FigureOptions figureOptions;
    figureOptions.width = args.has("width") ? args.integer("width") : (wide ? 1800 : 960);
    figureOptions.height = args.has("height") ? args.integer("height") : (wide ? 540 : 680);
    figureOptions.dpi = args.integer("dpi");
    // writeFigure checks these too, but here the message can name the option.
    if (figureOptions.width < 16 || figureOptions.width > 16384) throw UsageError("--width: must be between 16 and 16384");
    if (figureOptions.height < 16 || figureOptions.height > 16384)
        throw UsageError("--height: must be between 16 and 16384");
    if (figureOptions.dpi < 10 || figureOptions.dpi > 2400) throw UsageError("--dpi: must be between 10 and 2400");
    figureOptions.title = QString::fromStdString(s.figure.title.empty() ? "CommuteLab landscape" : s.figure.title);
    if (const std::string problem = displayProblem(); !problem.empty())
        throw std::runtime_error(problem + ": rendering needs OpenGL on an X display; run under xvfb-run, e.g. "
                                 "xvfb-run -a commutelab render ...");

    auto start = Clock::now();
    FieldRequest request;
    request.l1 = s.l1;
    request.l2 = s.l2;
    request.target = s.target;
    request.grid = s.grid;
    auto grid = std::make_shared<FieldGrid>();
    sampleFields(request, *grid);
    s.figure.grid = grid;
    s.figure.overlays = overlays(s);
    const double sampleSeconds = secondsSince(start);

    start = Clock::now();
    ui::writeFigure(ui::ScaledScenePopulator([&](vtkContextScene* scene, int w, int h, double scale) {
                        ui::populateLandscapeFigure(scene, s.figure, w, h, scale);
                    }),
                    outFile, figureOptions);
    const double renderSeconds = secondsSince(start);

    Report report;
    report.add("out", outPath);
    report.add("view", view);
    report.add("width", static_cast<long long>(figureOptions.width));
    report.add("height", static_cast<long long>(figureOptions.height));
    report.add("grid", static_cast<long long>(s.grid.n));
    report.add("sample_seconds", sampleSeconds);
    report.add("render_seconds", renderSeconds);
    report.print(out, args.has("json"));
    return 0;
}

const CommandRegistration registration{CommandSpec{
    "render",
    "Draw a landscape view (L1, L2, the bracket with its regions, the P map, or Figure 1's three panels) of a "
    "preset or a saved session to PNG, SVG or PDF. Needs an X display: run under xvfb-run when there is none.",
    {
        {"preset", "NAME", "built-in pair of losses (figure1, rotated-quadratics, quadratic-nonconvex)", "", false},
        {"session", "FILE", "landscape session saved by the workspace (.json)", "", false},
        {"view", "l1|l2|bracket|pmap|figure1", "what to draw (default: figure1, or the session's layout)", "", false},
        {"out", "FILE", "output file; the format follows the suffix: .png, .svg or .pdf", "", true},
        {"width", "PX", "figure width in pixels (points for SVG/PDF)", "960, figure1: 1800", false},
        {"height", "PX", "figure height in pixels (points for SVG/PDF)", "680, figure1: 540", false},
        {"dpi", "N", "PNG only: recorded in the file; text and lines scale by N/96", "96", false},
        {"grid", "N", "points per axis (default: the preset's or session's)", "", false},
        {"target", "mean|l1|l2|EXPR", "loss that P is measured against (default: mean, or the session's)", "", false},
        {"arrows", "N", "arrows per side of the plot", "24", false},
        {"arrow-scaling", "linear|sqrt|log|normalised", "how arrow length follows the field's norm", "sqrt", false},
        {"contours", "N", "level curves per loss", "7", false},
        {"colormap", "NAME", "sequential map for level curves (viridis, cividis, magma, plasma)", "viridis", false},
        {"diverging-map", "NAME", "diverging map for the P map (RdBu, PuOr, BrBG)", "RdBu", false},
        {"title", "TEXT", "figure title (one panel: replaces the panel's title)", "", false},
        {"json", "", "print one JSON object instead of key: value lines", "", false},
    },
    "",
    runRender,
}};

}  // namespace

}  // namespace cl::cli
