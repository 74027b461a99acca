// commutelab render: one landscape view (or Figure 1's three panels) of a preset or a saved
// session, sampled with core and written to PNG/SVG/PDF through the figure export, without a
// window. Figures are painted with QPainter on Qt's offscreen platform: no display is needed.

#include "cli/CommandRegistry.h"
#include "cli/RenderLab.h"
#include "cli/RenderSurface.h"
#include "cli/Report.h"
#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"
#include "core/landscape/LandscapePreset.h"
#include "ui/FigureExport.h"
#include "ui/LandscapeColors.h"
#include "ui/LandscapeExport.h"
#include "ui/LandscapeFigure.h"
#include "ui/LandscapeSession.h"
#include "ui/PointOverlays.h"
#include "ui/logs/LogFigures.h"

#include "core/logs/LogFile.h"

#include <QString>

#include <QGuiApplication>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <ostream>
#include <regex>

#include <sys/stat.h>
#include <unistd.h>

namespace cl::cli {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Qt's font database and QPdfWriter need a QGuiApplication; the offscreen platform needs no
/// display, so `render` runs on a headless machine as is.
std::unique_ptr<QGuiApplication> offscreenApplication()
{
    if (QGuiApplication::instance()) return nullptr;
    // Qt wants a private runtime folder and warns on stderr without one; a headless shell often
    // has none, so give it one (mode 0700, as XDG asks).
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const std::string dir = "/tmp/commutelab-runtime-" + std::to_string(getuid());
        ::mkdir(dir.c_str(), 0700);
        qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(dir));
    }
    static int argc = 3;
    static char arg0[] = "commutelab", arg1[] = "-platform", arg2[] = "offscreen";
    static char* argv[] = {arg0, arg1, arg2, nullptr};
    return std::make_unique<QGuiApplication>(argc, argv);
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
    std::optional<LandscapeSession> session;  // drawn as the workspace shows it (sessionFigureSpec)
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
    LandscapeSession session = loadSession(path);  // located errors
    Scene s;
    s.l1 = ExpressionLoss::fromText(session.l1);
    s.l2 = ExpressionLoss::fromText(session.l2);
    s.target = targetFromSpec(session.target, session.l1, session.l2);
    s.targetLabel = targetDisplayLabel(session.target);
    s.grid = session.grid;
    if (const auto panel = ui::singlePanelOfLayout(session.layout)) s.defaultView = ui::landscapePanelName(*panel);
    s.session = std::move(session);
    return s;
}

/// The landscape figure of `panels` over `grid`: a session's as the workspace shows and exports it
/// (sessionFigureSpec, with its clicked points' flows), a preset's with its heading.
void landscapeFigure(Scene& s, const std::vector<ui::LandscapePanel>& panels, std::shared_ptr<const FieldGrid> grid,
                     const ui::LandscapeOptions& options)
{
    if (s.session) {
        LossPtr targetLoss;
        try {
            targetLoss = s.target.asLoss({s.l1, s.l2});
        } catch (const std::exception&) {  // a target that does not fit the pair: no excess loss, as in the window
        }
        const LandscapeSession& session = *s.session;
        s.figure = ui::sessionFigureSpec(
            session, panels, std::move(grid),
            ui::computePointOverlays(s.l1, s.l2, targetLoss, session.points, session.descentL1, session.descentL2));
    } else {
        s.figure.panels = panels;
        s.figure.grid = std::move(grid);
        if (panels.size() == 1) s.figure.title.clear();  // the panel's own title names it
        s.figure.targetLabel = s.targetLabel;
    }
    s.figure.options = options;
}

/// `base` with the drawing options given on the command line; a bad colour map is named here.
ui::LandscapeOptions landscapeOptions(const ParsedArgs& args, ui::LandscapeOptions o)
{
    if (args.has("arrows")) o.arrowDensity = args.integer("arrows");
    if (args.has("arrow-scaling")) o.arrowScaling = arrowScaling(args.text("arrow-scaling"));
    if (args.has("contours")) o.contourCount = args.integer("contours");
    if (args.has("colormap")) o.colorMap = args.text("colormap");
    if (args.has("diverging-map")) o.divergingMap = args.text("diverging-map");
    try {
        ui::ColorMap::named(o.colorMap);
        ui::ColorMap::named(o.divergingMap);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    return o;
}

/// The figure's size from --width/--height (pixels) or --inches W,H, and --dpi.
ui::FigureOptions figureSize(const ParsedArgs& args, int defaultWidth, int defaultHeight)
{
    ui::FigureOptions o;
    o.dpi = args.integer("dpi");
    if (o.dpi < 10 || o.dpi > 2400) throw UsageError("--dpi: must be between 10 and 2400");
    o.width = args.has("width") ? args.integer("width") : defaultWidth;
    o.height = args.has("height") ? args.integer("height") : defaultHeight;
    if (args.has("inches")) {
        double w = 0, h = 0;
        char tail = 0;
        if (std::sscanf(args.text("inches").c_str(), "%lf,%lf%c", &w, &h, &tail) != 2 || !(w > 0) || !(h > 0))
            throw UsageError("--inches: expected W,H in inches, e.g. 6.4,4.8, got '" + args.text("inches") + "'");
        o.width = int(std::lround(w * o.dpi));
        o.height = int(std::lround(h * o.dpi));
    }
    // writeFigure checks these too, but here the message can name the option.
    if (o.width < 16 || o.width > 16384) throw UsageError("--width: must be between 16 and 16384 pixels");
    if (o.height < 16 || o.height > 16384) throw UsageError("--height: must be between 16 and 16384 pixels");
    return o;
}

void checkOutPath(const QString& outFile)
{
    try {
        ui::figureFormatForPath(outFile);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--out: ") + e.what());
    }
}

void report(std::ostream& out, const ParsedArgs& args, const std::string& view, const ui::FigureOptions& o,
            double renderSeconds, const QString& dataPath)
{
    Report r;
    r.add("out", args.text("out"));
    r.add("view", view);
    r.add("width", static_cast<long long>(o.width));
    r.add("height", static_cast<long long>(o.height));
    r.add("dpi", static_cast<long long>(o.dpi));
    if (!dataPath.isEmpty()) r.add("data", dataPath.toStdString());
    r.add("render_seconds", renderSeconds);
    r.print(out, args.has("json"));
}

/// `--log FILE --view pareto|prediction|advice|rms`: the log window's figure with its default settings.
int renderLog(const ParsedArgs& args, std::ostream& out)
{
    const QString outFile = QString::fromStdString(args.text("out"));
    const std::string view = args.has("view") ? args.text("view") : "pareto";
    const auto views = ui::logs::logFigureViews();
    if (std::find(views.begin(), views.end(), view) == views.end())
        throw UsageError("--view: unknown log view '" + view + "' (use pareto, prediction, advice or rms)");
    const ui::FigureOptions defaults = ui::logFigureDefaults();
    ui::FigureOptions options = figureSize(args, defaults.width, defaults.height);
    auto log = std::make_shared<const logs::RunLog>(logs::readLog(args.text("log")));  // located errors
    const auto app = offscreenApplication();
    const auto start = Clock::now();
    const ui::logs::LogFigure figure = ui::logs::logFigure(log, view);
    options.title = args.has("title") ? QString::fromStdString(args.text("title")) : figure.title;
    ui::writeFigure(figure.populate, outFile, options, args.has("data") ? &figure.data : nullptr);
    report(out, args, view, options, secondsSince(start), args.has("data") ? ui::figureDataPath(outFile) : QString());
    return 0;
}

/// `--lab FILE --view loss|plane|pmatrix|histogram|schedule`: a Schedule lab figure (cli/RenderLab.h).
int renderLab(const ParsedArgs& args, std::ostream& out)
{
    const QString outFile = QString::fromStdString(args.text("out"));
    const ui::FigureOptions defaults = ui::labFigureDefaults();
    ui::FigureOptions options = figureSize(args, defaults.width, defaults.height);
    const auto app = offscreenApplication();
    const auto start = Clock::now();
    const LabRender lab = labRenderFigure(args);
    if (!lab.figure.populate) throw std::invalid_argument("the lab's " + lab.view + " figure has nothing to draw");
    options.title = args.has("title") ? QString::fromStdString(args.text("title")) : lab.figure.title;
    ui::writeFigure(lab.figure.populate, outFile, options, args.has("data") ? &lab.figure.data : nullptr);
    report(out, args, lab.view, options, secondsSince(start),
           args.has("data") ? ui::figureDataPath(outFile) : QString());
    return 0;
}

int runRender(const ParsedArgs& args, std::ostream& out, std::ostream&)
{
    const int sources =
        int(args.has("preset")) + int(args.has("session")) + int(args.has("log")) + int(args.has("lab"));
    if (sources != 1) throw UsageError("give exactly one of --preset NAME, --session FILE, --log FILE or --lab FILE");
    const std::string outPath = args.text("out");
    const QString outFile = QString::fromStdString(outPath);
    checkOutPath(outFile);
    if (args.has("log")) return renderLog(args, out);
    if (args.has("lab")) return renderLab(args, out);
    Scene s = args.has("preset") ? fromPreset(args.text("preset")) : fromSession(args.text("session"));
    const std::string view = args.has("view") ? args.text("view") : s.defaultView;
    // The workspace's 3-D surface (cli/RenderSurface.h), or landscape panels.
    const bool surface = view == "surface";
    const std::vector<ui::LandscapePanel> panels =
        surface ? std::vector<ui::LandscapePanel>{} : ui::landscapeViewPanels(view);
    if (!surface && panels.empty())
        throw UsageError("--view: unknown view '" + view + "' (use l1, l2, bracket, pmap, figure1 or surface)");
    if (args.has("field") && !surface) throw UsageError("--field: only with --view surface");
    const ui::SurfaceField field = surfaceFieldOption(args);
    if (args.has("target")) {
        const std::string t = args.text("target");
        // In a session's form: mean, l1, l2 and weighted:<w1> as they are, anything else an expression.
        const bool named =
            t == "mean" || t == "l1" || t == "l2" || t.rfind("weighted:", 0) == 0 || t.rfind("expr:", 0) == 0;
        const std::string spec = named ? t : "expr:" + t;
        try {
            s.target = targetFromSpec(spec, s.session ? s.session->l1 : "", s.session ? s.session->l2 : "");
        } catch (const std::exception& e) {  // a typed expression: say which option it came from
            throw UsageError("--target: " + std::string(e.what()));
        }
        s.targetLabel = targetDisplayLabel(spec);
        if (s.session) s.session->target = spec;
    }
    if (args.has("grid")) s.grid.n = args.integer("grid");
    if (s.grid.n < 2 || s.grid.n > 4096) throw UsageError("--grid: N must be between 2 and 4096");
    if (s.session) s.session->grid.n = s.grid.n;

    const ui::LandscapeOptions options = landscapeOptions(
        args, s.session ? ui::withKnownColorMaps(s.session->options) : ui::LandscapeOptions{});  // before any work

    const auto app = offscreenApplication();
    auto start = Clock::now();
    FieldRequest request;
    request.l1 = s.l1;
    request.l2 = s.l2;
    request.target = s.target;
    request.grid = s.grid;
    auto grid = std::make_shared<FieldGrid>();
    sampleFields(request, *grid);
    const double sampleSeconds = secondsSince(start);
    ui::FigureOptions figureOptions;
    start = Clock::now();
    if (surface) {
        const ui::FigureOptions defaults = ui::surfaceFigureDefaults();  // the window's export starts there too
        figureOptions = figureSize(args, defaults.width, defaults.height);
        figureOptions.title = QString::fromStdString(args.has("title") ? args.text("title") : "CommuteLab surface");
        ui::writeSurfaceFigure(surfaceSceneSpec(field, *grid, s.target, options), nullptr, outFile, figureOptions);
        if (args.has("data")) ui::writeFieldsCsvFile(*grid, ui::figureDataPath(outFile));
    } else {
        landscapeFigure(s, panels, grid, options);
        if (args.has("title")) s.figure.title = args.text("title");
        // The workspace's default size (landscapeFigureOptions) unless one is given; several panels
        // given only a width are as tall as they need at that width.
        const ui::FigureOptions defaults = ui::landscapeFigureOptions(s.figure, args.integer("dpi"));
        figureOptions = figureSize(args, defaults.width, defaults.height);
        figureOptions.title = defaults.title;
        if (panels.size() > 1 && args.has("width") && !args.has("height") && !args.has("inches"))
            figureOptions.height = ui::landscapeFigureHeight(s.figure, figureOptions.width, figureOptions.dpi / 96.0);
        ui::writeLandscapeFigure(s.figure, outFile, figureOptions, args.has("data"));
    }
    const QString dataPath = args.has("data") ? ui::figureDataPath(outFile) : QString();
    const double renderSeconds = secondsSince(start);

    Report report;
    report.add("out", outPath);
    report.add("view", view);
    report.add("width", static_cast<long long>(figureOptions.width));
    report.add("height", static_cast<long long>(figureOptions.height));
    report.add("grid", static_cast<long long>(s.grid.n));
    report.add("sample_seconds", sampleSeconds);
    report.add("render_seconds", renderSeconds);
    if (!dataPath.isEmpty()) report.add("data", dataPath.toStdString());
    report.print(out, args.has("json"));
    return 0;
}

const CommandRegistration registration{CommandSpec{
    "render",
    "Draw a landscape view (L1, L2, the bracket with its regions, the P map, Figure 1's three panels, or the 3-D "
    "surface of L1, L2 or the target) of a "
    "preset or a saved session, a log window figure of an experiment log, or a Schedule lab figure of a lab file, "
    "to PNG, SVG or PDF (painted with QPainter: no display needed).",
    {
        {"preset", "NAME", "built-in pair of losses (figure1, rotated-quadratics, quadratic-nonconvex)", "", false},
        {"session", "FILE", "landscape session saved by the workspace (.json)", "", false},
        {"log", "FILE", "experiment log: the log window's figures (--view pareto|prediction|advice|rms)", "", false},
        {"lab", "FILE",
         "Schedule lab file: the lab's figures (--view loss|plane|pmatrix|histogram|schedule); "
         "'--lab pmatrix' without such a file: the P matrix at theta0 of --domains/--dim/--seed",
         "", false},
        {"domains", "K", "--lab pmatrix: number of domains", "3", false},
        {"dim", "N", "--lab pmatrix: parameter dimension", "20", false},
        {"seed", "S", "--lab pmatrix: random seed of the model", "1", false},
        {"view",
         "l1|l2|bracket|pmap|figure1|surface|pareto|prediction|advice|rms|loss|plane|pmatrix|histogram|schedule",
         "what to draw (default: figure1, the session's layout, pareto for a log, the lab's tab for a lab)", "", false},
        {"field", "l1|l2|target", "--view surface: the loss shown as the height (default l1)", "", false},
        {"inches", "W,H", "figure size in inches (pixels = inches x dpi); overrides --width/--height", "", false},
        {"data", "", "also write the numbers behind the figure to OUT with the suffix .csv", "", false},
        {"out", "FILE", "output file; the format follows the suffix: .png, .svg or .pdf", "", true},
        {"width", "PX", "figure width in pixels (the page is PX/dpi inches)", "960, figure1: 1800, log: 1200", false},
        {"height", "PX", "figure height in pixels", "680, figure1: as tall as its panels need, log: 900", false},
        {"dpi", "N", "dots per inch: recorded in PNG, sets the SVG/PDF page size; text and lines scale by N/96", "96",
         false},
        {"grid", "N", "points per axis (default: the preset's or session's)", "", false},
        {"target", "mean|l1|l2|weighted:W1|EXPR",
         "loss that P is measured against (default: mean, or the session's); an EXPR may use L1 and L2 by name", "",
         false},
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
