// Live update speed of the landscape workspace at 512² (issue 4): the FieldComputation round
// trip, the four views' scene rebuild, scripted slider steps to repaint, and a 60 Hz drag.
// Run under xvfb-run: bench_landscape_updates. Settings go to a temporary folder.

#include "core/FieldSampler.h"
#include "ui/FieldComputation.h"
#include "ui/LandscapeFigure.h"
#include "ui/LandscapeOptions.h"
#include "ui/LandscapeView.h"
#include "ui/LossPanel.h"
#include "ui/MainWindow.h"
#include "ui/VtkOpenGLHost.h"
#include "ui/workspace/LinkedViews.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace cl;
using namespace cl::ui;

namespace {

int fail(const char* why)
{
    std::fprintf(stderr, "bench_landscape_updates: %s\n", why);
    return 1;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double mean(const std::vector<double>& v)
{
    double sum = 0;
    for (double x : v) sum += x;
    return v.empty() ? 0 : sum / double(v.size());
}

// The next frame of each view whose picture an L1 change alters (the L2 panel keeps its own).
class ChangedFrames {
public:
    explicit ChangedFrames(const MainWindow& window)
    {
        for (LandscapePanel panel : {LandscapePanel::L1, LandscapePanel::Bracket, LandscapePanel::PMap})
            spies_.push_back(std::make_unique<QSignalSpy>(window.view(panel), &VtkOpenGLHost::frameSwapped));
    }
    bool allSwapped() const
    {
        for (const auto& spy : spies_)
            if (spy->isEmpty()) return false;
        return true;
    }

private:
    std::vector<std::unique_ptr<QSignalSpy>> spies_;
};

}  // namespace


int main(int argc, char** argv)
{
    useVtkSurfaceFormat();
    QApplication app(argc, argv);
    QTemporaryDir settingsDir;
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    auto window = std::make_unique<MainWindow>();
    // Runs `change`, then waits for the grid of the request it caused.
    auto gridAfter = [&](const std::function<void()>& change) -> std::shared_ptr<const FieldGrid> {
        QSignalSpy finished(window->computation(), &FieldComputation::finished);
        change();
        const quint64 wanted = window->computation()->latestId();
        for (int k = 0; k < 600; ++k) {
            for (const auto& args : finished)
                if (args.at(1).value<quint64>() == wanted) return args.at(0).value<std::shared_ptr<const FieldGrid>>();
            QTest::qWait(50);
        }
        return nullptr;
    };

    window->resize(1500, 1000);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get())) return fail("the window was never exposed");
    window->setSinglePanel(std::nullopt);
    window->lossPanel()->choosePreset(0);  // the typed Figure-1 pair
    QTest::qWait(MainWindow::quietMs + 200);  // a change after a quiet moment samples the full grid
    const auto first = gridAfter([&] { window->setGridSize(512); });
    if (!first || first->spec.n != 512) return fail("no 512x512 grid arrived");

    // 1. The computation alone: FieldComputation round trips (request → finished on the GUI thread).
    FieldComputation computation;
    FieldRequest request;
    request.l1 = window->lossPanel()->l1();
    request.l2 = window->lossPanel()->l2();
    request.grid = window->gridSpec();
    std::vector<double> compute;
    for (int k = 0; k < 20; ++k) {
        QSignalSpy finished(&computation, &FieldComputation::finished);
        QElapsedTimer timer;
        timer.start();
        computation.request(request);
        if (!finished.wait(60000)) return fail("a computation did not finish");
        compute.push_back(double(timer.nsecsElapsed()) / 1e6);
    }

    // The drawing alone: handing one 512² grid to the four views (scene rebuilds on the GUI thread).
    std::vector<double> draw;
    for (int k = 0; k < 5; ++k) {
        auto copy = std::make_shared<FieldGrid>(*first);
        QElapsedTimer timer;
        timer.start();
        window->linkedViews()->setFields(copy);
        draw.push_back(double(timer.nsecsElapsed()) / 1e6);
    }

    // The GUI thread's share of an update: two ready 512² grids that differ in L1, handed to
    // the views in turn; time until the L1, bracket and P-map views swapped their new frames.
    std::vector<double> guiOnly;
    {
        auto other = std::make_shared<FieldGrid>(*first);
        for (double& v : other->l1) v *= 1.5;
        for (double& v : other->g1x) v *= 1.5;
        const std::shared_ptr<const FieldGrid> pair[2] = {first, other};
        for (int k = 0; k < 30; ++k) {
            const ChangedFrames frames(*window);
            // A fresh grid object with its panel data derived, as the worker hands them over.
            std::shared_ptr<const FieldGrid> fresh = std::make_shared<FieldGrid>(*pair[(k + 1) % 2]);
            prepareLandscapeFigure(fresh, window->landscapeView()->options());
            QElapsedTimer timer;
            timer.start();
            window->linkedViews()->setFields(fresh);
            while (!frames.allSwapped() && timer.elapsed() < 60000) QCoreApplication::processEvents();
            guiOnly.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    }

    // 2. A scripted slider drag on L1 (quadratic): value change → new grid in all four views →
    //    the next frame of each view whose picture changed (L1, bracket, P map) swapped.
    window->findChild<QToolButton*>("l1QuadraticToggle")->click();
    QTest::qWait(500);
    auto* slider = window->findChild<QSlider*>("l1Angle");
    slider->setValue(0);
    QTest::qWait(500);
    // (a) Steps after a quiet moment; (b) steps back to back, as a drag is (grids finer than
    //     MainWindow::previewSize would be previewed; 512² is not).
    auto stepLoop = [&](int from, bool quiet, std::vector<double>& toGrid, std::vector<double>& toFrame, int& full) {
        for (int step = from; step < from + 60; ++step) {
            if (quiet) QTest::qWait(MainWindow::quietMs + 50);
            const ChangedFrames frames(*window);
            const auto before = window->landscapeView()->fields();
            QElapsedTimer timer;
            timer.start();
            slider->setValue(step);
            while (window->landscapeView()->fields() == before && timer.elapsed() < 60000) QTest::qWait(1);
            toGrid.push_back(double(timer.nsecsElapsed()) / 1e6);
            full += window->landscapeView()->fields()->spec.n == 512 ? 1 : 0;
            while (!frames.allSwapped() && timer.elapsed() < 60000) QTest::qWait(1);
            toFrame.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    };
    std::vector<double> quietGrid, quietFrame, dragGrid, dragFrame;
    int quietFull = 0, dragFull = 0;
    stepLoop(1, true, quietGrid, quietFrame, quietFull);
    stepLoop(61, false, dragGrid, dragFrame, dragFull);
    QTest::qWait(MainWindow::quietMs + 200);
    // (c) The bracket view alone (layout "bracket only"), steps after a pause: one scene to rebuild.
    window->setSinglePanel(LandscapePanel::Bracket);
    QTest::qWait(MainWindow::quietMs + 200);
    std::vector<double> singleGrid, singleFrame;
    int singleFull = 0;
    {
        for (int step = 121; step < 151; ++step) {
            QTest::qWait(MainWindow::quietMs + 50);
            QSignalSpy frame(window->landscapeView(), &VtkOpenGLHost::frameSwapped);
            const auto before = window->landscapeView()->fields();
            QElapsedTimer timer;
            timer.start();
            slider->setValue(step);
            while (window->landscapeView()->fields() == before && timer.elapsed() < 60000) QTest::qWait(1);
            singleGrid.push_back(double(timer.nsecsElapsed()) / 1e6);
            singleFull += window->landscapeView()->fields()->spec.n == 512 ? 1 : 0;
            while (frame.isEmpty() && timer.elapsed() < 60000) QTest::qWait(1);
            singleFrame.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    window->setSinglePanel(std::nullopt);
    QTest::qWait(MainWindow::quietMs + 200);

    // 3. A drag as a hand makes it: the slider moves one step every 1/60 s of wall time whether
    //    or not the views kept up (a busy GUI thread sees the newest position, as with a mouse),
    //    from 180 down to 60 in 2 s; every frame the bracket view swaps with a new grid counts.
    QSignalSpy shown(window->computation(), &FieldComputation::finished);
    int previews = 0, fullFrames = 0;
    std::vector<double> stamps;  // ms into the drag of each bracket-view frame showing a new grid
    QElapsedTimer drag;
    auto shownGrid = window->landscapeView()->fields();
    auto onFrame = QObject::connect(window->landscapeView(), &VtkOpenGLHost::frameSwapped, [&] {
        if (window->landscapeView()->fields() == shownGrid) return;
        shownGrid = window->landscapeView()->fields();
        stamps.push_back(double(drag.nsecsElapsed()) / 1e6);
    });
    drag.start();
    for (int value = 180; value > 60;) {
        const int wanted = std::max(60, 180 - int(drag.elapsed() * 60 / 1000));
        if (wanted < value) slider->setValue(value = wanted);
        QTest::qWait(1);
    }
    const double dragSeconds = double(drag.nsecsElapsed()) / 1e9;
    QObject::disconnect(onFrame);
    for (const auto& args : shown) {
        const bool preview = args.at(0).value<std::shared_ptr<const FieldGrid>>()->spec.n < 512;
        previews += preview ? 1 : 0;
        fullFrames += preview ? 0 : 1;
    }
    std::vector<double> gaps;
    for (std::size_t k = 1; k < stamps.size(); ++k) gaps.push_back(stamps[k] - stamps[k - 1]);
    (void)QTest::qWaitFor(
        [&] { return !window->computation()->isRunning() && window->landscapeView()->fields()->spec.n == 512; }, 60000);

    std::printf("benchmark 512x512 Figure-1 pair (%d threads):\n", QThread::idealThreadCount());
    std::printf("  FieldComputation round trip: median %.1f ms, mean %.1f ms -> %.1f updates/s\n", median(compute),
          mean(compute), 1000 / mean(compute));
    std::printf("  LinkedViews::setFields (4 views rebuild their scenes): median %.1f ms\n", median(draw));
    std::printf("  GUI thread alone, a ready grid -> L1, bracket and P-map frames swapped: median %.1f ms, mean %.1f ms\n",
          median(guiOnly), mean(guiOnly));
    std::printf("  slider step after a pause (%d of 60 at 512x512) -> grid in the views: median %.1f ms; -> views "
          "repainted: median %.1f ms, mean %.1f ms -> %.1f updates/s\n",
          quietFull, median(quietGrid), median(quietFrame), mean(quietFrame), 1000 / mean(quietFrame));
    std::printf("  slider steps back to back (%d of 60 at 512x512) -> grid: median %.1f ms; -> views "
          "repainted: median %.1f ms, mean %.1f ms -> %.1f updates/s\n",
          dragFull, median(dragGrid), median(dragFrame),
          mean(dragFrame), 1000 / mean(dragFrame));
    std::printf("  bracket view alone, step after a pause (%d of 30 at 512x512): grid median %.1f ms; repainted median %.1f "
          "ms, mean %.1f ms -> %.1f updates/s\n",
          singleFull, median(singleGrid), median(singleFrame), mean(singleFrame), 1000 / mean(singleFrame));
    std::printf("  drag at 60 steps/s for %.2f s: %zu new frames in the bracket view (grids: %d at 512x512, %d previews) "
          "-> %.1f frames/s; frame time median %.1f ms, mean %.1f ms\n",
          dragSeconds, stamps.size(), fullFrames, previews, double(stamps.size()) / dragSeconds, median(gaps),
          mean(gaps));
    return 0;
}
