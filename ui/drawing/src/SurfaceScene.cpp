#include "SurfaceScene.h"

#include "AxesItem.h"
#include "SurfaceAxes.h"
#include "SurfaceLayout.h"
#include "ui/LandscapeColors.h"

#include "core/Contours.h"

#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellData.h>
#include <vtkCommand.h>
#include <vtkDataArray.h>
#include <vtkDoubleArray.h>
#include <vtkLookupTable.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>

namespace cl::ui {
namespace {

constexpr double pi = 3.14159265358979323846;

void setText(vtkTextProperty* text, double size, Rgb colour, bool bold = false)
{
    // DejaVu Sans has θ and subscripts; VTK's built-in Arial does not.
    static const char* file = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    static const bool haveFile = std::ifstream(file).good();
    if (haveFile) {
        text->SetFontFamily(VTK_FONT_FILE);
        text->SetFontFile(file);
    } else {
        text->SetFontFamilyToArial();
    }
    text->SetFontSize(int(std::lround(size)));
    text->SetBold(bold);
    text->SetItalic(false);
    text->SetShadow(false);
    text->SetColor(colour.r / 255.0, colour.g / 255.0, colour.b / 255.0);
}

void setColour(vtkProperty* property, Rgb c)
{
    property->SetColor(c.r / 255.0, c.g / 255.0, c.b / 255.0);
}

void colourCurves(vtkPolyData* curves, const ColorMap& map, double lo, double hi)
{
    vtkDataArray* levels = curves->GetCellData()->GetArray("level");
    vtkNew<vtkUnsignedCharArray> colours;
    colours->SetNumberOfComponents(3);
    for (vtkIdType k = 0; levels && k < levels->GetNumberOfTuples(); ++k) {
        const Rgb line = surfaceLayout::levelCurveColour(map, levels->GetTuple1(k), lo, hi);
        colours->InsertNextTuple3(line.r, line.g, line.b);
    }
    curves->GetCellData()->SetScalars(colours);
}

}  // namespace

struct SurfaceScene::Parts {
    vtkRenderer* renderer;
    vtkNew<vtkLookupTable> colours;
    vtkNew<vtkPolyDataMapper> surfaceMapper, curveMapper;
    vtkNew<vtkActor> surface, curves;
    vtkNew<SurfaceAxes> axes;
    vtkNew<vtkScalarBarActor> colourBar;
    vtkNew<vtkTextActor> title, subtitle;
    vtkNew<vtkCallbackCommand> layout;
    SurfaceSceneSpec spec;
    std::unique_ptr<SurfaceGeometry> geometry;
    double scale = 1;

    // An array, not an initializer_list: a returned list's storage dies with the function.
    std::array<vtkProp*, 7> props() const
    {
        return {surface, curves, axes, axes->verticalTitle(), colourBar, title, subtitle};
    }
    // Title, subtitle and colour bar at fixed pixel margins (scaled): placed before each render,
    // when the renderer's size is known.
    static void place(vtkObject*, unsigned long, void* data, void*)
    {
        auto& p = *static_cast<Parts*>(data);
        using namespace surfaceLayout;
        const int* size = p.renderer->GetSize();
        const double w = std::max(size[0], 1), h = std::max(size[1], 1), s = p.scale;
        p.title->SetPosition(textLeft * s / w, 1 - titleTop * s / h);
        p.subtitle->SetPosition(textLeft * s / w, 1 - subtitleTop * s / h);
        const auto bar = colourBarBox(size[0], size[1], s);
        p.colourBar->SetPosition(bar[0], bar[1]);
        p.colourBar->SetWidth(bar[2]);
        p.colourBar->SetHeight(bar[3]);
        p.colourBar->SetBarRatio(barRatio);
        const auto centre = windowCenter(size[0], size[1], s);
        p.renderer->GetActiveCamera()->SetWindowCenter(centre[0], centre[1]);
    }
};

SurfaceScene::SurfaceScene(vtkRenderer* renderer) : p_(std::make_unique<Parts>())
{
    Parts& p = *p_;
    p.renderer = renderer;
    renderer->SetBackground(palette::background.r / 255.0, palette::background.g / 255.0,
                            palette::background.b / 255.0);
    p.surfaceMapper->SetLookupTable(p.colours);
    p.surfaceMapper->SetScalarModeToUsePointData();
    p.surfaceMapper->SetInterpolateScalarsBeforeMapping(true);  // colours follow the loss, not the vertices
    p.surface->SetMapper(p.surfaceMapper);
    p.surface->GetProperty()->SetAmbient(surfaceLayout::ambient);
    p.surface->GetProperty()->SetDiffuse(surfaceLayout::diffuse);
    p.surface->GetProperty()->SetSpecular(surfaceLayout::specular);
    p.surface->GetProperty()->SetSpecularPower(surfaceLayout::specularPower);
    p.curveMapper->SetScalarModeToUseCellData();
    p.curveMapper->SetColorModeToDirectScalars();
    p.curves->SetMapper(p.curveMapper);
    p.curves->GetProperty()->SetOpacity(surfaceLayout::curveOpacity);
    p.curves->GetProperty()->LightingOff();

    p.axes->SetXLabelFormat("%.3g");
    p.axes->SetYLabelFormat("%.3g");
    p.axes->SetZLabelFormat("%.3g");
    p.axes->SetXTitle("θ₁");
    p.axes->SetYTitle("θ₂");
    setColour(p.axes->GetXAxesLinesProperty(), palette::ink);
    setColour(p.axes->GetYAxesLinesProperty(), palette::ink);
    setColour(p.axes->GetZAxesLinesProperty(), palette::ink);

    p.colourBar->SetLookupTable(p.colours);
    p.colourBar->SetNumberOfLabels(5);
    p.colourBar->SetLabelFormat("%.3g");
    p.colourBar->UnconstrainedFontSizeOn();
    p.colourBar->DrawFrameOff();
    for (vtkTextActor* text : {p.title.Get(), p.subtitle.Get()}) {
        text->GetPositionCoordinate()->SetCoordinateSystemToNormalizedViewport();
        text->GetTextProperty()->SetVerticalJustificationToTop();
    }
    p.layout->SetClientData(&p);
    p.layout->SetCallback(&Parts::place);
    renderer->AddObserver(vtkCommand::StartEvent, p.layout);
    applyScale();
}

SurfaceScene::~SurfaceScene()
{
    p_->renderer->RemoveObserver(p_->layout);
    for (vtkProp* prop : p_->props()) p_->renderer->RemoveViewProp(prop);
}

const SurfaceSceneSpec& SurfaceScene::spec() const
{
    return p_->spec;
}

const SurfaceGeometry* SurfaceScene::geometry() const
{
    return p_->geometry.get();
}

vtkCamera* SurfaceScene::camera() const
{
    return p_->renderer->GetActiveCamera();
}

void SurfaceScene::setSpec(SurfaceSceneSpec spec)
{
    Parts& p = *p_;
    const ColorMap map = ColorMap::named(spec.colorMap);  // throws before anything changes
    p.spec = std::move(spec);
    for (vtkProp* prop : p.props()) p.renderer->RemoveViewProp(prop);
    if (!p.spec.samples) {
        p.geometry.reset();
        return;
    }
    const SurfaceSamples& s = *p.spec.samples;
    p.geometry = std::make_unique<SurfaceGeometry>(buildSurfaceGeometry(s, heightFraction));
    const SurfaceGeometry& g = *p.geometry;

    p.colours->SetNumberOfTableValues(256);
    for (int k = 0; k < 256; ++k) {
        const Rgb c = map.at(k / 255.0);
        p.colours->SetTableValue(k, c.r / 255.0, c.g / 255.0, c.b / 255.0, 1.0);
    }
    const Rgb undefined = palette::regionUndefined;
    p.colours->SetNanColor(undefined.r / 255.0, undefined.g / 255.0, undefined.b / 255.0, 1.0);
    const double lo = g.valueMin, hi = g.valueMax > g.valueMin ? g.valueMax : g.valueMin + 1;
    p.colours->SetTableRange(lo, hi);
    p.surfaceMapper->SetInputData(g.surface);
    p.surfaceMapper->SetScalarRange(lo, hi);
    p.renderer->AddViewProp(p.surface);

    if (p.spec.levelCurves > 0) {
        auto curves = buildSurfaceContours(s, g, quantileLevels(s.values, p.spec.levelCurves));
        colourCurves(curves, map, lo, hi);
        p.curveMapper->SetInputData(curves);
        // Marching squares follows the bilinear cell, the surface its two triangles: lifted a
        // little, the curves are not cut into dashes by the surface they lie on.
        p.curves->SetPosition(
            0, 0, surfaceLayout::curveLift * std::max(s.spec.xmax - s.spec.xmin, s.spec.ymax - s.spec.ymin));
        p.renderer->AddViewProp(p.curves);
    }

    const GridSpec& r = s.spec;
    // A flat surface still gets a vertical axis (one tick at its value).
    const double top = g.top() > 0 ? g.top() : 1e-6 * std::max(r.xmax - r.xmin, r.ymax - r.ymin);
    p.axes->SetBounds(r.xmin, r.xmax, r.ymin, r.ymax, 0, top);
    p.axes->SetXAxisRange(r.xmin, r.xmax);
    p.axes->SetYAxisRange(r.ymin, r.ymax);
    p.axes->SetZAxisRange(g.valueMin, g.valueMax);  // labels in loss values, not heights
    p.axes->setVerticalTitle(p.spec.valueName);
    p.axes->SetCamera(p.renderer->GetActiveCamera());
    p.renderer->AddViewProp(p.axes);
    p.renderer->AddViewProp(p.axes->verticalTitle());  // after the axes: it follows them

    p.colourBar->SetTitle(p.spec.valueName.c_str());
    vtkNew<vtkDoubleArray> ticks;  // round values, like the vertical axis
    for (double t : AxesItem::ticks(lo, hi, 6)) ticks->InsertNextValue(t);
    p.colourBar->SetCustomLabels(ticks);
    p.colourBar->SetUseCustomLabels(g.valueMax > g.valueMin && ticks->GetNumberOfTuples() >= 2);
    p.renderer->AddViewProp(p.colourBar);

    p.title->SetInput(surfaceLayout::title(p.spec.valueName).c_str());
    p.subtitle->SetInput(surfaceLayout::subtitle(p.spec.valueName, g).c_str());
    p.renderer->AddViewProp(p.title);
    p.renderer->AddViewProp(p.subtitle);
}

void SurfaceScene::setScale(double scale)
{
    p_->scale = scale > 0 ? scale : 1;
    applyScale();
}

void SurfaceScene::applyScale()
{
    Parts& p = *p_;
    using namespace surfaceLayout;
    const double s = p.scale;
    for (int axis = 0; axis < 3; ++axis) {
        setText(p.axes->GetTitleTextProperty(axis), axisTitlePx * s, palette::ink);
        setText(p.axes->GetLabelTextProperty(axis), tickLabelPx * s, palette::ink);
    }
    setText(p.axes->verticalTitle()->GetTextProperty(), axisTitlePx * s, palette::ink);
    p.axes->setTitleGap(verticalTitleGap * s);
    p.axes->GetXAxesLinesProperty()->SetLineWidth(float(s));
    p.axes->GetYAxesLinesProperty()->SetLineWidth(float(s));
    p.axes->GetZAxesLinesProperty()->SetLineWidth(float(s));
    setText(p.colourBar->GetTitleTextProperty(), barTitlePx * s, palette::ink);
    setText(p.colourBar->GetLabelTextProperty(), barLabelPx * s, palette::ink);
    setText(p.title->GetTextProperty(), titlePx * s, palette::ink, true);
    setText(p.subtitle->GetTextProperty(), subtitlePx * s, palette::detailInk);
    p.curves->GetProperty()->SetLineWidth(float(curveWidthPx * s));
}

void SurfaceScene::resetCamera()
{
    Parts& p = *p_;
    vtkCamera* camera = p.renderer->GetActiveCamera();
    double centre[3] = {0, 0, 0};
    if (p.spec.samples && p.geometry) {
        const GridSpec& r = p.spec.samples->spec;
        centre[0] = (r.xmin + r.xmax) / 2;
        centre[1] = (r.ymin + r.ymax) / 2;
        centre[2] = p.geometry->top() / 2;
    }
    const double az = defaultAzimuth * pi / 180, el = defaultElevation * pi / 180;
    camera->SetFocalPoint(centre);
    camera->SetPosition(centre[0] + std::cos(el) * std::cos(az), centre[1] + std::cos(el) * std::sin(az),
                        centre[2] + std::sin(el));
    camera->SetViewUp(0, 0, 1);
    camera->SetViewAngle(30);
    p.renderer->ResetCamera();  // keeps the direction, fits the distance to what is shown
    p.renderer->ResetCameraClippingRange();
}

}  // namespace cl::ui
