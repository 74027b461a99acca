// Where a landscape update's time goes at 512² (issue 4): sampling, building each panel's scene
// (populateLandscapeFigure) and painting it, per panel. Run under xvfb-run:
// bench_landscape_redraw [grid] [width height].

#include "core/FieldSampler.h"
#include "core/expr/ExpressionLoss.h"
#include "core/landscape/LandscapePreset.h"
#include "ui/LandscapeFigure.h"

#include <vtkContextActor.h>
#include <vtkContextScene.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <QElapsedTimer>
#include <QGuiApplication>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double medianMs(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 512;
    const int width = argc > 3 ? std::atoi(argv[2]) : 700, height = argc > 3 ? std::atoi(argv[3]) : 450;
    const cl::LandscapePreset& preset = cl::findLandscapePreset("figure1");
    cl::FieldRequest request;
    request.l1 = cl::ExpressionLoss::fromText(preset.l1);
    request.l2 = cl::ExpressionLoss::fromText(preset.l2);
    request.grid = preset.grid;
    request.grid.n = n;
    auto grid = std::make_shared<cl::FieldGrid>();
    std::vector<double> sample;
    QElapsedTimer t;
    for (int r = 0; r < 7; ++r) {
        t.restart();
        cl::sampleFields(request, *grid);
        sample.push_back(t.nsecsElapsed() / 1e6);
    }
    std::printf("grid %dx%d, panel %dx%d px\n  sampling: median %.1f ms\n", n, n, width, height, medianMs(sample));

    vtkNew<vtkRenderWindow> window;
    window->SetOffScreenRendering(1);
    window->SetSize(width, height);
    window->SetMultiSamples(0);  // as the live views (VtkOpenGLHost)
    vtkNew<vtkRenderer> renderer;
    window->AddRenderer(renderer);
    vtkNew<vtkContextActor> actor;
    renderer->AddViewProp(actor);
    actor->GetScene()->SetRenderer(renderer);
    // Each update is a new grid object (as the live views receive): the first panel derives the
    // level curves and colour limits, the others reuse them (sharedFieldData).
    const char* names[] = {"L1", "L2", "bracket", "P map"};
    std::vector<double> build[4], paint[4], update;
    for (int r = 0; r < 7; ++r) {
        const auto fresh = std::make_shared<const cl::FieldGrid>(*grid);
        double total = 0;
        for (int p = 0; p < 4; ++p) {
            cl::ui::LandscapeFigureSpec spec;
            spec.grid = fresh;
            spec.panels = {static_cast<cl::ui::LandscapePanel>(p)};
            t.restart();
            cl::ui::populateLandscapeFigure(actor->GetScene(), spec, width, height, 1.0);
            build[p].push_back(t.nsecsElapsed() / 1e6);
            t.restart();
            window->Render();
            paint[p].push_back(t.nsecsElapsed() / 1e6);
            total += build[p].back() + paint[p].back();
        }
        update.push_back(total);
    }
    for (int p = 0; p < 4; ++p)
        std::printf("  %-8s scene build: median %.1f ms, paint: median %.1f ms\n", names[p], medianMs(build[p]),
                    medianMs(paint[p]));
    std::printf("  four panels, build + paint: median %.1f ms -> %.1f updates/s on one thread\n", medianMs(update),
                1000 / medianMs(update));
    return 0;
}
