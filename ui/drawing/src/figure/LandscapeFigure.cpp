// populateLandscapeFigure: the one drawing path of every landscape panel (live view, export,
// `commutelab render`). Lays the panels out side by side, derives what all panels share from
// the grid once, and adds each panel's items to the scene in painting order.

#include "ui/LandscapeFigure.h"

#include "../ArrowFieldItem.h"
#include "../AxesItem.h"
#include "../ColorBarItem.h"
#include "../LegendItem.h"
#include "../LevelCurvesItem.h"
#include "../LossLegendItem.h"
#include "../OrderEffectInsetItem.h"
#include "../OverlayItem.h"
#include "../OverlayLegendItem.h"
#include "../ShadedGridItem.h"
#include "../TitleItem.h"
#include "FieldStatistics.h"

#include <vtkContextClip.h>
#include <vtkContextScene.h>
#include <vtkNew.h>

#include <algorithm>
#include <cctype>
#include <numeric>

namespace cl::ui {

std::optional<LandscapePanel> landscapePanelFromName(const std::string& name)
{
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == "l1") return LandscapePanel::L1;
    if (lower == "l2") return LandscapePanel::L2;
    if (lower == "bracket") return LandscapePanel::Bracket;
    if (lower == "pmap") return LandscapePanel::PMap;
    return std::nullopt;
}

const char* landscapePanelName(LandscapePanel panel)
{
    switch (panel) {
    case LandscapePanel::L1: return "l1";
    case LandscapePanel::L2: return "l2";
    case LandscapePanel::Bracket: return "bracket";
    case LandscapePanel::PMap: return "pmap";
    }
    return "";
}

std::vector<LandscapePanel> landscapeViewPanels(const std::string& view)
{
    if (view == "figure1") return {LandscapePanel::L1, LandscapePanel::L2, LandscapePanel::Bracket};
    if (const auto panel = landscapePanelFromName(view)) return {*panel};
    return {};
}

namespace {

double columnWidth(LandscapePanel panel)
{
    switch (panel) {
    case LandscapePanel::L1:
    case LandscapePanel::L2: return LossLegendItem::columnWidth;
    case LandscapePanel::Bracket: return 250;
    case LandscapePanel::PMap: return ColorBarItem::columnWidth;
    }
    return 0;
}

std::string defaultTitle(LandscapePanel panel, bool lettered)
{
    switch (panel) {
    case LandscapePanel::L1: return lettered ? "(a) L\u2081: level curves and \u2212\u2207L\u2081" : "L\u2081: level curves and \u2212\u2207L\u2081";
    case LandscapePanel::L2: return lettered ? "(b) L\u2082: level curves and \u2212\u2207L\u2082" : "L\u2082: level curves and \u2212\u2207L\u2082";
    case LandscapePanel::Bracket:
        return lettered ? "(c) Lie bracket R(L\u2081, L\u2082) and regions" : "Lie bracket R(L\u2081, L\u2082) and regions";
    case LandscapePanel::PMap: return "P(L\u2081, L\u2082; target)";
    }
    return {};
}

DataRect shownRect(const LandscapeFigureSpec& spec)
{
    if (spec.view) return *spec.view;
    const GridSpec g = spec.grid ? spec.grid->spec : GridSpec{};
    // The grid's range widened by half a step on every side: each grid point sits at the
    // centre of its shading cell.
    const double hx = g.n > 1 ? (g.xmax - g.xmin) / (g.n - 1) : 0, hy = g.n > 1 ? (g.ymax - g.ymin) / (g.n - 1) : 0;
    return {g.xmin - hx / 2, g.xmax + hx / 2, g.ymin - hy / 2, g.ymax + hy / 2};
}

vtkSmartPointer<LandscapeItem> shadedGrid(std::vector<unsigned char> LandscapeFieldData::*pixels)
{
    auto item = vtkSmartPointer<ShadedGridItem>::New();
    item->setPixels(pixels);
    return item;
}

double headingHeight(const LandscapeFigureSpec& spec, double scale)
{
    return spec.panels.size() > 1 && !spec.title.empty() ? (spec.subtitle.empty() ? 34 : 52) * scale : 0;
}

}  // namespace

PlotLayout landscapePanelLayout(const LandscapeFigureSpec& spec, std::size_t index, double width, double height,
                                double scale)
{
    const DataRect r = shownRect(spec);
    const std::size_t count = std::max<std::size_t>(1, spec.panels.size());
    const double cellHeight = height - headingHeight(spec, scale);
    // One plot size for all panels: the width left after every panel's fixed parts, shared out.
    const double fixedPerPanel = (PlotLayout::marginLeft + PlotLayout::gap + PlotLayout::marginRight) * scale;
    std::vector<double> fixed;
    for (LandscapePanel p : spec.panels) fixed.push_back(fixedPerPanel + columnWidth(p) * scale);
    if (fixed.empty()) fixed.push_back(fixedPerPanel + columnWidth(LandscapePanel::Bracket) * scale);
    const double aspect = (r.xmax - r.xmin) / (r.ymax - r.ymin);
    const double plotWidth = std::max(
        10.0, std::min((width - std::accumulate(fixed.begin(), fixed.end(), 0.0)) / double(count),
                       (cellHeight - (PlotLayout::marginTop + PlotLayout::marginBottom) * scale) * aspect));
    const double extra = std::max(0.0, width - std::accumulate(fixed.begin(), fixed.end(), 0.0) - count * plotWidth);
    double cellLeft = extra / 2;
    for (std::size_t k = 0; k < index && k < fixed.size(); ++k) cellLeft += fixed[k] + plotWidth;
    const std::size_t k = std::min(index, fixed.size() - 1);
    const double column = fixed[k] - fixedPerPanel;
    // Several panels hang from the heading (spare height goes below them); one panel is centred.
    const double needed = plotWidth / aspect + (PlotLayout::marginTop + PlotLayout::marginBottom) * scale;
    const double cellBottom = count > 1 ? std::max(0.0, cellHeight - needed) : 0.0;
    return PlotLayout::compute(cellLeft, cellBottom, fixed[k] + plotWidth, cellHeight - cellBottom, r.xmin, r.xmax,
                               r.ymin, r.ymax, column, scale);
}

void prepareLandscapeFigure(const std::shared_ptr<const FieldGrid>& grid, const LandscapeOptions& options)
{
    if (grid) sharedFieldData(grid, options);
}

void populateLandscapeFigure(vtkContextScene* scene, const LandscapeFigureSpec& spec, int width, int height,
                             double scale)
{
    scene->ClearItems();
    const auto data = sharedFieldData(spec.grid, spec.options);
    const ColorMap sequential = ColorMap::named(spec.options.colorMap);
    const ColorMap diverging = ColorMap::named(spec.options.divergingMap);
    const bool single = spec.panels.size() == 1;

    for (std::size_t index = 0; index < spec.panels.size(); ++index) {
        auto model = std::make_shared<LandscapeModel>();
        model->data = data;
        model->overlays = spec.overlays;
        model->panel = spec.panels[index];
        model->options = spec.options;
        model->sequential = sequential;
        model->diverging = diverging;
        const RegionTints tints = regionTints(spec.options.colorBlindRegions);
        model->regionGreen = tints.green;
        model->regionPurple = tints.purple;
        model->targetLabel = spec.targetLabel;
        model->title = single && !spec.title.empty() ? spec.title : defaultTitle(model->panel, !single);
        if (model->panel == LandscapePanel::PMap && (!single || spec.title.empty()))
            model->title = "P(L\u2081, L\u2082; " + spec.targetLabel + ") = \u27e8R, \u2207target\u27e9";
        if (single) model->subtitle = spec.subtitle;
        model->layout = landscapePanelLayout(spec, index, width, height, scale);

        // Everything drawn in data coordinates is clipped to the plot (a zoomed view shows only
        // part of the grid; arrows and flows may leave it).
        const PlotLayout& l = model->layout;
        vtkNew<vtkContextClip> clip;
        clip->SetClip(float(l.left), float(l.bottom), float(l.width), float(l.height));
        std::vector<vtkSmartPointer<LandscapeItem>> inside, outside;
        switch (model->panel) {
        case LandscapePanel::Bracket:
            inside.push_back(shadedGrid(&LandscapeFieldData::regionPixels));
            outside.push_back(vtkSmartPointer<LegendItem>::New());
            break;
        case LandscapePanel::PMap:
            inside.push_back(shadedGrid(&LandscapeFieldData::pPixels));
            outside.push_back(vtkSmartPointer<ColorBarItem>::New());
            break;
        case LandscapePanel::L1:
        case LandscapePanel::L2: {
            // Where the loss is undefined, the same grey as in the bracket panel (not white).
            const auto pixels = model->panel == LandscapePanel::L1 ? &LandscapeFieldData::l1Pixels
                                                                   : &LandscapeFieldData::l2Pixels;
            if (!((*data).*pixels).empty()) inside.push_back(shadedGrid(pixels));
            outside.push_back(vtkSmartPointer<LossLegendItem>::New());
            break;
        }
        }
        inside.push_back(vtkSmartPointer<LevelCurvesItem>::New());
        inside.push_back(vtkSmartPointer<ArrowFieldItem>::New());
        inside.push_back(vtkSmartPointer<OverlayItem>::New());
        outside.push_back(vtkSmartPointer<AxesItem>::New());
        outside.push_back(vtkSmartPointer<OverlayLegendItem>::New());
        outside.push_back(vtkSmartPointer<TitleItem>::New());
        outside.push_back(vtkSmartPointer<OrderEffectInsetItem>::New());  // over the plot, clips itself
        for (auto& item : inside) {
            item->setModel(model);
            clip->AddItem(item);
        }
        scene->AddItem(clip);
        for (auto& item : outside) {
            item->setModel(model);
            scene->AddItem(item);
        }
    }

    if (!single && !spec.title.empty()) {  // the figure's heading, centred over all panels
        auto model = std::make_shared<LandscapeModel>();
        model->title = spec.title;
        model->subtitle = spec.subtitle;
        model->layout.scale = scale;
        model->layout.left = 0;
        model->layout.width = width;
        model->layout.titleY = height - (spec.subtitle.empty() ? 26 : 28) * scale;
        vtkNew<TitleItem> heading;
        heading->setModel(model);
        scene->AddItem(heading);
    }
}

}  // namespace cl::ui
