// populateLandscapeFigure: the one drawing path of every landscape panel (live view, export,
// `commutelab render`). Lays the panels out side by side, derives what all panels share from
// the grid once, and adds each panel's items to the scene in painting order.

#include "ui/LandscapeFigure.h"

#include "../ArrowFieldItem.h"
#include "../AxesItem.h"
#include "../ColorBarItem.h"
#include "../LegendBandItem.h"
#include "../LegendItem.h"
#include "../LevelCurvesItem.h"
#include "../LossLegendItem.h"
#include "../OrderEffectInsetItem.h"
#include "../OverlayItem.h"
#include "../OverlayLegendItem.h"
#include "../ShadedGridItem.h"
#include "../TitleItem.h"
#include "FieldStatistics.h"
#include "LandscapeLayout.h"
#include "TextMetrics.h"
#include "ui/FigureStyle.h"

#include <vtkContextClip.h>
#include <vtkContextScene.h>
#include <vtkNew.h>

#include <algorithm>
#include <cctype>
#include <cmath>

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
        case LandscapePanel::L1:
            return "l1";
        case LandscapePanel::L2:
            return "l2";
        case LandscapePanel::Bracket:
            return "bracket";
        case LandscapePanel::PMap:
            return "pmap";
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

std::string defaultTitle(LandscapePanel panel, bool lettered)
{
    switch (panel) {
        case LandscapePanel::L1:
            return lettered ? "(a) L\u2081: level curves and \u2212\u2207L\u2081"
                            : "L\u2081: level curves and \u2212\u2207L\u2081";
        case LandscapePanel::L2:
            return lettered ? "(b) L\u2082: level curves and \u2212\u2207L\u2082"
                            : "L\u2082: level curves and \u2212\u2207L\u2082";
        case LandscapePanel::Bracket:
            return lettered ? "(c) Lie bracket R(L\u2081, L\u2082) and regions"
                            : "Lie bracket R(L\u2081, L\u2082) and regions";
        case LandscapePanel::PMap:
            return "P(L\u2081, L\u2082; target)";
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

}  // namespace

PlotLayout landscapePanelLayout(const LandscapeFigureSpec& spec, std::size_t index, double width, double height,
                                double scale)
{
    return landscapeLayout(spec, shownRect(spec), index, width, height, scale);
}

int landscapeFigureHeight(const LandscapeFigureSpec& spec, int width, double scale)
{
    return int(std::ceil(landscapeLayoutHeight(spec, shownRect(spec), width, scale)));
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
    auto panelTitle = [&](std::size_t index) {
        const LandscapePanel panel = spec.panels[index];
        if (panel == LandscapePanel::PMap && (!single || spec.title.empty()))
            return "P(L\u2081, L\u2082; " + spec.targetLabel + ") = \u27e8R, \u2207target\u27e9";
        return single && !spec.title.empty() ? spec.title : defaultTitle(panel, !single);
    };
    // Narrow panels' titles share one size, the largest at which every one fits its panel (not
    // below the style's minTextPt; TitleItem elides what still does not fit).
    double narrowTitlePx = 0;
    if (!spec.panels.empty()) {
        const PlotLayout first = landscapePanelLayout(spec, 0, width, height, scale);
        narrowTitlePx = first.titlePx;
        for (std::size_t index = 0; index < spec.panels.size(); ++index) {
            const double room = first.cellWidth - 8 * scale, wide = textWidth(panelTitle(index), first.titlePx, true);
            if (wide > room && room > 0) narrowTitlePx = std::min(narrowTitlePx, first.titlePx * room / wide);
        }
        narrowTitlePx = std::max(narrowTitlePx, pointsToPixels(figureStyle().minTextPt, scale));
    }

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
        model->title = panelTitle(index);
        if (single) model->subtitle = spec.subtitle;
        model->layout = landscapePanelLayout(spec, index, width, height, scale);
        if (model->layout.legendBelow) model->layout.titlePx = narrowTitlePx;

        // Everything drawn in data coordinates is clipped to the plot (a zoomed view shows only
        // part of the grid; arrows and flows may leave it).
        const PlotLayout& l = model->layout;
        vtkNew<vtkContextClip> clip;
        clip->SetClip(float(l.left), float(l.bottom), float(l.width), float(l.height));
        std::vector<vtkSmartPointer<LandscapeItem>> inside, outside;
        // A narrow panel's legend is one band below the plot (LegendBandItem: the panel's entries
        // and the overlays'); the P map's colour bar then lies across the band's top.
        const bool below = l.legendBelow;
        switch (model->panel) {
            case LandscapePanel::Bracket:
                inside.push_back(shadedGrid(&LandscapeFieldData::regionPixels));
                if (!below) outside.push_back(vtkSmartPointer<LegendItem>::New());
                break;
            case LandscapePanel::PMap:
                inside.push_back(shadedGrid(&LandscapeFieldData::pPixels));
                outside.push_back(vtkSmartPointer<ColorBarItem>::New());
                break;
            case LandscapePanel::L1:
            case LandscapePanel::L2: {
                // Where the loss is undefined, the same grey as in the bracket panel (not white).
                const auto pixels =
                    model->panel == LandscapePanel::L1 ? &LandscapeFieldData::l1Pixels : &LandscapeFieldData::l2Pixels;
                if (!((*data).*pixels).empty()) inside.push_back(shadedGrid(pixels));
                if (!below) outside.push_back(vtkSmartPointer<LossLegendItem>::New());
                break;
            }
        }
        inside.push_back(vtkSmartPointer<LevelCurvesItem>::New());
        inside.push_back(vtkSmartPointer<ArrowFieldItem>::New());
        inside.push_back(vtkSmartPointer<OverlayItem>::New());
        outside.push_back(vtkSmartPointer<AxesItem>::New());
        if (below)
            outside.push_back(vtkSmartPointer<LegendBandItem>::New());
        else
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
        model->layout = landscapeHeadingLayout(spec, shownRect(spec), width, height, scale);
        vtkNew<TitleItem> heading;
        heading->setModel(model);
        scene->AddItem(heading);
    }
}

}  // namespace cl::ui
