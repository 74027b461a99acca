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
#include <cmath>
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

double columnWidth(LandscapePanel panel)
{
    switch (panel) {
        case LandscapePanel::L1:
        case LandscapePanel::L2:
            return LossLegendItem::columnWidth;
        case LandscapePanel::Bracket:
            return 250;
        case LandscapePanel::PMap:
            return ColorBarItem::columnWidth;
    }
    return 0;
}

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

double headingHeight(const LandscapeFigureSpec& spec, double scale)
{
    return spec.panels.size() > 1 && !spec.title.empty() ? (spec.subtitle.empty() ? 34 : 52) * scale : 0;
}

}  // namespace

namespace {

/// How the panels share the figure: every panel's fixed width (margins and its legend column),
/// one plot width for all, and the spare width and height around the row.
struct PanelRow {
    std::vector<double> fixed;
    double plotWidth = 10, aspect = 1, cellHeight = 0, spareWidth = 0, spareHeight = 0;
};

PanelRow panelRow(const LandscapeFigureSpec& spec, double width, double height, double scale)
{
    PanelRow row;
    const DataRect r = shownRect(spec);
    const std::size_t count = std::max<std::size_t>(1, spec.panels.size());
    row.cellHeight = height - headingHeight(spec, scale);
    const double fixedPerPanel = (PlotLayout::marginLeft + PlotLayout::gap + PlotLayout::marginRight) * scale;
    for (LandscapePanel p : spec.panels) row.fixed.push_back(fixedPerPanel + columnWidth(p) * scale);
    if (row.fixed.empty()) row.fixed.push_back(fixedPerPanel + columnWidth(LandscapePanel::Bracket) * scale);
    // Both axes have the same units (arrows and level curves keep their shapes), so the plot's
    // aspect is the data rectangle's and the plot is limited by the width or by the height.
    row.aspect = (r.xmax - r.xmin) / (r.ymax - r.ymin);
    const double fixedSum = std::accumulate(row.fixed.begin(), row.fixed.end(), 0.0);
    const double margins = (PlotLayout::marginTop + PlotLayout::marginBottom) * scale;
    row.plotWidth =
        std::max(10.0, std::min((width - fixedSum) / double(count), (row.cellHeight - margins) * row.aspect));
    row.spareWidth = std::max(0.0, width - fixedSum - double(count) * row.plotWidth);
    row.spareHeight = std::max(0.0, row.cellHeight - (row.plotWidth / row.aspect + margins));
    return row;
}

}  // namespace

PlotLayout landscapePanelLayout(const LandscapeFigureSpec& spec, std::size_t index, double width, double height,
                                double scale)
{
    const DataRect r = shownRect(spec);
    const PanelRow row = panelRow(spec, width, height, scale);
    const std::size_t count = std::max<std::size_t>(1, spec.panels.size());
    double cellLeft = row.spareWidth / 2;
    for (std::size_t k = 0; k < index && k < row.fixed.size(); ++k) cellLeft += row.fixed[k] + row.plotWidth;
    const std::size_t k = std::min(index, row.fixed.size() - 1);
    const double fixedPerPanel = (PlotLayout::marginLeft + PlotLayout::gap + PlotLayout::marginRight) * scale;
    const double column = row.fixed[k] - fixedPerPanel;
    // Several panels: the row (with the heading above it) is centred in the figure's height, so a
    // figure taller than its width-limited panels need keeps them in the middle, not hung from the
    // top over an empty lower third. One panel is centred in its cell by PlotLayout.
    const double cellBottom = count > 1 ? row.spareHeight / 2 : 0.0;
    const double cellHeight = count > 1 ? row.cellHeight - row.spareHeight : row.cellHeight;
    return PlotLayout::compute(cellLeft, cellBottom, row.fixed[k] + row.plotWidth, cellHeight, r.xmin, r.xmax, r.ymin,
                               r.ymax, column, scale);
}

int landscapeFigureHeight(const LandscapeFigureSpec& spec, int width, double scale)
{
    // The width-limited row at an unbounded height, then exactly the height it needs.
    const PanelRow row = panelRow(spec, width, 1e9, scale);
    const double needed = row.plotWidth / row.aspect + (PlotLayout::marginTop + PlotLayout::marginBottom) * scale;
    return int(std::ceil(needed + headingHeight(spec, scale)));
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
                const auto pixels =
                    model->panel == LandscapePanel::L1 ? &LandscapeFieldData::l1Pixels : &LandscapeFieldData::l2Pixels;
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
        // Over the row, which is centred in the height (landscapePanelLayout).
        const double spare = panelRow(spec, width, height, scale).spareHeight;
        model->layout.titleY = height - spare / 2 - (spec.subtitle.empty() ? 26 : 28) * scale;
        vtkNew<TitleItem> heading;
        heading->setModel(model);
        scene->AddItem(heading);
    }
}

}  // namespace cl::ui
